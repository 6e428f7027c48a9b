import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { AUTH, BASE, TEXT, api, runMethod } from './helpers';

useNock();

const path = `${BASE}/triggers/auth-test`;
const CREDENTIALS_TEXT = 'Your email address or API key does not appear to be valid';

describe('authentication (Basic: email address and API key; GET /triggers/auth-test)', () => {
  it('proves the credentials with the Basic header and Accept: application/json, and labels the connection with the email', async () => {
    api()
      .get(path)
      .query({})
      .reply(200, [{ user: { personalName: 'Jane Doe', emailAddress: 'jane.doe@example.com' } }]);
    await expect(runMethod('authentication.test')).resolves.toEqual({
      email: 'jane.doe@example.com',
      name: 'Jane Doe',
    });
  });

  it('turns a 401 into an auth error naming the credentials to check', async () => {
    api().get(path).reply(401, { message: 'Invalid API key' });
    const err = await failureOf(runMethod('authentication.test'));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message.split('\n')[0]).toBe(
      'NetHunt CRM did not accept your email address and API key (Invalid API key). Check them and reconnect your NetHunt CRM account.',
    );
  });

  it.each([401, 400, 403, 200])(
    'asks to reconnect when NetHunt answers the credentials text in plain text (HTTP %s; nethunt.md › Errors)',
    async (status) => {
      api().get(path).reply(status, CREDENTIALS_TEXT, TEXT);
      const err = await failureOf(runMethod('authentication.test'));
      expect(err.name).toBe('ExpiredAuthError');
      expect(err.message.split('\n')[0]).toBe(
        `NetHunt CRM did not accept your email address and API key (${CREDENTIALS_TEXT}). Check them and reconnect your NetHunt CRM account.`,
      );
    },
  );

  it('reports an answer without a user as a broken answer', async () => {
    api().get(path).reply(200, []);
    const err = await failureOf(runMethod('authentication.test'));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: the answer: the answer has no user.');
  });

  it('never shows the key when the plain text echoes it', async () => {
    api().get(path).reply(400, `Bad key ${AUTH.password}`, TEXT);
    const err = await failureOf(runMethod('authentication.test'));
    expect(err.message).toBe('NetHunt CRM rejected the request: Bad key :censored:');
    expect(err.raw).not.toContain(AUTH.password);
  });
});
