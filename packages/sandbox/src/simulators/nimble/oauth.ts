import { randomBytes } from 'node:crypto';
import { json, type Handler, type SimRequest, type SimResponse } from '../../server';
import { NIMBLE_SANDBOX_CLIENT as client, SCOPES, type NimbleStore, type Scope } from './store';

/**
 * Nimble's OAuth2 authorization-code flow (nimble.md §2): the authorize redirect with `state`, the
 * form-encoded token exchange (client_secret_post), refresh with `redirect_uri` and a rotated refresh
 * token, and access tokens that really expire.
 */

const token = () => randomBytes(16).toString('hex');
const lifetimeOf = (store: NimbleStore) => store.options.accessTokenLifetimeSeconds ?? 599;

export const issueTokens = (store: NimbleStore, scopes: Scope[], redirectUri: string) => {
  const lifetime = lifetimeOf(store);
  const access_token = token();
  const refresh_token = token();
  store.accessTokens.set(access_token, { scopes, expiresAt: Date.now() + lifetime * 1000 });
  store.refreshTokens.set(refresh_token, { redirectUri, scopes });
  return { access_token, token_type: 'bearer', expires_in: lifetime, refresh_token, scope: scopes.join(',') };
};

/** `GET /oauth/authorize`: errors and codes go back to the redirect URI, with the `state` given. */
export const authorize = (store: NimbleStore, query: URLSearchParams): SimResponse => {
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== client.clientId || redirectUri !== client.redirectUri) {
    return json(400, { message: 'Invalid client_id or redirect_uri' });
  }
  const back = (params: Record<string, string>) => {
    const state = query.get('state');
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries({ ...params, ...(state ? { state } : {}) })) url.searchParams.set(k, v);
    return json(302, undefined, { location: url.toString() });
  };
  const scopes = (query.get('scope') ?? '').split(/[,+ ]/).filter(Boolean);
  if (
    query.get('response_type') !== 'code' ||
    scopes.length === 0 ||
    scopes.some((s) => !SCOPES.includes(s as Scope))
  ) {
    return back({ error: 'invalid_request', error_description: 'Invalid URL' });
  }
  const code = token().slice(0, 12);
  store.codes.set(code, { redirectUri, scopes: scopes as Scope[], expiresAt: Date.now() + 60_000 });
  return back({ code });
};

/** `POST /api/oauth/token`: form-encoded, client_secret_post, code exchange or refresh (rotating). */
export const tokenEndpoint = (store: NimbleStore, req: SimRequest): SimResponse => {
  if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) {
    return json(400, { error: 'invalid_request', error_description: 'The body must be form-encoded' });
  }
  const form = (req.body ?? {}) as Record<string, string>;
  if (form.client_id !== client.clientId || form.client_secret !== client.clientSecret) {
    return json(401, { error: 'invalid_client', error_description: 'Unknown client or wrong secret' });
  }
  if (form.redirect_uri !== client.redirectUri) {
    return json(400, { error: 'invalid_request', error_description: 'redirect_uri is missing or does not match' });
  }
  if (form.grant_type === 'authorization_code') {
    const grant = store.codes.get(form.code ?? '');
    store.codes.delete(form.code ?? '');
    if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== form.redirect_uri) {
      return json(400, { error: 'invalid_grant', error_description: 'The code is invalid or expired' });
    }
    return json(200, issueTokens(store, grant.scopes, grant.redirectUri));
  }
  if (form.grant_type === 'refresh_token') {
    const grant = store.refreshTokens.get(form.refresh_token ?? '');
    if (!grant || grant.redirectUri !== form.redirect_uri) {
      return json(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid' });
    }
    store.refreshTokens.delete(form.refresh_token!);
    const { access_token, expires_in, refresh_token } = issueTokens(store, grant.scopes, grant.redirectUri);
    return json(200, { access_token, expires_in, refresh_token });
  }
  return json(400, { error: 'unsupported_grant_type', error_description: 'Use authorization_code or refresh_token' });
};

/** The scope an API path needs: the user's own record, deals, or contacts (notes and tasks included). */
const scopeOf = (path: string): Scope =>
  path === '/api/v1/myself' ? 'basic' : path.startsWith('/api/v2/deals') ? 'deals' : 'contacts';

/** Refuses a request without a live access token (header or `access_token` query) granted the path's scope. */
export const authed =
  (store: NimbleStore, handler: Handler): Handler =>
  (req) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const given = m?.[1] ?? req.query.get('access_token') ?? '';
    const grant = store.accessTokens.get(given);
    if (!grant || grant.expiresAt <= Date.now()) {
      return json(store.options.staleTokenStatus ?? 401, { message: "Can't authenticate request" });
    }
    const scope = scopeOf(req.path);
    if (!grant.scopes.includes(scope)) return json(403, { message: `The token was not granted the "${scope}" scope` });
    return handler(req);
  };
