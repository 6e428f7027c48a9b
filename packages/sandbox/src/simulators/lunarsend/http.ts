import { z } from 'zod';
import { json, type SimRequest, type SimResponse } from '../../server';
import type { Caller, LunarSendStore } from './store';

/**
 * The documented error body, as both documents give it: getting-started's `{ error: "<short
 * machine-readable code>", message: "<human text>" }`, inside the v2 envelope whose Response Fields
 * add `status: "error"`.
 */
export const fail = (status: number, error: string, message: string, headers?: Record<string, string>) =>
  json(status, { status: 'error', error, message }, headers);

/** A zod error message that carries the error code to answer with: `<code> <human text>`. */
export const says = (code: string, message: string) => `${code} ${message}`;

/**
 * The first problem of a body that does not match its schema, as a 400 with the code and text its
 * schema gave (`says`). Unknown fields are named first, as LunarSend checks them first.
 */
export const badBody = (error: z.ZodError): SimResponse => {
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0]!;
  const space = issue.message.indexOf(' ');
  return fail(400, issue.message.slice(0, space), issue.message.slice(space + 1));
};

const mustBeText = (key: string) => says('invalid_field', `"${key}" must be text.`);
/** Text; a missing or null value answers `missing` (code and text), any other value "must be text". */
export const text = (key: string, missing = mustBeText(key)) =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : mustBeText(key)) });
/** Text or null, as LunarSend's contact fields are. */
export const textOrNull = (key: string) => z.string(mustBeText(key)).nullable();
export const required = (key: string) => says('missing_field', `"${key}" is required.`);
/** Text that must be there and not blank; anything else is "required". */
export const requiredText = (key: string) => z.string(required(key)).refine((v) => v.trim() !== '', required(key));
/** An id the request names: any non-empty text, else `"<key>" is required.` */
export const requiredId = (key: string) => z.string(required(key)).min(1, required(key));
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The `data` envelope every create and edit body has (lunarsend.md: "Send the `data` envelope"). */
const INVALID_BODY = says('invalid_body', 'The request body must be { "data": { ... } }.');
export const Envelope = z.object({ data: z.record(z.string(), z.unknown(), INVALID_BODY) }, INVALID_BODY);
/** Edits name what they change by `data.id`. */
export const EditedId = z.object({ id: requiredId('id') }, required('id'));

/** One endpoint: a plain function over the store, called with the key's team member. */
export interface LunarSendRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  handle: (store: LunarSendStore, req: SimRequest, who: Caller) => SimResponse;
}

/** At most `requests` accepted requests per key in any `windowMs`. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}
/** LunarSend's documented limit: 2 requests per second. */
export const LUNARSEND_RATE_LIMIT: RateLimit = { requests: 2, windowMs: 1000 };

/** A rate limiter per API key: a 429 with `Retry-After` for a request over the limit. */
export const throttle = (limit: RateLimit, clock: () => number) => {
  const accepted = new Map<string, number[]>();
  return (req: SimRequest): SimResponse | undefined => {
    const key = String(req.headers['x-api-key'] ?? 'anonymous');
    const t = clock();
    const recent = (accepted.get(key) ?? []).filter((at) => t - at < limit.windowMs);
    accepted.set(key, recent);
    if (recent.length >= limit.requests) {
      const wait = Math.max(1, Math.ceil((recent[0]! + limit.windowMs - t) / 1000));
      return fail(
        429,
        'rate_limited',
        `Too many requests: ${limit.requests} per ${limit.windowMs / 1000} s allowed. Retry with backoff.`,
        { 'retry-after': String(wait) },
      );
    }
    recent.push(t);
    return undefined;
  };
};

/** The key's team member, or the documented 401; a viewer's write is a 403. */
export const callerOf = (store: LunarSendStore, req: SimRequest): Caller | SimResponse => {
  const key = req.headers['x-api-key'];
  const who = typeof key === 'string' ? store.keys.get(key) : undefined;
  if (!who) return fail(401, 'unauthorized', 'Missing or invalid API key.');
  if (req.method !== 'GET' && !who.canWrite) {
    return fail(403, 'forbidden', 'Your role in this team may view records but not change them.');
  }
  return who;
};

export const isResponse = (v: unknown): v is SimResponse =>
  typeof v === 'object' && v !== null && 'status' in v && typeof (v as SimResponse).status === 'number';

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/**
 * Zero-based `page` (default 0) and the page size: `query_amount`, "alias for per_page" (the
 * getting-started page's name, accepted too), from 1 to 100 (the sandbox's enforcement of our own
 * cap; no default is documented, the sandbox uses 20).
 */
export const paging = (req: SimRequest): { page: number; size: number } | SimResponse => {
  const pageText = req.query.get('page') ?? '0';
  const sizeText = req.query.get('query_amount') ?? req.query.get('per_page') ?? String(DEFAULT_PAGE_SIZE);
  const page = Number(pageText);
  const size = Number(sizeText);
  if (!Number.isInteger(page) || page < 0) return fail(400, 'invalid_page', `"page" must be 0 or more: ${pageText}`);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    return fail(400, 'invalid_query_amount', `"query_amount" must be from 1 to ${MAX_PAGE_SIZE}: ${sizeText}`);
  }
  return { page, size };
};

/** A search answer: `{ data, total_count, page, per_page }`. */
export const pageOf = <T, V>(items: T[], p: { page: number; size: number }, view: (item: T, total: number) => V) => ({
  data: items.slice(p.page * p.size, (p.page + 1) * p.size).map((item) => view(item, items.length)),
  total_count: items.length,
  page: p.page,
  per_page: p.size,
});

/** `search_term` and `search_by`; no term lists everything (the document does not say). */
export const searchTerms = (req: SimRequest, allowed: string[]): { term?: string; by?: string } | SimResponse => {
  const term = req.query.get('search_term')?.trim() || undefined;
  const by = req.query.get('search_by')?.trim() || undefined;
  if (by && !allowed.includes(by)) {
    return fail(400, 'invalid_search_by', `"search_by" must be a valid field: one of ${allowed.join(', ')}.`);
  }
  return { term, by };
};

/** Paging and search terms together, as every search endpoint reads them. */
export const searchOf = (req: SimRequest, allowed: string[]) => {
  const p = paging(req);
  if (isResponse(p)) return p;
  const s = searchTerms(req, allowed);
  if (isResponse(s)) return s;
  return { ...p, ...s };
};

export const contains = (value: unknown, term: string) =>
  typeof value === 'string' && value.toLowerCase().includes(term.toLowerCase());
