import type { HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import { parseJsonBody } from './errors';
import { asRecord } from './text';
import { describeIssues } from './validation';

export interface JsonRequest<S extends Zod.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  params?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the request is about ("folder 596f…"): named by "not found" errors. */
  resource?: string;
  /** The shape the CRM promises; the answer is checked against it before any mapping. */
  schema: S;
  /** The CRM's name, for the error shown when its answer is not what it documents. */
  crm: string;
}

/**
 * Turns query parameters into a URLSearchParams, repeating a key for each value of an array
 * (`fieldName=A&fieldName=B`) and leaving out undefined values.
 */
export const queryString = (params: JsonRequest<Zod.ZodType>['params']): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/**
 * An id as one URL path segment. Encoding keeps slashes out, but not dot segments: `..` climbs a
 * level (and URL parsers read `%2e%2e` the same way), so a blank or dot-only id is refused before
 * any request, naming the field as parseInput does. Input rules (`inputs.id`) catch it first; this
 * stops ids that reach a path by another way (a dynamic field's folder, an id read from a webhook).
 */
export const pathSegment = (z: ZObject, id: string | number, field: { key: string; label: string }): string => {
  const text = String(id).trim();
  if (/^\.*$/.test(text)) {
    throw new z.errors.Error(`${field.label}: must be an id, not "${text}".`, 'InvalidInput', 400);
  }
  return encodeURIComponent(String(id));
};

/** Methods that change something in the CRM: a failure after sending may have changed it. */
export const isWrite = (method: string | undefined): boolean => /^(POST|PUT|PATCH|DELETE)$/i.test(method ?? 'GET');

/** Codes for a connection that was never made: the CRM did not receive the request. */
const NOT_SENT_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/;
/** Codes node and node-fetch give when the connection breaks or times out. */
const NETWORK_CODES = /^(ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|UND_ERR_\w+)$/;

/**
 * How long one request may take before it is given up with a clear error: under Zapier's own limit
 * for a step, so the user sees which CRM was slow rather than a killed run.
 * CRM_REQUEST_TIMEOUT_MS overrides it for tests.
 */
export const requestTimeoutMs = (): number => Number(process.env.CRM_REQUEST_TIMEOUT_MS) || 25_000;

/** The error for a write whose outcome is unknown: never retried, since a retry could do it twice. */
export const mayHaveChanged = (z: ZObject, crm: string, what: string): Error =>
  new z.errors.Error(
    `${what}, so the change may or may not have been made in ${crm}. ` +
      `Check in ${crm} before running this step again; Zapier will not retry it on its own.`,
    'OutcomeUnknown',
    502,
  );

/**
 * `z.request`, the only way the apps send requests:
 * - redirects are never followed (the credentials would go with them): a 3xx is an error naming the
 *   host it pointed to;
 * - a network failure becomes an error naming the CRM, never node's raw message with the URL:
 *   retryable when the request never left or only read; for a write that may have reached the CRM,
 *   a plain error saying so.
 */
export const sendRequest = async (
  z: ZObject,
  crm: string,
  options: HttpRequestOptions & { url: string },
  /** A POST that changes nothing a retry could duplicate (an OAuth2 token request): retried like a read. */
  { replayable = false }: { replayable?: boolean } = {},
): Promise<HttpResponse> => {
  let response: HttpResponse;
  try {
    response = await z.request({ timeout: requestTimeoutMs(), ...options, redirect: 'manual' });
  } catch (err) {
    const e = err as { name?: string; code?: string; errno?: string; type?: string };
    const code = e.code ?? e.errno ?? (e.type === 'request-timeout' ? 'ETIMEDOUT' : undefined);
    const notSent = code !== undefined && NOT_SENT_CODES.test(code);
    if (notSent || e.name === 'FetchError' || (code && NETWORK_CODES.test(code))) {
      if (!notSent && !replayable && isWrite(options.method)) {
        throw mayHaveChanged(
          z,
          crm,
          `The connection to ${crm} broke (${code ?? 'network error'}) after the request was sent`,
        );
      }
      throw new z.errors.ThrottledError(`Could not reach ${crm} (${code ?? 'network error'}); Zapier will retry.`, 60);
    }
    throw err;
  }
  if (response.status >= 300 && response.status < 400) throw redirectError(z, crm, response);
  return response;
};

/** A 3xx answer, refused: it names the host the CRM pointed to (never the URL, which may hold a query). */
const redirectError = (z: ZObject, crm: string, response: HttpResponse): Error => {
  const location = response.getHeader('location');
  let host = 'another address';
  try {
    if (location) host = new URL(location, response.request.url).host;
  } catch {
    // an unreadable Location: say "another address"
  }
  return new z.errors.Error(
    `${crm} answered with a redirect to ${host}. ` +
      `It was not followed, so your credentials were not sent there; check that the ${crm} API address is right.`,
    'Redirect',
    response.status,
  );
};

/** The request `requestJson` and `requestAcknowledged` send: JSON both ways, query built here. */
const jsonRequestOptions = (req: Omit<JsonRequest<Zod.ZodType>, 'schema'>): HttpRequestOptions & { url: string } => ({
  method: req.method ?? 'GET',
  // Query strings are built here, not with `params`, so repeated keys survive.
  url: `${req.url}${queryString(req.params)}`,
  headers: {
    Accept: 'application/json',
    ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...req.headers,
  },
  middlewareData: req.resource ? { resource: req.resource } : undefined,
  body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
});

/**
 * Sends one request through `z.request` (so middleware, auth and error mapping apply) and returns
 * the JSON answer checked against `schema`. An empty or non-JSON success body, or one of the wrong
 * shape, becomes a clear error naming what is missing — never a SyntaxError. After a write the CRM
 * accepted, that error says the change may have been made, and is never retried.
 */
export const requestJson = async <S extends Zod.ZodType>(z: ZObject, req: JsonRequest<S>): Promise<Zod.output<S>> => {
  const options = jsonRequestOptions(req);
  const response = await sendRequest(z, req.crm, options);
  const unreadable = (problem: string): Error =>
    isWrite(options.method)
      ? mayHaveChanged(z, req.crm, `${req.crm} accepted the request but ${problem}`)
      : new z.errors.Error(`${req.crm} ${problem}.`, 'InvalidResponse', response.status);
  const content = response.content ?? '';
  if (content.trim() === '') throw unreadable('sent an empty answer where data was expected');
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    const type = response.getHeader('content-type') ?? 'unknown type';
    throw unreadable(`sent an answer that is not JSON (${type}): ${content.slice(0, 80).replace(/\s+/g, ' ')}`);
  }
  const parsed = req.schema.safeParse(body);
  if (!parsed.success)
    throw unreadable(`sent an answer of an unexpected shape: ${describeIssues(parsed.error.issues)}`);
  return parsed.data as Zod.output<S>;
};

/**
 * Sends a write whose success the CRM only acknowledges (any 2xx means done, and no source shows
 * the answer): what a JSON object answer holds, or nothing for any other 2xx body. Turning an
 * unexpected success body into an error would tell the user a change failed that was made.
 */
export const requestAcknowledged = async (
  z: ZObject,
  req: Omit<JsonRequest<Zod.ZodType>, 'schema'>,
): Promise<Record<string, unknown>> => {
  const response = await sendRequest(z, req.crm, jsonRequestOptions(req));
  return asRecord(parseJsonBody(response.content)) ?? {};
};
