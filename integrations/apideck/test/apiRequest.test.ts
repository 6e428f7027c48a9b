import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import apiRequest from '../creates/apiRequest';
import { AUTH, api, listBody, oneBody, run } from './helpers';

useNock();

describe('API Request (Beta)', () => {
  it("calls a path under the unified CRM API with the connection's Apideck headers, and outputs the answer flat", async () => {
    const contacts = listBody('contacts', [{ id: '12345', name: 'Elon Musk', owner_id: '54321' }]);
    api().get('/crm/contacts').query({ limit: '1' }).reply(200, contacts);
    const out = await run.create(apiRequest, { path: '/contacts', query: { limit: '1' } });
    expect(out).toMatchObject({
      status: 200,
      body__status_code: 200,
      'body__data[]id': ['12345'],
      'body__data[]name': ['Elon Musk'],
      'body__data[]owner_id': ['54321'],
    });
    expect(JSON.parse(String(out.body_text))).toEqual(contacts);
  });

  it('refuses the x-apideck-* headers (consumer, app, service) and paths outside /crm, before any request', async () => {
    const consumer = await failureOf(
      run.create(apiRequest, { path: '/contacts', headers: { 'x-apideck-consumer-id': 'someone-else' } }),
    );
    expect(consumer.message).toBe(
      'Headers: "x-apideck-consumer-id" is set by the connection and cannot be replaced here.',
    );
    const vault = await failureOf(run.create(apiRequest, { path: '/../vault/connections' }));
    expect(vault.message).toBe('Path: must stay under https://unify.apideck.com/crm: no "." or ".." segments.');
    expectNothingSent();
  });

  it('keeps the public consumer id in the output but never the key', async () => {
    api()
      .get('/crm/contacts/12345')
      .reply(200, oneBody('contacts', { id: '12345', name: `${AUTH.api_key} for ${AUTH.consumer_id}` }));
    const out = await run.create(apiRequest, { path: '/contacts/12345' });
    expect(out.body__data__name).toBe(':censored: for consumer-42');
  });
});
