import {
  appErrorOf,
  asRecord,
  type ClassifyContext,
  clip,
  type CrmErrorDetail,
  isWrite,
  nonBlank,
  retryAfterSeconds,
} from '@crm-zapier/kit';
import { CRM } from './constants';
import { ErrorBodySchema } from './schemas';

/** An error's detail is kept short: it follows the message. */
const MAX_DETAIL = 160;

/**
 * The Zap editor's label of each request field Apideck may blame, where the label is the same in
 * every form (`name` and `title` are not: Full Name or Company Name, Job Title or Deal Title).
 */
export const FIELD_LABELS: Record<string, string> = {
  first_name: 'First Name',
  last_name: 'Last Name',
  company_name: 'Company Name',
  company_id: 'Company',
  contact_id: 'Contact',
  primary_contact_id: 'Primary Contact',
  opportunity_id: 'Deal',
  lead_id: 'Lead',
  owner_id: 'Owner',
  pipeline_id: 'Pipeline',
  pipeline_stage_id: 'Stage',
  monetary_amount: 'Amount',
  currency: 'Currency',
  close_date: 'Expected Close Date',
  win_probability: 'Win Probability (%)',
  emails: 'Email',
  phone_numbers: 'Phone Number',
  addresses: 'Address',
  websites: 'Website',
  tags: 'Tags',
  content: 'Content',
  type: 'Type',
};

