import { OpenAPIBackend, type Document } from 'openapi-backend';
import { nimbleDocument } from '../../../packages/sandbox/src/simulators/nimble/spec';

/**
 * Requests and responses checked against Nimble's OpenAPI document (`../shared/specs/nimble.openapi.yml`)
 * with openapi-backend (Ajv underneath), loaded once per test file.
 *
 * The document is the simulator's: as published, with the errata of the sandbox's
 * `NIMBLE_SPEC_EXCEPTIONS` applied (packages/sandbox/src/simulators/nimble/spec.ts: each a place where
 * the document is wrong, or contradicts its own examples and text, with its reason; listed in the
 * README). `rawViolations` checks against the unpatched document, so a test can show each erratum
 * is needed.
 *
 * The document does not pass OpenAPI 3.0's own structural validation (`$ref` with sibling keys such
 * as `nullable` and `description`, `nullable` without `type`…), and openapi-backend stops before
 * dereferencing when that validation fails; so it is loaded in `quick` mode, which skips the
 * structural check and dereferences synchronously (jest.config.js stubs the ref parser quick mode
 * never calls). Unknown formats (`BSONObjectId`, `ISO-4217`, `field:order`, `date`) are ignored, as
 * OpenAPI allows.
 */

const backend = (spec: object): OpenAPIBackend => {
  const api = new OpenAPIBackend({
    definition: spec as unknown as Document,
    quick: true,
    strict: false,
    ajvOpts: { strict: false, logger: false, allErrors: true },
  });
  // quick mode: init only dereferences (synchronously); validators compile on first use.
  void api.init();
  return api;
};

let patched: OpenAPIBackend | undefined;
let raw: OpenAPIBackend | undefined;
const patchedApi = () => (patched ??= backend(nimbleDocument()));
const rawApi = () => (raw ??= backend(nimbleDocument([])));

export interface ContractRequest {
  method: string;
  /** The path with its query string, as nock or the server sees it. */
  path: string;
  body?: unknown;
}

const describeErrors = (errors: { instancePath: string; message?: string }[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());

const asRequest = (req: ContractRequest) => {
  const url = new URL(req.path, 'https://app.nimble.com');
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  return {
    method: req.method.toLowerCase(),
    path: url.pathname,
    query,
    headers: { 'content-type': 'application/json' },
    ...(req.body !== undefined ? { body: req.body } : {}),
  };
};

const requestViolations = (api: OpenAPIBackend, req: ContractRequest): string[] => {
  const request = asRequest(req);
  const operation = api.matchOperation(request);
  if (!operation) return [`${req.method} ${request.path} is not an operation of the spec`];
  return describeErrors(api.validateRequest(request, operation).errors).map(
    (e) => `${operation.operationId}: request ${e}`,
  );
};

/** The operation id the spec gives a request (e.g. `put-contact-tags`). */
export const operationOf = (req: ContractRequest): string | undefined =>
  patchedApi().matchOperation(asRequest(req))?.operationId;

/** What is wrong with a request (method, path, query, JSON body) by the patched spec; [] if nothing. */
export const violations = (req: ContractRequest): string[] => requestViolations(patchedApi(), req);

/** The same against the document as published, without the errata. */
export const rawViolations = (req: ContractRequest): string[] => requestViolations(rawApi(), req);

const responseErrors = (api: OpenAPIBackend, operationId: string, status: number, body: unknown): string[] =>
  describeErrors(api.validateResponse(body, operationId, status).errors).map((e) => `${operationId} ${status}: ${e}`);

/** What is wrong with a response body for an operation and status, by the patched spec. */
export const responseViolations = (operationId: string, status: number, body: unknown): string[] =>
  responseErrors(patchedApi(), operationId, status, body);

export const rawResponseViolations = (operationId: string, status: number, body: unknown): string[] =>
  responseErrors(rawApi(), operationId, status, body);

/**
 * Checks every request a nock scope answers, and every JSON answer it gives, against the spec:
 * `watch(scope)` after defining its interceptors; `expectClean()` (run after each test by
 * `useContract`) fails the test with what the spec says is wrong.
 */
export const useContract = () => {
  const found: string[] = [];
  const checked: string[] = [];
  afterEach(() => {
    const problems = found.splice(0);
    checked.length = 0;
    expect(problems).toEqual([]);
  });
  const watch = <T extends { on: (event: 'request', cb: (...args: unknown[]) => void) => unknown }>(scope: T): T => {
    scope.on('request', (...args: unknown[]) => {
      const [req, interceptor, rawBody] = args as [
        { method: string; path: string },
        { statusCode?: number; body?: unknown },
        string | undefined,
      ];
      // A listener that threw would make nock drop the request: problems are collected instead.
      try {
        const body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
        const request = { method: req.method, path: req.path, body };
        checked.push(`${req.method} ${req.path}`);
        found.push(...violations(request));
        const operationId = operationOf(request);
        const status = interceptor.statusCode ?? 200;
        if (operationId && status < 300 && typeof interceptor.body === 'string' && interceptor.body) {
          found.push(...responseViolations(operationId, status, JSON.parse(interceptor.body) as unknown));
        }
      } catch (err) {
        found.push(`contract check failed: ${(err as Error).message}`);
      }
    });
    return scope;
  };
  return { watch, checked };
};
