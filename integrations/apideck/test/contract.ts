import type { Scope } from 'nock';
import type { Document, OpenAPIBackend, Operation } from 'openapi-backend';
import { crmDocument, vaultDocument } from '../../../packages/sandbox/src/simulators/apideck/spec';

/**
 * Apideck's OpenAPI document (Vault's for the custom-field list) as the contract of the nock tests: every request a test expects
 * (method, path, query, headers, body) and every response fixture is validated against it with
 * openapi-backend (ajv underneath). The document is 400 KB, so it is parsed lazily, once per test
 * file (jest gives each file its own module registry), and only when a test asks.
 *
 * Where openapi-backend is lax or the document disagrees with itself, this helper says so here:
 * - Query parameters: openapi-backend lets any top-level query key through when one parameter of
 *   the operation allows additional properties (every list has `pass_through`, which does), so
 *   unknown parameters are checked here; `filter[...]`/`sort[...]` are parsed as deepObjects and
 *   validated against the XFilter/XSort schemas (which forbid unknown keys) by openapi-backend.
 * - readOnly: ajv does not enforce `readOnly`, so a request body carrying a read-only property
 *   (`id`, `created_at` …) is found here by walking the dereferenced request schema.
 *
 * Where the document itself is wrong (PATCH bodies reuse the create schema, `required` included), the
 * errata are the simulator's, each with its reason: `APIDECK_CRM_SPEC_EXCEPTIONS` in
 * packages/sandbox/src/simulators/apideck/spec.ts, applied to the document loaded here.
 */

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Which document a request is checked against: Vault's for `/vault/…` (the custom-field list), else the CRM's. */
type Which = 'crm' | 'vault';
const whichFor = (pathOnly: string): Which => (pathOnly.startsWith('/vault/') ? 'vault' : 'crm');
const DOCUMENTS: Record<Which, () => unknown> = { crm: crmDocument, vault: vaultDocument };

const loading: Partial<Record<Which, Promise<OpenAPIBackend>>> = {};

/**
 * openapi-backend 5.21 requires @apidevtools/json-schema-ref-parser 16 when it loads, and that
 * package is ESM only: Node 22 can require it, jest's CommonJS runtime cannot. `quick` mode
 * dereferences with dereference-json-schema (CommonJS) and only calls the ref parser's `parse` (to
 * keep the document as given), so the ref parser is replaced by a stub that does that and refuses
 * the rest.
 */
const loadOpenApiBackend = (): typeof import('openapi-backend') => {
  const unused = () => {
    throw new Error('json-schema-ref-parser is not loaded under jest; use openapi-backend in quick mode');
  };
  jest.doMock('@apidevtools/json-schema-ref-parser', () => ({
    __esModule: true,
    // Quick mode still calls parse (without awaiting it) to keep the document as given.
    default: { dereference: unused, parse: async (doc: unknown) => doc, resolve: unused, bundle: unused },
  }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('openapi-backend') as typeof import('openapi-backend');
};

/** The document (the CRM's unless asked for Vault's), parsed and compiled on first use. */
export const contract = (which: Which = 'crm'): Promise<OpenAPIBackend> => {
  loading[which] ??= (async () => {
    const definition = DOCUMENTS[which]() as unknown as Document;
    const { OpenAPIBackend } = loadOpenApiBackend();
    const api = new OpenAPIBackend({
      definition,
      quick: true,
      validate: true,
      // allErrors: every problem of a request, not only the first.
      ajvOpts: { strict: false, allErrors: true },
      customizeAjv: (ajv) => {
        ajv.addFormat('date-time', { validate: (v: string) => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)) });
        ajv.addFormat('date', ISO_DATE);
        ajv.addFormat('email', EMAIL);
        // `format: string` (one property) is not a format: anything goes.
        ajv.addFormat('string', true);
        return ajv;
      },
    });
    await api.init();
    return api;
  })();
  return loading[which];
};

