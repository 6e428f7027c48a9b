import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import apiRequest from '../creates/apiRequest';
import { BASE, CONTACT_ID, api, run } from './helpers';

useNock();

describe('API Request (Beta)', () => {
  it('sends a JSON write under the v2 API with the connection key, and outputs the answer flat', async () => {
    api()
      .matchHeader('content-type', 'application/json')
      .put(`${BASE}/contacts/${CONTACT_ID}`, { job_title: 'CTO' })
      .reply(200, { data: { id: CONTACT_ID, job_title: 'CTO', tags: ['vip'] } });
    const out = await run.create(apiRequest, {
      method: 'PUT',
      path: `/contacts/${CONTACT_ID}`,
      body: '{"job_title": "CTO"}',
    });
    expect(out).toEqual({
      status: 200,
      'headers__content-type': 'application/json',
      body__data__id: CONTACT_ID,
      body__data__job_title: 'CTO',
      body__data__tags: ['vip'],
      body_text: `{"data":{"id":"${CONTACT_ID}","job_title":"CTO","tags":["vip"]}}`,
    });
  });

  it("shows LunarSend's own error, and outputs it instead when Fail on Error Status is off", async () => {
    api().get(`${BASE}/deals`).query({ limit: '500' }).reply(400, { error: 'invalid_limit', message: 'limit too big' });
    const err = await failureOf(run.create(apiRequest, { path: '/deals', query: { limit: '500' } }));
    expect(err.message).toMatch(/^LunarSend rejected the request: limit too big/);
    api().get(`${BASE}/deals`).query({ limit: '500' }).reply(400, { error: 'invalid_limit', message: 'limit too big' });
    const out = await run.create(apiRequest, { path: '/deals', query: { limit: '500' }, fail_on_error: false });
    expect(out).toMatchObject({ status: 400, body__error: 'invalid_limit', body__message: 'limit too big' });
  });

  it('refuses to replace the x-api-key header before any request', async () => {
    const err = await failureOf(run.create(apiRequest, { path: '/contacts', headers: { 'X-API-Key': 'other' } }));
    expect(err.message).toBe('Headers: "X-API-Key" is set by the connection and cannot be replaced here.');
    expectNothingSent();
  });
});
