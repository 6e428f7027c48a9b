import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import apiRequest from '../creates/apiRequest';
import { AUTH, BASE, api, run } from './helpers';

useNock();

describe('API Request (Beta)', () => {
  it("calls a path under the Zapier API with the connection's Basic auth, and outputs the answer flat", async () => {
    api()
      .get(`${BASE}/triggers/readable-folder`)
      .reply(200, [
        { id: '596f710ef5be7653dee0da14', name: 'Clients' },
        { id: '596f710ef5be7653dee0da15', name: 'Partners' },
      ]);
    const out = await run.create(apiRequest, { method: 'GET', path: '/triggers/readable-folder' });
    expect(out).toEqual({
      status: 200,
      'headers__content-type': 'application/json',
      'body[]id': ['596f710ef5be7653dee0da14', '596f710ef5be7653dee0da15'],
      'body[]name': ['Clients', 'Partners'],
      body_text:
        '[{"id":"596f710ef5be7653dee0da14","name":"Clients"},{"id":"596f710ef5be7653dee0da15","name":"Partners"}]',
    });
  });

  it('never outputs the API key or the Basic header the answer echoes', async () => {
    const basic = Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64');
    api()
      .get(`${BASE}/triggers/readable-folder`)
      .reply(200, { echo: `Basic ${basic}`, key: AUTH.password });
    const out = await run.create(apiRequest, { path: 'triggers/readable-folder' });
    expect(out).toMatchObject({ body__echo: 'Basic :censored:', body__key: ':censored:' });
  });

  it("keeps the user's own e-mail in an answer: it is the connection's user name, not a secret", async () => {
    const user = { personalName: 'Jane Doe', emailAddress: AUTH.username };
    api().get(`${BASE}/triggers/auth-test`).reply(200, [{ user }]);
    const out = await run.create(apiRequest, { path: '/triggers/auth-test' });
    expect(out['body[]user']).toEqual([JSON.stringify(user)]);
  });

  it('refuses to replace the Basic auth, or to leave the Zapier API, before any request', async () => {
    const header = await failureOf(
      run.create(apiRequest, { path: '/triggers/readable-folder', headers: { Authorization: 'Basic eA==' } }),
    );
    expect(header.message).toBe('Headers: "Authorization" is set by the connection and cannot be replaced here.');
    const up = await failureOf(run.create(apiRequest, { path: '/../v2/records' }));
    expect(up.message).toBe('Path: must stay under https://nethunt.com/api/v1/zapier: no "." or ".." segments.');
    expectNothingSent();
  });
});
