import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import { TOKEN_PATH } from './constants';

/**
 * Sends the OAuth2 access token as `Authorization: Bearer …` (never as `?access_token=`, so tokens
 * stay out of logged URLs). Token-endpoint calls carry client credentials in the form instead. A request
 * that already names its token (the `/myself` call right after the code exchange, when authData holds
 * no token yet or an old one) keeps it.
 */
export const addBearerToken: BeforeRequestMiddleware = (request, _z, bundle) => {
  const token = bundle.authData?.access_token;
  const url = request.url ?? '';
  const hasOwn = Object.keys(request.headers ?? {}).some((h) => h.toLowerCase() === 'authorization');
  if (typeof token === 'string' && token !== '' && !hasOwn && !url.split('?')[0]!.endsWith(TOKEN_PATH)) {
    request.headers = { ...request.headers, Authorization: `Bearer ${token}` };
  }
  return request;
};
