import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import {
  AUTH,
  CLIENT,
  ORIGIN,
  REDIRECT_URI,
  USER_ID,
  api,
  bundle,
  expectNoSecret,
  runMethod as run,
  useEnv,
} from './helpers';

useNock();
useEnv();

/** The token endpoint, matched on the exact form body and on carrying no Authorization header. */
const tokenEndpoint = (form: Record<string, string>) =>
  nock(ORIGIN, { badheaders: ['authorization'] })
    .post('/api/oauth/token', new URLSearchParams(form).toString())
    .matchHeader('content-type', 'application/x-www-form-urlencoded');

describe('OAuth2', () => {
  it('sends the user to the authorize URL with client id, redirect URI, scopes and state', async () => {
    const url = new URL(
      String(
        await run(
          'authentication.oauth2Config.authorizeUrl',
          bundle({ redirect_uri: REDIRECT_URI, state: 's-42' }, {}, {}),
        ),
      ),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT.id,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'basic,contacts,deals',
      state: 's-42',
    });
  });

  it('exchanges the code with a form-encoded body and keeps the redirect URI for refreshes', async () => {
    tokenEndpoint({
      grant_type: 'authorization_code',
      code: 'LTM4M',
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
    }).reply(200, {
      access_token: 'new-access',
      token_type: 'bearer',
      expires_in: 599,
      refresh_token: 'new-refresh',
      scope: 'basic',
    });
    // The connected user's id, read with the new token and kept in authData for Create Deal.
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer new-access' } })
      .get('/api/v1/myself')
      .reply(200, { user_id: USER_ID, name: 'John Doe' });
    const result = await run(
      'authentication.oauth2Config.getAccessToken',
      bundle({ code: 'LTM4M', redirect_uri: REDIRECT_URI, state: 's-42' }, {}, {}),
    );
    expect(result).toEqual({
      access_token: 'new-access',
      refresh_token: 'new-refresh',
      redirect_uri: REDIRECT_URI,
      user_id: USER_ID,
    });
  });

  it('reads the user with the new token even when authData still holds an old one (a reconnect)', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(200, { access_token: 'new-access', refresh_token: 'new-refresh' });
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer new-access' } })
      .get('/api/v1/myself')
      .reply(200, { user_id: USER_ID });
    const result = await run(
      'authentication.oauth2Config.getAccessToken',
      bundle({ code: 'LTM4M', redirect_uri: REDIRECT_URI }, {}, AUTH),
    );
    expect(result).toMatchObject({ access_token: 'new-access', user_id: USER_ID });
  });

  it('still connects, without a stored user id, when /myself fails right after the exchange', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(200, { access_token: 'new-access', refresh_token: 'new-refresh' });
    nock(ORIGIN).get('/api/v1/myself').reply(500, { message: 'Internal error' });
    const result = await run(
      'authentication.oauth2Config.getAccessToken',
      bundle({ code: 'LTM4M', redirect_uri: REDIRECT_URI }, {}, {}),
    );
    expect(result).toEqual({ access_token: 'new-access', refresh_token: 'new-refresh', redirect_uri: REDIRECT_URI });
  });

  it('refreshes with redirect_uri in the form and keeps the rotated refresh token', async () => {
    tokenEndpoint({
      grant_type: 'refresh_token',
      refresh_token: AUTH.refresh_token,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      redirect_uri: REDIRECT_URI,
    }).reply(200, { access_token: 'access-2', expires_in: 559, refresh_token: 'refresh-2' });
    const result = await run('authentication.oauth2Config.refreshAccessToken', bundle());
    expect(result).toEqual({ access_token: 'access-2', refresh_token: 'refresh-2', redirect_uri: REDIRECT_URI });
  });

  it('keeps the stored user id across a refresh', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(200, { access_token: 'access-2', refresh_token: 'refresh-2' });
    const result = await run(
      'authentication.oauth2Config.refreshAccessToken',
      bundle({}, {}, { ...AUTH, user_id: USER_ID }),
    );
    expect(result).toMatchObject({ access_token: 'access-2', user_id: USER_ID });
  });

  it('keeps the old refresh token when the answer has no new one, and takes REDIRECT_URI from the environment', async () => {
    process.env.REDIRECT_URI = 'https://example.com/return';
    tokenEndpoint({
      grant_type: 'refresh_token',
      refresh_token: AUTH.refresh_token,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      redirect_uri: 'https://example.com/return',
    }).reply(200, { access_token: 'access-3', expires_in: 559 });
    const result = await run(
      'authentication.oauth2Config.refreshAccessToken',
      bundle({}, {}, { access_token: AUTH.access_token, refresh_token: AUTH.refresh_token }),
    );
    expect(result).toMatchObject({ access_token: 'access-3', refresh_token: AUTH.refresh_token });
  });

  it('asks to reconnect when the refresh token is refused, naming no secret', async () => {
    nock(ORIGIN)
      .post('/api/oauth/token')
      .reply(400, { error: 'invalid_grant', error_description: `Refresh token ${AUTH.refresh_token} is invalid` });
    const err = await failureOf(run('authentication.oauth2Config.refreshAccessToken', bundle()));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/did not accept the stored refresh token \(HTTP 400\).*Reconnect/);
    expectNoSecret(err.raw);
  });

  // Under autoRefresh core turns a 401 into RefreshAuthError before any afterResponse, body unread:
  // the message can give the status, not Nimble's description.
  it('reports a refused client (401 at the token endpoint) without the client secret', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(401, { error: 'invalid_client', error_description: 'Unknown client' });
    const err = await failureOf(
      run('authentication.oauth2Config.getAccessToken', bundle({ code: 'c1', redirect_uri: REDIRECT_URI }, {}, {})),
    );
    expect(err.name).not.toBe('RefreshAuthError');
    expect(err.message).toMatch(/did not accept the authorization code \(HTTP 401\)\. Try connecting/);
    expectNoSecret(err.raw);
  });

  it('fails clearly, before any request, when the client credentials are not configured', async () => {
    delete process.env.CLIENT_SECRET;
    const err = await failureOf(
      run('authentication.oauth2Config.getAccessToken', bundle({ code: 'c1', redirect_uri: REDIRECT_URI }, {}, {})),
    );
    expect(err.message).toMatch(/missing its CLIENT_ID or CLIENT_SECRET/);
    expectNothingSent();
  });
});

