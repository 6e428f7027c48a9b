import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { Handler, SimRequest, SimServer } from '../server';

/**
 * The vendors' OpenAPI documents (/work/shared/specs) as the simulators' request contract, through
 * openapi-backend (Ajv underneath): the routes come from the document's paths, and every request is
 * validated against its operation (path, query, headers, JSON body) before a handler sees it.
 *
 * Cost: a document is parsed once per process (the YAML is cached as JSON under
 * node_modules/.cache, keyed by the file's size and mtime, so a later process reads JSON), loaded
 * in openapi-backend's quick mode (synchronous dereferencing, no structural validation of the
 * document — Nimble's does not pass it), and the validators of the operations a simulator serves
 * are compiled when it registers them.
 */

type Json = Record<string, unknown>;
/** The parsed document, before openapi-backend sees it: what an exception edits. */
export type SpecDocument = Json & {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

/** A place where the vendor's document is wrong (the simulator and the contract tests depart from it), and the evidence why. */
export interface SpecException {
  where: string;
  why: string;
  apply: (doc: SpecDocument) => void;
}

/** One thing a request does wrong by the document. */
export interface Problem {
  in: 'path' | 'query' | 'header' | 'body';
  /** Where inside that part: property names and item indexes (`['emails', '0', 'email']`). */
  at: string[];
  /** `required`, `additionalProperties`, `readOnly`, `enum`, `type`, … (Ajv's keyword). */
  keyword: string;
  /** Ajv's message. */
  message: string;
  params: Record<string, unknown>;
}

export interface Spec {
  /** What is wrong with a request by the operation's schemas; [] when it conforms. */
  problems: (req: SimRequest, operationId: string) => Problem[];
  /** Registers a handler per operation id at the operation's path and method. */
  route: (server: SimServer, handlers: Record<string, Handler>) => void;
}

const SPECS_DIR = resolve(__dirname, '../../../../../shared/specs');
const CACHE_DIR = resolve(__dirname, '../../../../node_modules/.cache/crm-zapier-sandbox');

/** The YAML document as a plain object: from the JSON cache when it is current, else parsed (and cached). */
const readDocument = (file: string): SpecDocument => {
  const path = join(SPECS_DIR, file);
  const { size, mtimeMs } = statSync(path);
  const cached = join(CACHE_DIR, `${file}.${size}.${Math.floor(mtimeMs)}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as SpecDocument;
  } catch {
    const doc = load(readFileSync(path, 'utf8')) as SpecDocument;
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(cached, JSON.stringify(doc));
    } catch {
      // A read-only checkout parses the YAML each time; nothing else changes.
    }
    return doc;
  }
};

/** Ajv formats the documents use (Ajv knows none without ajv-formats; unknown ones would pass anything). */
const FORMATS: Record<string, RegExp | ((v: string) => boolean)> = {
  'date-time': (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^\s@]+@[^\s@]+$/,
  // Delivery URLs and the like: the sandbox only ever calls http(s) URLs.
  uri: (v) => /^https?:\/\//i.test(v) && URL.canParse(v),
};

type Schema = { readOnly?: boolean; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[] };

/** The read-only properties a body carries (Ajv does not enforce `readOnly`). */
const readOnlyIn = (schema: Schema | undefined, value: unknown, at: string[]): Problem[] => {
  if (!schema || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => readOnlyIn(schema.items, v, [...at, String(i)]));
  const props = Object.assign({}, ...[schema, ...(schema.allOf ?? [])].map((s) => s.properties ?? {})) as Record<
    string,
    Schema
  >;
  return Object.entries(value).flatMap(([k, v]) =>
    props[k]?.readOnly
      ? [{ in: 'body' as const, at: [...at, k], keyword: 'readOnly', message: 'is read-only', params: {} }]
      : readOnlyIn(props[k], v, [...at, k]),
  );
};

const LOCATIONS: Record<string, Problem['in']> = {
  requestBody: 'body',
  query: 'query',
  header: 'header',
  path: 'path',
};

/** Ajv's errors as problems, the property a `required` or `additionalProperties` error names included in `at`. */
const problemsOf = (errors: { instancePath: string; keyword: string; message?: string; params: unknown }[]) =>
  errors.map((e): Problem => {
    const [where = '', ...at] = e.instancePath.split('/').slice(1);
    const params = (e.params ?? {}) as Record<string, unknown>;
    const named = params.missingProperty ?? params.additionalProperty;
    return {
      in: LOCATIONS[where] ?? 'body',
      at: typeof named === 'string' ? [...at, named] : at,
      keyword: e.keyword,
      message: e.message ?? e.keyword,
      params,
    };
  });

/**
 * A fresh copy of the document `file` (in /work/shared/specs) with `exceptions` applied: what the
 * simulators load, and what the integrations' contract tests validate against (`[]`: as published).
 */
export const specDocument = (file: string, exceptions: SpecException[]): SpecDocument => {
  const doc = readDocument(file);
  for (const exception of exceptions) exception.apply(doc);
  return doc;
};

const specs = new Map<string, Spec>();

/** The document `file` (in /work/shared/specs) with `exceptions` applied, loaded once per process. */
export const loadSpec = (file: string, exceptions: SpecException[]): Spec => {
  const known = specs.get(file);
  if (known) return known;
  const doc = specDocument(file, exceptions);
  const api = new OpenAPIBackend({
    definition: doc as unknown as Document,
    quick: true,
    strict: false,
    // allErrors: a 400 lists every problem. Compiling an operation's validators is most of what
    // the documents cost: Ajv checks each schema against the JSON Schema meta-schema first (the
    // document is the vendor's, taken as given) and optimises the generated code, which a sandbox's
    // few requests per operation never win back; without both, a compile costs about a quarter.
    ajvOpts: { strict: false, allErrors: true, logger: false, validateSchema: false, code: { optimize: false } },
    customizeAjv: (ajv) => {
      for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
      return ajv;
    },
  });
  // Quick mode: init dereferences synchronously; validators compile on first use.
  void api.init();
  // openapi-backend's getOperation rebuilds the list of every operation on each call: once here.
  const operations = new Map(api.getOperations().map((op) => [op.operationId, op]));
  const operation = (operationId: string): Operation => {
    const op = operations.get(operationId);
    if (!op) throw new Error(`${file} has no operation ${operationId}`);
    return op;
  };

  const problems = (req: SimRequest, operationId: string): Problem[] => {
    const op = operation(operationId);
    const request = {
      method: req.method.toLowerCase(),
      path: req.path,
      query: req.query.toString(),
      headers: req.headers as Record<string, string | string[]>,
      body: req.body,
    };
    const found = problemsOf(api.validateRequest(request, op).errors ?? []);
    // openapi-backend lets any query key through when a parameter takes free keys (Apideck's
    // `pass_through`): a key the operation does not declare is a problem here.
    const declared = new Set((op.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'query' ? [p.name] : [])));
    for (const key of new Set(req.query.keys())) {
      if (!declared.has(key.replace(/\[.*$/, ''))) {
        found.push({
          in: 'query',
          at: [key],
          keyword: 'additionalProperties',
          message: 'is not a parameter',
          params: {},
        });
      }
    }
    const body = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
      'application/json'
    ]?.schema;
    return [...readOnlyIn(body, req.body, []), ...found];
  };

  // SimServer takes the first route whose pattern matches: literal paths go before templated ones
  // (`/api/v2/deals/pipelines` before `/api/v2/deals/{deal_id}`). The operations' validators are
  // compiled here (once per process: openapi-backend keeps them), not on a first request, which
  // would then be slower than the next ones (tests time token lifetimes and rate windows).
  const route = (server: SimServer, handlers: Record<string, Handler>) => {
    const params = (path: string) => path.split('{').length;
    const ops = Object.keys(handlers).map(operation);
    for (const op of ops.sort((a, b) => params(a.path) - params(b.path))) {
      api.validator.getRequestValidatorsForOperation(op.operationId!);
      server.route(op.method.toUpperCase(), op.path.replace(/\{(\w+)\}/g, ':$1'), handlers[op.operationId!]!);
    }
  };

  const spec = { problems, route };
  specs.set(file, spec);
  return spec;
};

/** `['emails', '0', 'email']` as `emails[0].email`. */
export const dotted = (at: string[]): string =>
  at.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
