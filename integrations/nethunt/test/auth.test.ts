import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { AUTH, BASE, api, bundle, run } from './helpers';

useNock();

describe('authentication', () => {
  it('tests the credentials with GET /triggers/auth-test and labels the connection with the email', async () => {
    api()
      .get(`${BASE}/triggers/auth-test`)
      .query({})
      .reply(200, [{ user: { personalName: 'Jane Doe', emailAddress: 'jane.doe@example.com' } }]);
    const result = await run('authentication.test', bundle());
    expect(result).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe' });
  });

  it('turns a 401 into an auth error naming the credentials, without the key', async () => {
    api().get(`${BASE}/triggers/auth-test`).reply(401, { message: 'Invalid API key' });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toContain('email address and API key');
    expect(err.message).toContain('Invalid API key');
    expect(err.raw).not.toContain(AUTH.password);
  });

  it('rejects an auth test answer without a user, naming what is missing', async () => {
    api().get(`${BASE}/triggers/auth-test`).reply(200, []);
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.message).toMatch(/unexpected shape: .*no user/);
  });
});