export interface ContractRequest {
  method: string;
  /** Path with its query string, as sent: `/crm/contacts?filter%5Bemail%5D=…`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

const text = (errors: { instancePath?: string; message?: string; params?: unknown }[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`.trim());

const operationFor = (api: OpenAPIBackend, method: string, pathOnly: string): Operation | undefined =>
  api.router.matchOperation({ method: method.toLowerCase(), path: pathOnly, headers: {} }) as Operation | undefined;

type JsonSchema = {
  readOnly?: boolean;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
};

/** Paths of the read-only properties a body carries (ajv does not check `readOnly`). */
const readOnlyIn = (schema: JsonSchema | undefined, value: unknown, at: string): string[] => {
  if (!schema || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => readOnlyIn(schema.items, v, `${at}/${i}`));
  const props = Object.assign({}, ...[schema, ...(schema.allOf ?? [])].map((s) => s.properties ?? {})) as Record<
    string,
    JsonSchema
  >;
  return Object.entries(value).flatMap(([k, v]) =>
    props[k]?.readOnly ? [`${at}/${k} is readOnly`] : readOnlyIn(props[k], v, `${at}/${k}`),
  );
};

/** What the document says is wrong with a request; empty when it conforms. */
export const requestProblems = async (req: ContractRequest): Promise<string[]> => {
  const [pathOnly = '', query = ''] = req.path.split('?');
  const api = await contract(whichFor(pathOnly));
  const method = req.method.toLowerCase();
  const operation = operationFor(api, method, pathOnly);
  if (!operation) return [`${req.method} ${pathOnly}: no such operation in the document`];
  const problems: string[] = [];

  const declared = new Set(
    (operation.parameters ?? []).filter((p) => 'in' in p && p.in === 'query').map((p) => (p as { name: string }).name),
  );
  for (const key of new URLSearchParams(query).keys()) {
    const top = key.replace(/\[.*$/, '');
    if (!declared.has(top)) problems.push(`query ${key}: not a parameter of ${operation.operationId}`);
  }

  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );
  const result = api.validateRequest({ method, path: pathOnly, query, headers, body: req.body }, operation);
  problems.push(...text(result.errors));
  const bodySchema = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
    ?.content?.['application/json']?.schema;
  problems.push(...readOnlyIn(bodySchema, req.body, '/requestBody'));
  return problems.map((p) => `${req.method} ${pathOnly} (${operation.operationId}): ${p}`);
};

/** What the document says is wrong with a response body; empty when it conforms. */
export const responseProblems = async (
  method: string,
  pathOnly: string,
  status: number,
  body: unknown,
): Promise<string[]> => {
  const api = await contract(whichFor(pathOnly));
  const operation = operationFor(api, method, pathOnly.split('?')[0]!);
  if (!operation) return [`${method} ${pathOnly}: no such operation in the document`];
  const result = api.validateResponse(body, operation, status);
  return text(result.errors).map(
    (p) => `${method.toUpperCase()} ${pathOnly} → ${status} (${operation.operationId}): ${p}`,
  );
};

/* ----------------------------------------------------------------------------------------------
 * Recording what the nock tests send: helpers.ts attaches `record` to every nock scope it makes and
 * checks what was recorded after each test.
 * ------------------------------------------------------------------------------------------- */

interface Seen {
  request: ContractRequest;
  /** The canned reply, when the test gave one as a literal (function replies are not seen here). */
  reply?: { status: number; body: unknown };
}

let seen: Seen[] = [];
let skipResponses = false;

/** Attaches the recorder to a nock scope. */
export const record = (scope: Scope): void => {
  const listener = (
    req: { method: string; path: string; headers: ContractRequest['headers'] },
    _i: unknown,
    body: string,
  ) => {
    let parsed: unknown;
    if (typeof body === 'string' && body !== '') {
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = body;
      }
    }
    seen.push({ request: { method: req.method, path: req.path, headers: req.headers, body: parsed } });
  };
  const replied = (_req: unknown, interceptor: { statusCode?: number; body?: unknown }) => {
    const last = seen[seen.length - 1];
    if (!last || typeof interceptor.statusCode !== 'number' || typeof interceptor.body !== 'string') return;
    try {
      last.reply = { status: interceptor.statusCode, body: JSON.parse(interceptor.body) };
    } catch {
      // Not JSON: a test of what the app does with a broken body.
    }
  };
  scope.on('request', listener as never);
  scope.on('replied', replied as never);
};

/** For a test that replies with a body the document does not allow, on purpose. */
export const allowOffContractReplies = () => {
  skipResponses = true;
};

/** Everything recorded since the last call that the document forbids; clears the record. */
export const recordedProblems = async (): Promise<string[]> => {
  const batch = seen;
  const checkResponses = !skipResponses;
  seen = [];
  skipResponses = false;
  checkedCount.requests += batch.length;
  const problems: string[] = [];
  for (const { request, reply } of batch) {
    problems.push(...(await requestProblems(request)));
    if (reply && checkResponses)
      problems.push(...(await responseProblems(request.method, request.path, reply.status, reply.body)));
  }
  return problems;
};

/** How many requests were checked in this file (a guard that the recorder is wired). */
export const checkedCount = { requests: 0 };
