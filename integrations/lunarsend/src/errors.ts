/** LunarSend's hooks for the kit's error middleware (`crmErrors` in index.ts). */
import {
  appErrorOf,
  asRecord,
  codeAsWords,
  nonBlank,
  readCommonError,
  type ClassifyContext,
  type CrmErrorDetail,
} from '@crm-zapier/kit';
import { CRM } from './constants';

/** The reference wraps create, get, edit and tag answers in a one-element array: the item inside. */
const unwrap = (body: unknown): unknown => (Array.isArray(body) && body.length === 1 ? (body[0] as unknown) : body);

/**
 * The Zap editor's labels of the fields LunarSend's messages name by their API keys (the labels of
 * the input fields that send them; `id` is left alone, as it names a contact or a deal).
 */
export const FIELD_LABELS: Record<string, string> = {
  first_name: 'First Name',
  last_name: 'Last Name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  job_title: 'Job Title',
  notes: 'Notes',
  user_id: 'Owner',
  contact_id: 'Contact',
  tag_id: 'Tag',
  tag_name: 'Tag Name',
  color: 'Color',
  stage: 'Stage',
  deal_size: 'Deal Size',
  open_date: 'Open Date',
  close_date: 'Close Date',
  primary_contact: 'Primary Contact',
  contact_email: 'Contact Email',
  search_by: 'Search By',
  search_term: 'Search Term',
};

/** LunarSend's text with every quoted or backquoted API key it names (`"first_name"`) in the form's words ("First Name"). */
const inUserWords = (text: string): string =>
  text.replace(/["'`]([a-z][a-z_]*)["'`]/g, (quoted, key: string) => FIELD_LABELS[key] ?? quoted);

/** A short machine-readable code as words: `duplicate_email` → "Duplicate email". */

/**
 * LunarSend's error bodies: `{ error: "<short code>", message: "<human text>" }`, or
 * `{ status: "error", error: "..." }` on the v2 envelopes. The human text is the message, with the
 * fields it names by their Zap-editor labels; the short code only when there is no text (as words,
 * never in brackets). The field, when the body names one, in LunarSend's naming: the kit names it
 * by its label (`FIELD_LABELS`, index.ts). Anything else falls back to the kit's reader.
 */
export const readError = (body: unknown): CrmErrorDetail => {
  const item = asRecord(unwrap(body));
  if (item) {
    const code = nonBlank(item.error);
    const said = nonBlank(item.message);
    const { field } = readCommonError(item);
    if (said) return { message: inUserWords(said), field };
    if (code) return { message: codeAsWords(code), field };
  }
  const common = readCommonError(body);
  return { ...common, message: common.message ? inUserWords(common.message) : undefined };
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

/** The code of the error an error envelope becomes. */
const ENVELOPE_ERROR = 'ErrorEnvelope';

/**
 * A success (2xx) answer that is LunarSend's error envelope all the same is an error carrying
 * LunarSend's own message (and the field it names, by its label), never "nothing found" or a
 * success; the HTTP status stays in the error's status, out of its words. No page
 * says an error can come with HTTP 200, but the envelope has room for one. A plain error: Zapier
 * does not retry it, as LunarSend said no. Every other status is the kit's status table's.
 */
export const classify = (status: number, body: unknown, { z, said, fieldNote }: ClassifyContext): Error | undefined => {
  if (status < 200 || status >= 300 || !isErrorEnvelope(body)) return undefined;
  return new z.errors.Error(
    said
      ? `${CRM} answered with an error: ${said}${fieldNote}`
      : `${CRM} answered with an error without saying what went wrong${fieldNote}.`,
    ENVELOPE_ERROR,
    status,
  );
};

/**
 * True for an error that is LunarSend refusing what was asked (a 400 or 422, or its error envelope):
 * not the connection, a limit or the network.
 */
export const isRefusal = (err: unknown): boolean => {
  const e = appErrorOf(err);
  return e?.code === ENVELOPE_ERROR || e?.status === 400 || e?.status === 422;
};
