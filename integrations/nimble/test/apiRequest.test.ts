import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import apiRequest from '../creates/apiRequest';
import { AUTH, USER_ID, api, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
// The connection stores the connected user's id: an answer that holds it keeps it.
const run = runner({ ...AUTH, user_id: USER_ID });

describe('API Request (Beta)', () => {
  it('calls a path under the REST API with the Bearer token, and outputs the answer flat', async () => {
    api().get('/api/v1/myself').reply(200, {
      user_id: USER_ID,
      company_id: '4f2acc3142a053dda595f00a',
      name: 'Jane Doe',
      email: 'jane@acme.example',
      company_size: 5,
    });
    const out = await run.create(apiRequest, { method: 'GET', path: '/v1/myself' });
    expect(out).toEqual({
      status: 200,
      'headers__content-type': 'application/json',
      body__user_id: USER_ID,
      body__company_id: '4f2acc3142a053dda595f00a',
      body__name: 'Jane Doe',
      body__email: 'jane@acme.example',
      body__company_size: 5,
      body_text: `{"user_id":"${USER_ID}","company_id":"4f2acc3142a053dda595f00a","name":"Jane Doe","email":"jane@acme.example","company_size":5}`,
    });
  });

  it('asks Zapier to refresh the token on a 401, even when error statuses are output', async () => {
    offContract().get('/api/v1/myself').reply(401, { message: 'token expired' });
    const err = await failureOf(run.create(apiRequest, { path: '/v1/myself', fail_on_error: false }));
    expect(err.name).toBe('RefreshAuthError');
  });

  it('refuses the OAuth endpoints outside the API base, and a replaced token, before any request', async () => {
    const outside = await failureOf(run.create(apiRequest, { path: 'https://app.nimble.com/oauth/token' }));
    expect(outside.message).toBe(
      'Path: must be a path under https://app.nimble.com/api, like /v1/contacts, not a full address.',
    );
    const header = await failureOf(
      run.create(apiRequest, { path: '/v1/myself', headers: { authorization: 'Bearer other' } }),
    );
    expect(header.message).toBe('Headers: "authorization" is set by the connection and cannot be replaced here.');
    expectNothingSent();
  });
});
