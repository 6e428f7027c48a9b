import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { AUTH, BASE, FOLDER, api, bundle, run } from './helpers';
import App from '../index';

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

  it('points to where NetHunt keeps the API key now: Settings › Apps and other integrations (nethunt.md › Basics)', () => {
    const key = App.authentication!.fields!.find((f) => f.key === 'password')!;
    expect(key.helpText).toContain('**Settings → Apps and other integrations → Third-party integrations → API key**');
    expect(key.helpText).toContain('**Generate API Key**');
    expect(key.helpText).not.toMatch(/Gmail/);
    expect(key.helpText).toContain('https://help.nethunt.com/en/articles/4260105-where-to-get-nethunt-api-key');
  });
});

describe('nethunt.md › Errors: plain-text bodies', () => {
  const CREDENTIALS_TEXT = 'Your email address or API key does not appear to be valid';
  const text = { 'Content-Type': 'text/plain' };

  it.each([401, 400, 403, 200])(
    'asks to reconnect when NetHunt answers the credentials text in plain text (HTTP %s)',
    async (status) => {
      api().get(`${BASE}/triggers/auth-test`).reply(status, CREDENTIALS_TEXT, text);
      const err = await failureOf(run('authentication.test', bundle()));
      expect(err.name).toBe('ExpiredAuthError');
      expect(err.message.split('\n')[0]).toBe(
        `NetHunt CRM did not accept your email address and API key (${CREDENTIALS_TEXT}). Check them and reconnect your NetHunt CRM account.`,
      );
    },
  );

  it("shows find-record's plain-text message as the error", async () => {
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query(true)
      .reply(400, 'Please enter either Record ID or Search Query', text);
    const err = await failureOf(
      run('searches.find_record.operation.perform', bundle({ folder_id: FOLDER, query: 'Name:Doe' })),
    );
    expect(err.message).toBe(
      'NetHunt CRM rejected the request (HTTP 400): Please enter either Record ID or Search Query',
    );
  });

  it("reads a plain-text body on a success status as NetHunt's message, not as a broken answer", async () => {
    api().get(`${BASE}/triggers/readable-folder`).reply(200, 'Access to this folder is denied', text);
    const err = await failureOf(run('triggers.list_readable_folders.operation.perform', bundle()));
    expect(err.message).toBe('NetHunt CRM refused the request: Access to this folder is denied');
  });

  it('still reports HTML and broken JSON on a success status as a broken answer', async () => {
    api().get(`${BASE}/triggers/readable-folder`).reply(200, '[{"id": "a', { 'Content-Type': 'application/json' });
    const err = await failureOf(run('triggers.list_readable_folders.operation.perform', bundle()));
    expect(err.message).toMatch(/^NetHunt CRM sent an answer that is not JSON \(HTTP 200, application\/json\)/);
  });

  it('never shows the key when the plain text echoes it', async () => {
    api().get(`${BASE}/triggers/auth-test`).reply(400, `Bad key ${AUTH.password}`, text);
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.raw).not.toContain(AUTH.password);
  });
});
