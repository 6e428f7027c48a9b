import type { AfterResponseMiddleware, Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import { isWrite, mayHaveChanged } from './http';
import { asRecord, clip, nonBlank } from './text';

/** What a CRM's error body says, as far as the CRM's own format lets us read it. */
export interface CrmErrorDetail {
  message?: string;
  /** The input the CRM blames, in the CRM's own naming. */
  field?: string;
}

export interface CrmErrorOptions {
  /** The CRM's name as users know it, e.g. "NetHunt CRM". */
  crm: string;
  /** Which credential a user should check when the CRM refuses it, e.g. "email address and API key". */
  credentials: string;
  /** OAuth2 apps: a 401 asks core to refresh the token instead of failing. */
  oauth?: boolean;
  /** Reads the CRM's own message (and the field it names) from a JSON error body. */
  readError?: (body: unknown) => CrmErrorDetail;
  /**
   * What this CRM signals differently from the status table below. Called for every response,
   * successes included, with the body parsed once: the parsed JSON, or the trimmed text when it is
   * not JSON, or undefined when empty. Returns the error to throw, or undefined to let the status
   * table decide.
   */
  classify?: (status: number, body: unknown, context: ClassifyContext) => Error | undefined;
  /** Response headers that carry a request id, checked in order. */
  requestIdHeaders?: string[];
  /** Seconds to wait before retrying a 5xx when the CRM gives no Retry-After. */
  defaultRetrySeconds?: number;
  /** The Zap editor's label for each field the CRM may blame, keyed by the CRM's own name for it. */
  fieldLabels?: Record<string, string>;
}

export interface ClassifyContext {
  z: ZObject;
  response: HttpResponse;
  bundle: Bundle;
  /** The CRM's own message (from `readError`, or the plain text), clipped; guardApp scrubs credentials. */
  said?: string;
  /** The field the CRM blames, in its own naming. */
  field?: string;
  /** " (Label)" naming the blamed field by its Zap-editor label, or "" when the message already names it. */
  fieldNote: string;
}

/**
 * Middleware data a client may attach to a request so that errors name the thing involved:
 * `z.request({ ..., middlewareData: { resource: 'record 596f…' } })`.
 */
export interface KitMiddlewareData {
  resource?: string;
}

const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id', 'request-id', 'x-amzn-requestid'];
const MAX_MESSAGE = 300;

/** Parses a response body as JSON, or returns undefined when it is empty or not JSON. */
export const parseJsonBody = (content: string | undefined | null): unknown => {
  if (content === undefined || content === null || content.trim() === '') return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Reads the message and field from the error shapes most CRMs use: `{message}`, `{error}`,
 * `{error: {message}}`, `{errors: [{message, field}]}`, `{detail}`, `{title}`, and a bare string.
 */
export const readCommonError = (body: unknown): CrmErrorDetail => {
  const direct = nonBlank(body);
  if (direct) return { message: direct };
  const list = Array.isArray(body) ? body : undefined;
  if (list && list.length > 0) return readCommonError(list[0]);
  const obj = asRecord(body);
  if (!obj) return {};
  const field =
    nonBlank(obj.field) ??
    nonBlank(obj.param) ??
    nonBlank(obj.parameter) ??
    nonBlank(obj.property) ??
    nonBlank(obj.path);
  const message =
    nonBlank(obj.message) ??
    nonBlank(obj.error_description) ??
    nonBlank(obj.detail) ??
    nonBlank(obj.title) ??
    nonBlank(obj.error);
  if (message) {
    // A generic title with a more specific detail beside it: prefer the detail.
    const detail = nonBlank(obj.detail);
    return { message: detail && message !== detail && message === nonBlank(obj.error) ? detail : message, field };
  }
  const nested = obj.error ?? obj.errors ?? obj.data;
  if (nested !== undefined) {
    const inner = readCommonError(nested);
    return { message: inner.message, field: inner.field ?? field };
  }
  return { field };
};

/** " (Label)" for the field a CRM blames, unless its message already names that field. */
const noteFor = (said: string | undefined, field: string | undefined, labels: Record<string, string> = {}): string => {
  if (!field) return '';
  const label = labels[field] ?? field;
  const text = said?.toLowerCase() ?? '';
  return text.includes(field.toLowerCase()) || text.includes(label.toLowerCase()) ? '' : ` (${label})`;
};

/** Parses a Retry-After header (seconds or an HTTP date) into whole seconds, or undefined. */
export const retryAfterSeconds = (value: string | null | undefined, now: number = Date.now()): number | undefined => {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.ceil(Number(trimmed)));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
};

/** Describes what a request was about, for "not found" messages. */
const describeTarget = (response: HttpResponse): string => {
  const data = response.request.middlewareData as KitMiddlewareData | undefined;
  if (data?.resource) return data.resource;
  try {
    const { pathname } = new URL(response.request.url ?? '');
    return `the item at ${pathname}`;
  } catch {
    return 'the requested item';
  }
};

/** The body read once: parsed JSON, else the trimmed text, else undefined. */
const readBody = (response: HttpResponse): { body: unknown; json: boolean } => {
  const parsed = parseJsonBody(response.content);
  if (parsed !== undefined) return { body: parsed, json: true };
  const text = response.content?.trim() ?? '';
  return { body: text === '' ? undefined : text, json: false };
};

/** The CRM's message and field: read from JSON, or the plain text (never an HTML page). */
const detailOf = (
  response: HttpResponse,
  { body, json }: { body: unknown; json: boolean },
  options: CrmErrorOptions,
): CrmErrorDetail => {
  if (!json) {
    const text = typeof body === 'string' ? body : '';
    const html = /html/i.test(response.getHeader('content-type') ?? '') || text.startsWith('<');
    return text && !html ? { message: clip(text, MAX_MESSAGE) } : {};
  }
  const read = options.readError ? options.readError(body) : readCommonError(body);
  return { message: read.message ? clip(read.message, MAX_MESSAGE) : undefined, field: read.field };
};

/**
 * The one `afterResponse` every integration uses: maps a CRM's error statuses to the Zapier error a
 * Zap builder can act on, with the CRM's own message (guardApp keeps secrets out of it). A CRM's own signals go
 * through its `classify` hook first.
 */
export const crmErrors = (options: CrmErrorOptions): AfterResponseMiddleware => {
  const requestIdHeaders = options.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;
  return (response, z, bundle) => {
    // A request that reads its own answer (a token exchange, API Request with "Fail on Error
    // Status" off) is neither failed nor classified here.
    if (response.skipThrowForStatus) return response;
    const { status } = response;
    const failed = status >= 400;
    if (!failed && !options.classify) return response;
    const read = readBody(response);
    const detail = detailOf(response, read, options);
    // Credentials the CRM echoes are scrubbed once, from every message of the app, by guardApp.
    const said = detail.message;
    const fieldNote = noteFor(said, detail.field, options.fieldLabels);
    const verdict = options.classify?.(status, read.body, {
      z,
      response,
      bundle,
      said,
      field: detail.field,
      fieldNote,
    });
    if (verdict) throw verdict;
    if (!failed) return response;
    const { crm } = options;

    if (status === 401) {
      if (options.oauth) throw new z.errors.RefreshAuthError(`${crm} refused the access token.`);
      throw new z.errors.ExpiredAuthError(
        `${crm} did not accept your ${options.credentials}${said ? ` (${said})` : ''}. ` +
          `Check them and reconnect your ${crm} account.`,
      );
    }
    if (status === 403) {
      throw new z.errors.Error(
        `${crm} refused access${said ? `: ${said}` : ''}. Check that the user you connected with may do this in ${crm}.`,
        'Forbidden',
        status,
      );
    }
    if (status === 404) {
      throw new z.errors.Error(
        `${crm} could not find ${describeTarget(response)}${said ? `: ${said}` : '.'}`,
        'NotFound',
        status,
      );
    }
    if (status === 429) {
      const delay = retryAfterSeconds(response.getHeader('retry-after'));
      throw new z.errors.ThrottledError(
        `${crm} is rate limiting requests${said ? ` (${said})` : ''}; Zapier will retry${delay !== undefined ? ` in ${delay} s` : ' later'}.`,
        delay,
      );
    }
    if (status >= 500) {
      const requestId = requestIdHeaders.map((h) => response.getHeader(h)).find((v): v is string => Boolean(v));
      const retryAfter = retryAfterSeconds(response.getHeader('retry-after'));
      // A write the CRM may have carried out before failing is not replayed; a 503 with Retry-After
      // is documented (RFC 9110 §15.6.4) as refused before any processing, so it is safe to retry.
      if (isWrite(response.request.method) && !(status === 503 && retryAfter !== undefined)) {
        throw mayHaveChanged(
          z,
          crm,
          `${crm} had a problem on its side${said ? `: ${said}` : ''}${requestId ? ` (request id ${requestId})` : ''}`,
        );
      }
      const delay = retryAfter ?? options.defaultRetrySeconds ?? 60;
      throw new z.errors.ThrottledError(
        `${crm} had a temporary problem${said ? `: ${said}` : ''}` +
          `${requestId ? ` (request id ${requestId})` : ''}; Zapier will retry.`,
        delay,
      );
    }
    throw new z.errors.Error(
      `${crm} rejected the request${said ? `: ${said}` : '.'}${fieldNote}`,
      status === 409 ? 'Conflict' : status === 422 ? 'InvalidInput' : 'BadRequest',
      status,
    );
  };
};

/**
 * What an error core threw from `z.errors.Error` carries (an AppError's message is JSON of the
 * message, code and status): undefined for any other error.
 */
export const appErrorOf = (err: unknown): { message?: string; code?: string; status?: number } | undefined => {
  if (!(err instanceof Error) || err.name !== 'AppError') return undefined;
  try {
    const parsed: unknown = JSON.parse(err.message);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { message, code, status } = parsed as Record<string, unknown>;
    return {
      message: typeof message === 'string' ? message : undefined,
      code: typeof code === 'string' ? code : undefined,
      status: typeof status === 'number' ? status : undefined,
    };
  } catch {
    return undefined;
  }
};

/** True for the error crmErrors throws on a 404. */
export const isNotFound = (err: unknown): boolean => appErrorOf(err)?.status === 404;

/** The answer, or undefined when the CRM answered 404: a get by id used as a search finds nothing. */
export const orNotFound = async <T>(request: Promise<T>): Promise<T | undefined> => {
  try {
    return await request;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
};