describe('auth test and connection label', () => {
  it('calls GET /api/v1/myself with the Bearer token', async () => {
    api()
      .get('/api/v1/myself')
      .reply(200, { company_id: 'c1', company_size: 3, name: 'John Doe', user_id: USER_ID, email: 'john@example.com' });
    const result = await run('authentication.test', bundle());
    expect(result).toEqual({ user_id: USER_ID, name: 'John Doe', email: 'john@example.com', company_id: 'c1' });
  });

  it('labels the connection with the name and email', async () => {
    expect(await run('authentication.connectionLabel', bundle({ name: 'John Doe', email: 'john@example.com' }))).toBe(
      'John Doe (john@example.com)',
    );
    expect(await run('authentication.connectionLabel', bundle({ name: 'John Doe' }))).toBe('John Doe');
  });

  it('asks core to refresh on a 401', async () => {
    api().get('/api/v1/myself').reply(401, { message: "Can't authenticate request" });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.name).toBe('RefreshAuthError');
    expectNoSecret(err.raw);
  });

  it('asks core to refresh on Nimble\'s 403 "Can\'t authenticate request"', async () => {
    api().get('/api/v1/myself').reply(403, { message: "Can't authenticate request" });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.name).toBe('RefreshAuthError');
  });

  it('keeps any other 403 a permission error with Nimble’s message', async () => {
    api().get('/api/v1/myself').reply(403, { message: 'email_verification_required' });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.name).not.toBe('RefreshAuthError');
    expect(err.message).toBe(
      'Nimble refused access: Email verification required. Check that the user you connected with may do this in Nimble.',
    );
  });
});

describe('the token endpoint cannot leak or plant credentials', () => {
  const exchange = () =>
    run('authentication.oauth2Config.getAccessToken', bundle({ code: 'LTM4M', redirect_uri: REDIRECT_URI }, {}, {}));

  it('does not follow a redirect with the code and client secret', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(307, '', { Location: 'https://tokens.example.net/steal' });
    const err = await failureOf(exchange());
    expect(err.message).toMatch(/^Nimble answered with a redirect to tokens\.example\.net\. It was not followed/);
    expectNoSecret(err.raw);
  });

  it('reads a refresh answered 200 {"error":"invalid_grant"} as a refused refresh token', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(200, { error: 'invalid_grant' });
    const err = await failureOf(run('authentication.oauth2Config.refreshAccessToken', bundle()));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/did not accept the stored refresh token \(HTTP 200\): invalid_grant\. Reconnect/);
  });

  it('refuses, and does not store, a token no HTTP header can carry', async () => {
    nock(ORIGIN).post('/api/oauth/token').reply(200, { access_token: 'abc\r\nX-Evil: 1', refresh_token: 'r-1' });
    const err = await failureOf(exchange());
    expect(err.message).toMatch(/answered with a token that cannot be sent back in a request/);
    expect(err.raw).not.toContain('X-Evil');
  });

  it('keeps the token just received out of the console line written when /myself fails', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      nock(ORIGIN).post('/api/oauth/token').reply(200, { access_token: 'fresh-token-7d1c', refresh_token: 'r-1' });
      nock(ORIGIN).get('/api/v1/myself').reply(400, { message: 'bad token fresh-token-7d1c' });
      await exchange();
      const lines = log.mock.calls.map((args) => args.join(' ')).filter((l) => l.includes('connected user'));
      expect(lines).toEqual([expect.stringContaining('bad token :censored:')]);
    } finally {
      log.mockRestore();
    }
  });
});
