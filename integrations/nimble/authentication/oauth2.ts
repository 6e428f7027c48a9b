import { nonBlank, withoutSecrets } from '@crm-zapier/kit';
import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { authorizeUrl, CRM, nimble, SCOPES } from '../src/client';

/**
 * OAuth2 authorization code, as Nimble documents it: the token endpoint takes a form-encoded body
 * with the client credentials in it (client_secret_post), and refreshing needs `redirect_uri` too.
 * CLIENT_ID and CLIENT_SECRET are read from the integration's environment inside each function, so
 * they are never frozen into the built definition.
 */

type OAuthInput = { code?: string; redirect_uri?: string; state?: string };

const clientCredentials = (z: ZObject) => {
  const clientId = process.env.CLIENT_ID;
  const clientSecret = process.env.CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new z.errors.Error(
      'The Nimble integration is missing its CLIENT_ID or CLIENT_SECRET environment variable.',
      'MissingClientCredentials',
    );
  }
  return { client_id: clientId, client_secret: clientSecret };
};

/**
 * Sends the OAuth2 access token as `Authorization: Bearer …` (never as `?access_token=`, so tokens
 * stay out of logged URLs) and asks for JSON. Token-endpoint calls carry the client credentials in
 * their form instead (the client marks them). A request that already names its token (the `/myself`
 * call right after the code exchange, when authData holds no token yet or an old one) keeps it.
 */
export const beforeRequest: BeforeRequestMiddleware = (request, _z, bundle) => {
  const token = bundle.authData?.access_token;
  const headers = request.headers ?? {};
  const has = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  const anonymous = request.middlewareData?.tokenEndpoint === true;
  request.headers = {
    ...(has('accept') ? {} : { Accept: 'application/json' }),
    ...headers,
    ...(typeof token === 'string' && token !== '' && !has('authorization') && !anonymous
      ? { Authorization: `Bearer ${token}` }
      : {}),
  };
  return request;
};

/** Where Nimble sends the user to grant access; `state` comes back with the code. */
const authorizeUrlOf = async (z: ZObject, bundle: Bundle<OAuthInput>): Promise<string> =>
  authorizeUrl({
    client_id: clientCredentials(z).client_id,
    redirect_uri: bundle.inputData.redirect_uri ?? '',
    state: bundle.inputData.state ?? '',
  });

/**
 * The connected user's id, kept in authData (Zapier stores whatever getAccessToken returns) so that
 * Create Deal can default the owner without asking `/myself` on every run. It is only a shortcut:
 * if the call fails the connection still works and Create Deal asks `/myself` itself.
 */
const ownUserId = async (z: ZObject, accessToken: string): Promise<{ user_id?: string }> => {
  try {
    return { user_id: (await nimble(z).myself(accessToken)).user_id };
  } catch (err) {
    // The token just received is not in authData yet, so the guard cannot know it: scrubbed here.
    const said = withoutSecrets((err as Error).message, [accessToken]);
    z.console.log(`${CRM}: could not read the connected user after the code exchange: ${said}`);
    return {};
  }
};

/**
 * Exchanges the code for tokens; the redirect URI is kept, because Nimble wants it on every refresh,
 * and so is the connected user's id (one `/myself` call, once per connection).
 */
const getAccessToken = async (z: ZObject, bundle: Bundle<OAuthInput>) => {
  const credentials = clientCredentials(z);
  const code = nonBlank(bundle.inputData.code);
  const redirectUri = nonBlank(bundle.inputData.redirect_uri);
  if (!code || !redirectUri) {
    throw new z.errors.Error('Nimble sent no authorization code back. Try connecting again.', 'InvalidGrant', 400);
  }
  const tokens = await nimble(z).exchangeCode({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    ...credentials,
  });
  return {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token ?? '',
    redirect_uri: redirectUri,
    ...(await ownUserId(z, tokens.access_token)),
  };
};

/** Gets a new access token; Nimble rotates the refresh token, so the new one replaces the old. */
const refreshAccessToken = async (z: ZObject, bundle: Bundle<OAuthInput>) => {
  const credentials = clientCredentials(z);
  const refreshToken = nonBlank(bundle.authData?.refresh_token);
  if (!refreshToken)
    throw new z.errors.ExpiredAuthError('No Nimble refresh token is stored. Reconnect your Nimble account.');
  const redirectUri =
    nonBlank(bundle.inputData?.redirect_uri) ??
    nonBlank(bundle.authData?.redirect_uri) ??
    nonBlank(process.env.REDIRECT_URI);
  if (!redirectUri) {
    throw new z.errors.ExpiredAuthError(
      'Nimble needs the redirect URI to refresh the connection and none is stored. Reconnect your Nimble account.',
    );
  }
  const tokens = await nimble(z).refreshTokens({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    ...credentials,
    redirect_uri: redirectUri,
  });
  const userId = nonBlank(bundle.authData?.user_id);
  return {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token ?? refreshToken,
    redirect_uri: redirectUri,
    // The same person: kept, in case the refresh answer replaced authData rather than merged into it.
    ...(userId ? { user_id: userId } : {}),
  };
};

/** The auth test: the connected user, whose name and email label the connection. */
const test = async (z: ZObject) => {
  const me = await nimble(z).myself();
  return { user_id: me.user_id, name: me.name ?? '', email: me.email ?? '', company_id: me.company_id ?? '' };
};

const connectionLabel = async (_z: ZObject, bundle: Bundle<{ name?: string; email?: string }>): Promise<string> => {
  const name = nonBlank(bundle.inputData.name);
  const email = nonBlank(bundle.inputData.email);
  return name && email ? `${name} (${email})` : (name ?? email ?? 'Nimble');
};

export default {
  type: 'oauth2',
  oauth2Config: {
    authorizeUrl: authorizeUrlOf,
    getAccessToken,
    refreshAccessToken,
    // Access tokens live about ten minutes: a 401 (or Nimble's 403 "Can't authenticate request")
    // makes Zapier refresh and retry.
    autoRefresh: true,
    scope: SCOPES,
  },
  test,
  connectionLabel,
} satisfies Authentication;
