import type { HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { schemaOf, type AnySchema, type Infer } from './lazy';
import { describeIssues } from './validation';

export interface JsonRequest<S extends AnySchema> {
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
export const queryString = (params: JsonRequest<AnySchema>['params']): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Codes node and node-fetch give when the CRM cannot be reached or the connection breaks. */
const NETWORK_CODES =
  /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

/**
 * `z.request` with a network failure (timeout, reset, refused) turned into a retryable error that
 * names the CRM — never node's raw message with the request URL.
 */
/**
 * How long one request may take before it is given up with a clear error: under Zapier's own limit
 * for a step, so the user sees which CRM was slow rather than a killed run.
 * CRM_REQUEST_TIMEOUT_MS overrides it for tests.
 */
export const requestTimeoutMs = (): number => Number(process.env.CRM_REQUEST_TIMEOUT_MS) || 25_000;

export const sendRequest = async (
  z: ZObject,
  crm: string,
  options: HttpRequestOptions & { url: string },
): Promise<HttpResponse> => {
  try {
    return await z.request({ timeout: requestTimeoutMs(), ...options });
  } catch (err) {
    const e = err as { name?: string; code?: string; errno?: string; type?: string };
    const code = e.code ?? e.errno ?? (e.type === 'request-timeout' ? 'ETIMEDOUT' : undefined);
    if (e.name === 'FetchError' || (code && NETWORK_CODES.test(code))) {
      throw new z.errors.ThrottledError(`Could not reach ${crm} (${code ?? 'network error'}); Zapier will retry.`, 60);
    }
    throw err;
  }
};

/**
 * Sends one request through `z.request` (so middleware, auth and error mapping apply) and returns
 * the JSON answer checked against `schema`. An empty or non-JSON success body, or one of the wrong
 * shape, becomes a clear error naming what is missing — never a SyntaxError.
 */
export const requestJson = async <S extends AnySchema>(z: ZObject, req: JsonRequest<S>): Promise<Infer<S>> => {
  const options: HttpRequestOptions & { url: string } = {
    method: req.method ?? 'GET',
    // Query strings are built here, not with `params`, so repeated keys survive.
    url: `${req.url}${queryString(req.params)}`,
    headers: {
      Accept: 'application/json',
      ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...req.headers,
    },
    middlewareData: req.resource ? { resource: req.resource } : undefined,
  };
  if (req.body !== undefined) options.body = JSON.stringify(req.body);
  const response = await sendRequest(z, req.crm, options);
  const content = response.content ?? '';
  if (content.trim() === '') {
    throw new z.errors.Error(
      `${req.crm} sent an empty answer (HTTP ${response.status}) where data was expected.`,
      'InvalidResponse',
      response.status,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    const type = response.getHeader('content-type') ?? 'unknown type';
    throw new z.errors.Error(
      `${req.crm} sent an answer that is not JSON (HTTP ${response.status}, ${type}): ${content.slice(0, 80).replace(/\s+/g, ' ')}`,
      'InvalidResponse',
      response.status,
    );
  }
  const parsed = schemaOf(req.schema).safeParse(body);
  if (!parsed.success) {
    throw new z.errors.Error(
      `${req.crm} sent an answer of an unexpected shape: ${describeIssues(parsed.error.issues)}.`,
      'InvalidResponse',
      response.status,
    );
  }
  return parsed.data as Infer<S>;
};
