import { isUnsendable, parseJsonBody, sendRequest, withoutSecrets } from '@crm-zapier/kit';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { AUTHORIZE_PATH, authBaseUrl, CRM, SCOPES, TOKEN_PATH } from '../src/constants';
import { TokenSchema } from '../src/schemas';

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
  return { clientId, clientSecret };
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** POSTs a form to the token endpoint and returns its tokens, or an error that names no secret. */
const requestTokens = async (z: ZObject, form: Record<string, string>, kind: 'exchange' | 'refresh') => {
  const secrets = [form.client_secret, form.code, form.refresh_token];
  let status: number;
  let content: string;
  try {
    const response = await sendRequest(
      z,
      CRM,
      {
        method: 'POST',
        url: `${authBaseUrl()}${TOKEN_PATH}`,
        // Exactly this type, with a body we encode ourselves (core would send JSON under a
        // `…; charset=UTF-8` form header).
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        skipThrowForStatus: true,
      },
      // A token request duplicates nothing a user made: a timeout is retried like a read.
      { replayable: true },
    );
    status = response.status;
    content = response.content ?? '';
  } catch (err) {
    // Under autoRefresh core turns any 401 into RefreshAuthError before we see it.
    if ((err as Error).name !== 'RefreshAuthError') throw err;
    status = 401;
    content = '';
  }
  const body = parseJsonBody(content);
  // OAuth2 (RFC 6749 §5.2) errors carry `error`; some servers send them with HTTP 200.
  const refused = status < 400 && typeof (body as { error?: unknown } | undefined)?.error === 'string';
  if (status >= 400 || refused) {
    const obj = (body ?? {}) as Record<string, unknown>;
    const said = text(obj.error_description) ?? text(obj.message) ?? text(obj.error);
    const detail = said ? `: ${withoutSecrets(said, secrets)}` : '';
    if (status >= 500) {
      throw new z.errors.Error(
        `${CRM}'s token endpoint had a temporary problem (HTTP ${status})${detail}.`,
        'TokenServerError',
        status,
      );
    }
    if (kind === 'refresh') {
      throw new z.errors.ExpiredAuthError(
        `${CRM} did not accept the stored refresh token (HTTP ${status})${detail}. Reconnect your Nimble account.`,
      );
    }
    throw new z.errors.Error(
      `${CRM} did not accept the authorization code (HTTP ${status})${detail}. Try connecting your Nimble account again.`,
      'InvalidGrant',
      status,
    );
  }
  const parsed = TokenSchema.schema.safeParse(body);
  if (!parsed.success) {
    throw new z.errors.Error(
      `${CRM}'s token endpoint did not answer with an access token (HTTP ${status}).`,
      'InvalidResponse',
      status,
    );
  }
  // A token is sent in a header on every request: one no header can carry is refused before it is stored.
  const unsendable = [parsed.data.access_token, parsed.data.refresh_token].some((t) => t && isUnsendable(t));
  if (unsendable) {
    throw new z.errors.Error(
      `${CRM}'s token endpoint answered with a token that cannot be sent back in a request (it holds a line ` +
        `break, a control character or a character outside Latin-1). Try connecting your Nimble account again.`,
      'InvalidResponse',
      status,
    );
  }
  return parsed.data;
};

/** Where Nimble sends the user to grant access; `state` comes back with the code. */
const authorizeUrl = async (z: ZObject, bundle: Bundle<OAuthInput>): Promise<string> => {
  const { clientId } = clientCredentials(z);
  const params = new URLSearchParams({
    client_id: clientId,
    redirect_uri: bundle.inputData.redirect_uri ?? '',
    response_type: 'code',
    scope: SCOPES,
    state: bundle.inputData.state ?? '',
  });
  return `${authBaseUrl()}${AUTHORIZE_PATH}?${params.toString()}`;
};

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
    z.console.log(`Nimble: could not read the connected user after the code exchange: ${said}`);
    return {};
  }
};

/**
 * Exchanges the code for tokens; the redirect URI is kept, because Nimble wants it on every refresh,
 * and so is the connected user's id (one `/myself` call, once per connection).
 */
const getAccessToken = async (z: ZObject, bundle: Bundle<OAuthInput>) => {
  const { clientId, clientSecret } = clientCredentials(z);
  const code = text(bundle.inputData.code);
  const redirectUri = text(bundle.inputData.redirect_uri);
  if (!code || !redirectUri) {
    throw new z.errors.Error('Nimble sent no authorization code back. Try connecting again.', 'InvalidGrant', 400);
  }
  const tokens = await requestTokens(
    z,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      client_secret: clientSecret,
    },
    'exchange',
  );
  return {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token ?? '',
    redirect_uri: redirectUri,
    ...(await ownUserId(z, tokens.access_token)),
  };
};

/** Gets a new access token; Nimble rotates the refresh token, so the new one replaces the old. */
const refreshAccessToken = async (z: ZObject, bundle: Bundle<OAuthInput>) => {
  const { clientId, clientSecret } = clientCredentials(z);
  const refreshToken = text(bundle.authData?.refresh_token);
  if (!refreshToken)
    throw new z.errors.ExpiredAuthError('No Nimble refresh token is stored. Reconnect your Nimble account.');
  const redirectUri =
    text(bundle.inputData?.redirect_uri) ?? text(bundle.authData?.redirect_uri) ?? text(process.env.REDIRECT_URI);
  if (!redirectUri) {
    throw new z.errors.ExpiredAuthError(
      'Nimble needs the redirect URI to refresh the connection and none is stored. Reconnect your Nimble account.',
    );
  }
  const tokens = await requestTokens(
    z,
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uri: redirectUri,
    },
    'refresh',
  );
  const userId = text(bundle.authData?.user_id);
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
  const name = text(bundle.inputData.name);
  const email = text(bundle.inputData.email);
  return name && email ? `${name} (${email})` : (name ?? email ?? 'Nimble');
};

export default {
  type: 'oauth2',
  oauth2Config: {
    authorizeUrl,
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
