import type { Handler, SimRequest, SimResponse } from '../../server';
import type { Problem, Spec } from '../openapi';
import { apiError, invalidRequest, unauthorized } from './errors';
import { APIDECK_SANDBOX_CREDENTIALS, APIDECK_SANDBOX_SERVICE, type ApideckStore } from './store';

/**
 * What every Unify request goes through before its handler, in Apideck's order: the key, the
 * headers the document requires, the application and consumer, the connection, the JSON content
 * type, the downstream rate limit, then the query and body against the document.
 */

export const headerOf = (req: SimRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

const bearer = (req: SimRequest) => /^Bearer\s+(.+)$/i.exec(headerOf(req, 'authorization') ?? '')?.[1];

/**
 * The key and the headers (x-apideck-app-id, and x-apideck-consumer-id where the document requires
 * it): a missing key is a 401, a missing header a 400 naming it, a wrong key or application a 401.
 * Returns the refusal, or the request's other problems.
 */
export const keyAndHeaders = (spec: Spec, operationId: string, req: SimRequest): SimResponse | Problem[] => {
  if (!headerOf(req, 'authorization')) {
    return apiError(401, 'UnauthorizedError', 'Missing authentication', 'Missing Authorization header');
  }
  const problems = spec.problems(req, operationId);
  const headers = problems.filter((p) => p.in === 'header');
  if (headers.length) return invalidRequest(headers);
  if (
    bearer(req) !== APIDECK_SANDBOX_CREDENTIALS.api_key ||
    headerOf(req, 'x-apideck-app-id') !== APIDECK_SANDBOX_CREDENTIALS.app_id
  ) {
    return unauthorized();
  }
  return problems;
};

/**
 * The downstream CRM's rate-limit window (options.downstreamRateLimit): counts a request that
 * reaches the connector, and gives the three `x-downstream-ratelimit-*` headers Apideck maps from
 * the connector's own (apideck-crm.md §5.4).
 */
const downstreamRate = (store: ApideckStore): { limited: boolean; headers: Record<string, string> } | undefined => {
  const rl = store.options.downstreamRateLimit;
  if (!rl) return undefined;
  const nowMs = Date.now();
  const window = store.rateWindow;
  if (nowMs >= window.start + rl.windowSeconds * 1000) Object.assign(window, { start: nowMs, used: 0 });
  const limited = window.used >= rl.limit;
  if (!limited) window.used += 1;
  return {
    limited,
    headers: {
      'x-downstream-ratelimit-limit': String(rl.limit),
      'x-downstream-ratelimit-remaining': String(rl.limit - window.used),
      'x-downstream-ratelimit-reset': String(Math.ceil((window.start + rl.windowSeconds * 1000) / 1000)),
    },
  };
};

/** The Unify gate around one operation's handler. */
export const unify =
  (store: ApideckStore, spec: Spec, operationId: string, handler: (req: SimRequest) => SimResponse): Handler =>
  (req) => {
    const problems = keyAndHeaders(spec, operationId, req);
    if (!Array.isArray(problems)) return problems;
    if (headerOf(req, 'x-apideck-consumer-id') !== APIDECK_SANDBOX_CREDENTIALS.consumer_id) {
      return apiError(404, 'ConnectionNotFoundError', 'No CRM connection found for this consumer');
    }
    const service = headerOf(req, 'x-apideck-service-id');
    if (service !== undefined && service !== APIDECK_SANDBOX_SERVICE) {
      return apiError(404, 'ConnectionNotFoundError', `The consumer has no ${service} connection`);
    }
    // "Send `Content-Type: application/json` on every request; the document says this is mandatory" (§1.1).
    if (req.rawBody && !/application\/json/i.test(headerOf(req, 'content-type') ?? '')) {
      return apiError(400, 'RequestValidationError', 'Invalid Params', 'Content-Type must be application/json');
    }
    if (problems.length) return invalidRequest(problems);
    const rate = downstreamRate(store);
    if (!rate) return handler(req);
    if (rate.limited) {
      const limited = apiError(429, 'ConnectorRateLimitError', 'Connector Rate Limit Error', {
        context: `The ${APIDECK_SANDBOX_SERVICE} API rate limit was reached`,
      });
      return { ...limited, headers: { ...limited.headers, ...rate.headers } };
    }
    const res = handler(req);
    return { ...res, headers: { ...res.headers, ...rate.headers } };
  };
