/** LunarSend's hooks for the kit's error middleware (`crmErrors` in index.ts). */
import { asRecord, nonBlank, readCommonError, type ClassifyContext, type CrmErrorDetail } from '@crm-zapier/kit';
import { CRM } from './constants';

/** The reference wraps create, get, edit and tag answers in a one-element array: the item inside. */
const unwrap = (body: unknown): unknown => (Array.isArray(body) && body.length === 1 ? (body[0] as unknown) : body);

/**
 * LunarSend's error bodies: `{ error: "<short code>", message: "<human text>" }`, or
 * `{ status: "error", error: "..." }` on the v2 envelopes. The human text comes first, the short
 * code after it in brackets when both are there; the field, when the body names one, beside it.
 * Anything else falls back to the kit's reader.
 */
export const readError = (body: unknown): CrmErrorDetail => {
  const item = asRecord(unwrap(body));
  if (item) {
    const code = nonBlank(item.error);
    const said = nonBlank(item.message);
    const { field } = readCommonError(item);
    if (said) return { message: code && code !== said ? `${said} [${code}]` : said, field };
    if (code) return { message: code, field };
  }
  return readCommonError(body);
};

/**
 * True when an answer is LunarSend's error envelope (lunarsend.md, "Errors and success flags",
 * rule 2): `status: "error"`, `success: false`, or a non-empty `error` and no `data`.
 */
const isErrorEnvelope = (body: unknown): boolean => {
  const item = asRecord(unwrap(body));
  if (!item) return false;
  const errorObject = asRecord(item.error);
  const hasError =
    nonBlank(item.error) !== undefined || (errorObject !== undefined && Object.keys(errorObject).length > 0);
  return item.status === 'error' || item.success === false || (hasError && item.data == null);
};

/**
 * A success (2xx) answer that is LunarSend's error envelope all the same is an error carrying
 * LunarSend's own message (and the field it names), never "nothing found" or a success. No page
 * says an error can come with HTTP 200, but the envelope has room for one. A plain error: Zapier
 * does not retry it, as LunarSend said no. Every other status is the kit's status table's.
 */
export const classify = (status: number, body: unknown, { z, said, fieldNote }: ClassifyContext): Error | undefined => {
  if (status < 200 || status >= 300 || !isErrorEnvelope(body)) return undefined;
  return new z.errors.Error(
    said
      ? `${CRM} answered with an error: ${said}${fieldNote}`
      : `${CRM} answered with an error without saying what went wrong${fieldNote}.`,
    'ErrorEnvelope',
    status,
  );
};
