import { parseJsonBody, readCommonError, type CrmErrorDetail } from '@crm-zapier/kit';
import type { AfterResponseMiddleware, HttpResponse, ZObject } from 'zapier-platform-core';
import { CRM } from './constants';

const MAX_MESSAGE = 300;
const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The reference wraps create, get, edit and tag answers in a one-element array: the item inside. */
const unwrap = (body: unknown): unknown => (Array.isArray(body) && body.length === 1 ? (body[0] as unknown) : body);

/**
 * LunarSend's error bodies: `{ error: "<short code>", message: "<human text>" }`, or
 * `{ status: "error", error: "..." }` on the v2 envelopes. The human text comes first, the short
 * code after it in brackets when both are there; the field, when the body names one, beside it.
 * Anything else falls back to the kit's reader.
 */
export const readLunarSendError = (body: unknown): CrmErrorDetail => {
  const item = asRecord(unwrap(body));
  if (item) {
    const code = textOf(item.error);
    const said = textOf(item.message);
    const { field } = readCommonError(item);
    if (said) return { message: code && code !== said ? `${said} [${code}]` : said, field };
    if (code) return { message: code, field };
  }
  return readCommonError(body);
};

/**
 * True when a success (2xx) answer is LunarSend's error envelope all the same (lunarsend.md, "Errors
 * and success flags", rule 2): `status: "error"`, `success: false`, or a non-empty `error` and no
 * `data`. No page says an error can come with HTTP 200, but the envelope has room for one.
 */
export const isErrorEnvelope = (body: unknown): boolean => {
  const item = asRecord(unwrap(body));
  if (!item) return false;
  const errorObject = asRecord(item.error);
  const hasError =
    textOf(item.error) !== undefined || (errorObject !== undefined && Object.keys(errorObject).length > 0);
  return item.status === 'error' || item.success === false || (hasError && item.data == null);
};

/**
 * Every LunarSend answer with a 2xx status passes through here before anything reads it: an error
 * envelope is an error carrying LunarSend's own message (and the field it names), never "nothing
 * found" or a success. A plain `z.errors.Error`: Zapier does not retry it, as LunarSend said no.
 * Non-2xx answers are the kit's `crmErrors`' to map.
 */
export const lunarSendErrorEnvelope = ((response: HttpResponse, z: ZObject) => {
  const { status } = response;
  if (status < 200 || status >= 300) return response;
  const body = parseJsonBody(response.content);
  if (!isErrorEnvelope(body)) return response;
  // No scrubbing here: guardApp scrubs every message of the app (index.ts).
  const detail = readLunarSendError(body);
  const said = detail.message ? clip(detail.message) : undefined;
  const field = detail.field ? ` (field: ${detail.field})` : '';
  throw new z.errors.Error(
    said
      ? `${CRM} answered with an error (HTTP ${status}): ${said}${field}`
      : `${CRM} answered with an error (HTTP ${status}) without saying what went wrong${field}.`,
    'ErrorEnvelope',
    status,
  );
}) as unknown as AfterResponseMiddleware;