/** A field Apideck names (`emails[0].type`, `owner_id`) by its Zap-editor label, else as Apideck does. */
const labelOf = (field: string): string => FIELD_LABELS[field.split(/[.[]/)[0] ?? field] ?? field;

/** Keys of `[{ "title": "required" }, …]`, the shape of `detail.missing` / `detail.invalid`. */
const keysOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.flatMap((item) => Object.keys(asRecord(item) ?? {})) : [];

/** The field an error's `detail` blames, in Apideck's naming (`title`, `emails[0].type`). */
const fieldOf = (detail: unknown): string | undefined => {
  const d = asRecord(detail);
  if (!d) return undefined;
  return (
    nonBlank(d.field) ??
    nonBlank(d.path) ??
    keysOf(d.missing)[0] ??
    keysOf(d.invalid)[0] ??
    (Array.isArray(d.errors) ? fieldOf(d.errors[0]) : undefined)
  );
};

/** Keys under which a downstream CRM's error (proxied in `detail`) says what went wrong, in order. */
const WORD_KEYS = ['message', 'error_description', 'error', 'detail', 'context', 'title', 'description', 'reason'];

/**
 * The first human sentence in a proxied downstream error (`{"error": {"message": "…"}}`,
 * `{"errors": [{"detail": "…"}]}` …): a string under one of WORD_KEYS, looked for a few levels
 * down. Never the JSON itself: a user cannot act on it.
 */
const wordsIn = (value: unknown, depth = 0): string | undefined => {
  const text = nonBlank(value);
  if (text) return text;
  if (depth > 3) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = wordsIn(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = asRecord(value);
  if (!obj) return undefined;
  for (const key of WORD_KEYS) {
    if (!(key in obj)) continue;
    const found = wordsIn(obj[key], depth + 1);
    if (found) return found;
  }
  // Then what is nested (`errors`, a proxied `body` …), never another key's bare string (a code).
  for (const nested of Object.values(obj)) {
    if (typeof nested !== 'object' || nested === null) continue;
    const found = wordsIn(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
};

/**
 * `detail` as one short line: a string as is, `missing`/`invalid` lists by the fields' labels,
 * else the downstream CRM's own words found in it; never JSON.
 */
const detailText = (detail: unknown): string | undefined => {
  const text = nonBlank(detail);
  if (text) return clip(text, MAX_DETAIL);
  const d = asRecord(detail);
  if (!d) return undefined;
  const parts: string[] = [];
  const missing = keysOf(d.missing);
  if (missing.length) parts.push(`missing ${missing.map(labelOf).join(', ')}`);
  if (Array.isArray(d.invalid)) {
    for (const item of d.invalid) {
      for (const [k, why] of Object.entries(asRecord(item) ?? {})) parts.push(`${labelOf(k)} ${String(why)}`);
    }
  }
  if (parts.length) return clip(parts.join('; '), MAX_DETAIL);
  const words = wordsIn(d);
  return words === undefined ? undefined : clip(words, MAX_DETAIL);
};

/** Error types that mean the consumer's CRM connection (in Apideck Vault) needs attention. */
const CONNECTION_TYPES = new Set([
  'ConnectionNotFoundError',
  'ConnectorCredentialsError',
  'ConnectionSettingsError',
  'IntegrationNotFoundError',
  'ConnectorNotFoundError',
  'ConnectorDisabledError',
]);
const UNSUPPORTED_TYPES = new Set([
  'UnsupportedFiltersError',
  'UnsupportedSortFieldError',
  'ConnectorOperationUnsupportedError',
  'PaginationNotSupportedError',
]);

/**
 * Reads Apideck's error body (`status_code`, `error`, `type_name`, `message`, `detail`, `ref`) into
 * "message — detail" in the user's words (the type name stays out of the text: it is the error's
 * code where it decides something, see `classify`), plus what to do for connection and coverage
 * errors, and the field the detail names.
 */
export const readError = (body: unknown): CrmErrorDetail & { typeName?: string } => {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const e = parsed.data;
  const typeName = nonBlank(e.type_name);
  const message = nonBlank(e.message) ?? nonBlank(e.error);
  const detail = detailText(e.detail) ?? wordsIn(e.downstream_errors);
  let text = message ?? '';
  if (detail && detail !== message) text = text ? `${text} — ${detail}` : detail;
  if (typeName && CONNECTION_TYPES.has(typeName)) {
    text += '. Check the Service ID, and reconnect the CRM for this consumer in Apideck Vault';
  } else if (typeName && UNSUPPORTED_TYPES.has(typeName)) {
    text += '. The connected CRM does not support this through Apideck';
  }
  return { message: text || undefined, field: fieldOf(e.detail), typeName };
};

/**
 * The error types of a list request the connector cannot serve as asked (apideck-crm.md §5.5): the
 * parameter is valid for the API, the connector does not implement it. `classify` gives them as
 * the error's code, so a polling trigger can fall back to the plain listing (src/polling.ts).
 */
const QUERY_REFUSALS = new Set(['UnsupportedFiltersError', 'UnsupportedSortFieldError', 'PaginationNotSupportedError']);

/**
 * Seconds until the downstream CRM's rate-limit window resets, from `x-downstream-ratelimit-reset`
 * (apideck-crm.md §5.4, Apideck's "Unified Rate Limits" guide): a Unix timestamp per Apideck's own
 * reference — epoch milliseconds when over 1e12, epoch seconds when over 1e9 — else seconds from
 * now; at least 1 s. Undefined when the header is absent or not a number, and when
 * `x-downstream-ratelimit-remaining` says requests are left: then the downstream window is not what
 * was used up, and its reset says nothing about when to retry.
 */
const downstreamResetSeconds = (
  header: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined => {
  const remaining = Number(header('x-downstream-ratelimit-remaining')?.trim() || NaN);
  if (remaining > 0) return undefined;
  const text = header('x-downstream-ratelimit-reset')?.trim() ?? '';
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const reset = Number(text);
  const seconds = reset > 1e12 ? (reset - now) / 1000 : reset > 1e9 ? reset - now / 1000 : reset;
  return Math.max(1, Math.ceil(seconds));
};

/**
 * What the kit's status table does not know about Apideck (the one `afterResponse` is the kit's
 * crmErrors; this is its `classify` hook): 402 is Apideck's plan limit (not a bad request), a
 * connection error (whatever its status) is about the consumer's CRM connection in Vault, not a
 * missing record, a rate limit waits for the downstream CRM's window (`x-downstream-ratelimit-reset`,
 * then `Retry-After`; a `ConnectorRateLimitError` whatever status Apideck proxies with it), and a
 * filter, sort or paging the connector refuses keeps its Apideck type as the error's code.
 * Everything else is left to the status table.
 */
export const classify = (status: number, body: unknown, { z, response, bundle, fieldNote }: ClassifyContext) => {
  if (status < 400 || response.skipThrowForStatus) return undefined;
  // Apideck's error type decides the branch, so the body is read here (words, field and type);
  // guardApp scrubs the key and the app id, never the public Service ID a user must check.
  const { message: said, typeName } = readError(body);
  if (status === 402) {
    return new z.errors.Error(
      `${CRM} refused the request because of your Apideck plan${said ? `: ${said}` : ''}. ` +
        'Your plan or free-tier request quota is used up: upgrade the plan in the Apideck dashboard, or wait for the quota to reset.',
      'PlanLimit',
      status,
    );
  }
  if (status !== 401 && typeName && CONNECTION_TYPES.has(typeName)) {
    const consumer = nonBlank(bundle.authData?.consumer_id) ?? '';
    return new z.errors.Error(
      `${CRM} has no working CRM connection for consumer ${consumer}${said ? `: ${said}` : '.'}`,
      'ConnectionError',
      status,
    );
  }
  const downstream = typeName === 'ConnectorRateLimitError';
  // A write answered with a 5xx may have reached the CRM before the limit did (one Apideck call can
  // make several to the CRM): the kit's status table says so and does not retry it.
  const writeMayHaveHappened = status >= 500 && isWrite(response.request.method);
  if (status === 429 || (downstream && !writeMayHaveHappened)) {
    const header = (name: string) => response.getHeader(name);
    const delay =
      downstreamResetSeconds(header) ?? retryAfterSeconds(header('retry-after')) ?? (status === 429 ? undefined : 60);
    const who = downstream ? 'The connected CRM is rate limiting Apideck' : `${CRM} is rate limiting requests`;
    return new z.errors.ThrottledError(
      `${who}${said ? ` (${said})` : ''}; Zapier will retry${delay !== undefined ? ` in ${delay} s` : ' later'}.`,
      delay,
    );
  }
  if (typeName && QUERY_REFUSALS.has(typeName)) {
    // The status table's wording for a refused request, with Apideck's type as the code.
    return new z.errors.Error(`${CRM} rejected the request${said ? `: ${said}` : '.'}${fieldNote}`, typeName, status);
  }
  return undefined;
};

/** The Apideck error type a request was refused with, when it is one of QUERY_REFUSALS. */
export const queryRefusalOf = (err: unknown): string | undefined => {
  const code = appErrorOf(err)?.code;
  return code !== undefined && QUERY_REFUSALS.has(code) ? code : undefined;
};
