import type { ClassifyContext } from '@crm-zapier/kit';
import { CRM } from './client';

/**
 * NetHunt's answer to bad credentials, a plain-text body (nethunt.md, "Errors"; its status is
 * recorded nowhere): `Your email address or API key does not appear to be valid`.
 */
const CREDENTIALS_REFUSED = /email address or api key does not appear to be valid/i;

/**
 * The kit's `classify` hook: NetHunt's plain-text bodies (nethunt.md, "Errors"). Its JSON errors
 * (`{ "message" }`) are what the kit's own reader and status table already handle, so there is no
 * `readError`. The credentials text asks to reconnect whatever status it comes with; plain text on
 * a success status is NetHunt's message, not data. JSON, empty bodies and HTML pages, and a body
 * that claims to be JSON but is not (a broken answer, for the client to report), go to the kit.
 */
export const classify = (status: number, body: unknown, { z, response, said }: ClassifyContext): Error | undefined => {
  if (typeof body !== 'string' || !said) return undefined;
  if (CREDENTIALS_REFUSED.test(body)) {
    return new z.errors.ExpiredAuthError(
      `${CRM} did not accept your email address and API key (${said}). Check them and reconnect your ${CRM} account.`,
    );
  }
  if (status >= 300 || response.skipThrowForStatus || /json/i.test(response.getHeader('content-type') ?? '')) {
    return undefined;
  }
  return new z.errors.Error(`${CRM} refused the request: ${said}`, 'BadRequest', status);
};
