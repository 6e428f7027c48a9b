import { withoutSecrets } from '@crm-zapier/kit';
import type { AfterResponseMiddleware, HttpResponse, ZObject } from 'zapier-platform-core';
import { CRM } from './client';

/**
 * NetHunt's answer to bad credentials, a plain-text body (nethunt.md, "Errors"; its status is
 * recorded nowhere): `Your email address or API key does not appear to be valid`.
 */
const CREDENTIALS_REFUSED = /email address or api key does not appear to be valid/i;

const MAX_MESSAGE = 300;

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Plain-text error bodies, read before the kit's error mapping (which already shows the text of a
 * 4xx/5xx): the credentials text asks to reconnect whatever status it comes with, and a plain-text
 * body on a success status is NetHunt's message, not data. JSON and HTML bodies pass through.
 */
export const plainTextErrors = ((
  response: HttpResponse,
  z: ZObject,
  bundle: { authData?: Record<string, unknown> },
) => {
  const text = (response.content ?? '').trim();
  if (!text || text.startsWith('<') || isJson(text)) return response;
  const secrets = Object.values(bundle.authData ?? {}).filter((v): v is string => typeof v === 'string');
  const said = withoutSecrets(text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text, secrets);
  if (CREDENTIALS_REFUSED.test(text)) {
    throw new z.errors.ExpiredAuthError(
      `${CRM} did not accept your email address and API key (${said}). Check them and reconnect your ${CRM} account.`,
    );
  }
  // A body that claims JSON or HTML and is not JSON is a broken answer, for the kit to report.
  if (/html|json/i.test(response.getHeader('content-type') ?? '')) return response;
  if (response.status < 300 && !response.skipThrowForStatus) {
    throw new z.errors.Error(`${CRM} refused the request: ${said}`, 'BadRequest', response.status);
  }
  return response;
}) as AfterResponseMiddleware;
