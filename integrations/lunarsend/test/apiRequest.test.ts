import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import apiRequest from '../creates/apiRequest';
import { BASE, CONTACT_ID, api, run } from './helpers';

useNock();

describe('API Request (Beta)', () => {
  it('sends a JSON write under the v2 API with the connection key, and outputs the answer flat', async () => {
    api()
      .matchHeader('content-type', 'application/json')
      .patch(`${BASE}/contacts`, { data: { id: CONTACT_ID, job_title: 'CTO' } })
      .reply(200, { data: { id: CONTACT_ID, job_title: 'CTO', tags: ['vip'] } });
    const out = await run.create(apiRequest, {
      method: 'PATCH',
      path: '/contacts',
      body: `{"data": {"id": "${CONTACT_ID}", "job_title": "CTO"}}`,
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
    const search = { search_by: 'stage', search_term: 'Won', query_amount: '500' };
    const refusal = { error: 'invalid_query_amount', message: 'query_amount too big' };
    api().get(`${BASE}/pipeline/search`).query(search).reply(400, refusal);
    const err = await failureOf(run.create(apiRequest, { path: '/pipeline/search', query: search }));
    expect(err.message).toBe('LunarSend rejected the request: query_amount too big');
    api().get(`${BASE}/pipeline/search`).query(search).reply(400, refusal);
    const out = await run.create(apiRequest, { path: '/pipeline/search', query: search, fail_on_error: false });
    expect(out).toMatchObject({
      status: 400,
      body__error: 'invalid_query_amount',
      body__message: 'query_amount too big',
    });
  });

  it('outputs an error envelope in a 200 as it is when Fail on Error Status is off', async () => {
    api().get(`${BASE}/contacts/search`).reply(200, { error: 'invalid_search', message: 'search_by is not a field' });
    const out = await run.create(apiRequest, { path: '/contacts/search', fail_on_error: false });
    expect(out).toMatchObject({ status: 200, body__error: 'invalid_search' });
  });

  it('refuses to replace the x-api-key header before any request', async () => {
    const err = await failureOf(run.create(apiRequest, { path: '/contacts', headers: { 'X-API-Key': 'other' } }));
    expect(err.message).toBe('Headers: "X-API-Key" is set by the connection and cannot be replaced here.');
    expectNothingSent();
  });
});
