import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { OpenAPIBackend, type Document } from 'openapi-backend';

/**
 * Requests and responses checked against Nimble's OpenAPI document (`../shared/specs/nimble.openapi.yml`)
 * with openapi-backend (Ajv underneath), loaded once per test file.
 *
 * The document is loaded as published, then the errata below are applied: each is a place where the
 * document is wrong, or contradicts its own examples and text, and each is listed in the README.
 * `rawViolations` checks against the unpatched document, so a test can show each erratum is needed.
 *
 * The document does not pass OpenAPI 3.0's own structural validation (`$ref` with sibling keys such
 * as `nullable` and `description`, `nullable` without `type`…), and openapi-backend stops before
 * dereferencing when that validation fails; so it is loaded in `quick` mode, which skips the
 * structural check and dereferences synchronously. Unknown formats (`BSONObjectId`, `ISO-4217`,
 * `field:order`, `date`) are ignored, as OpenAPI allows.
 */

// openapi-backend requires @apidevtools/json-schema-ref-parser at load time, and its v16 is an ES
// module, which jest's CommonJS runtime cannot load. Quick mode never calls it (it dereferences with
// dereference-json-schema), so a stub stands in. (ts-jest hoists this above the imports.)
jest.mock('@apidevtools/json-schema-ref-parser', () => {
  // Quick mode only "parses" the already-parsed document; dereferencing is done elsewhere.
  const same = (doc: unknown) => Promise.resolve(doc);
  return { __esModule: true, default: { dereference: same, resolve: same, parse: same } };
});

const SPEC_PATH = join(__dirname, '../../../../shared/specs/nimble.openapi.yml');

type Schema = Record<string, unknown>;
type Operation = { operationId?: string; parameters?: Schema[]; responses?: Record<string, Schema> } & Schema;
type Spec = { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, Operation>> };

const orNull = (schema: unknown): Schema => ({ anyOf: [schema, { type: 'null' }] });
const operation = (spec: Spec, path: string, method: string): Operation => {
  const op = spec.paths[path]?.[method];
  if (!op) throw new Error(`the spec has no ${method} ${path}`);
  return op;
};
const props = (spec: Spec, name: string): Record<string, unknown> => {
  const schema = spec.components.schemas[name];
  if (!schema?.properties) throw new Error(`the spec has no schema ${name}`);
  return schema.properties as Record<string, unknown>;
};

/** One deal field value, as the create example writes it: `{"<field id or name>": [{"value": "…"}]}`. */
const FIELDS_VALUES_MAP = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' } } } },
};

/** Where the document is wrong; each entry says why. Applied to a fresh copy of the document. */
export const ERRATA: { where: string; why: string; apply: (spec: Spec) => void }[] = [
  {
    where: 'Deals.CreateDealRequest.required',
    why: "lists `owner`, a property the schema does not have; the property is `owner_id` (so every create would fail 'must have required property owner').",
    apply: (spec) => {
      const s = spec.components.schemas['Deals.CreateDealRequest']!;
      s.required = (s.required as string[]).map((r) => (r === 'owner' ? 'owner_id' : r));
    },
  },
  {
    where: 'Deals.EditDealRequest.fields_values',
    why: '`oneOf` two schemas whose properties are all optional (`{field_id, values}` / `{field_name, values}`): any object matches both, so no edit with fields_values can pass `oneOf`. The edit text says the body mirrors the create, whose example is a map keyed by field id or name; that map is what is accepted here.',
    apply: (spec) => {
      props(spec, 'Deals.EditDealRequest').fields_values = FIELDS_VALUES_MAP;
    },
  },
  {
    where: 'Deals.DealView.fields_values, fields_values_with_names',
    why: 'typed as one `{field_id|field_name, values}` object; the deals carry one per field, so a list of them (or the create-style map) is accepted.',
    apply: (spec) => {
      const p = props(spec, 'Deals.DealView');
      p.fields_values = { anyOf: [{ type: 'array', items: structuredClone(p.fields_values) }, FIELDS_VALUES_MAP] };
      p.fields_values_with_names = { type: 'array', items: structuredClone(p.fields_values_with_names) };
    },
  },
  {
    where: 'Contacts.ContactView.is_important',
    why: 'typed `object`; it is a boolean (the update request sends `is_important: true|false`, the guide shows `false`).',
    apply: (spec) => {
      props(spec, 'Contacts.ContactView').is_important = { type: 'boolean' };
    },
  },
  {
    where: 'Contacts.ContactView.tags',
    why: 'typed as strings; the guide shows `[{tag, id}]` objects. Both are accepted.',
    apply: (spec) => {
      props(spec, 'Contacts.ContactView').tags = {
        type: 'array',
        items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { tag: { type: 'string' } } }] },
      };
    },
  },
  {
    where:
      'nullable $refs (ContactView.last_contacted, reminder, notice, company_last_contacted.in/out, privacy.read/edit; DealView.privacy.read/edit, transitions[].from_stage, before_final_stage; Tasks.TaskRelatedObjects.sequence)',
    why: 'marked `nullable` (or described as "can be null") next to a `$ref`, which OpenAPI 3.0 ignores; the guide and the examples answer `null` there.',
    apply: (spec) => {
      const c = props(spec, 'Contacts.ContactView');
      for (const k of ['last_contacted', 'reminder', 'notice']) c[k] = orNull(c[k]);
      const lc = (c.company_last_contacted as Schema).properties as Record<string, unknown>;
      for (const k of ['in', 'out']) lc[k] = orNull(lc[k]);
      for (const name of ['Contacts.ContactPrivacy', 'Deals.DealPrivacy']) {
        const p = props(spec, name);
        for (const k of ['read', 'edit']) p[k] = orNull(p[k]);
      }
      const t = props(spec, 'Deals.DealStageTransition');
      t.from_stage = orNull(t.from_stage);
      const pt = props(spec, 'Deals.DealPipelineTransitions');
      pt.before_final_stage = orNull(pt.before_final_stage);
      const r = props(spec, 'Tasks.TaskRelatedObjects');
      r.sequence = orNull(r.sequence);
    },
  },
  {
    where: 'Pipeline.DealStage.default_probability',
    why: 'typed integer; a stage may have none (the deal text: probability is required "if none Stage.default_probability set"), and then it is null.',
    apply: (spec) => {
      const p = props(spec, 'Pipeline.DealStage');
      p.default_probability = { type: 'integer', nullable: true };
    },
  },
  {
    where: 'Deals.DealPipelineFieldsTab.members',
    why: 'one field-or-group object; a tab has several members (contact tabs list them), so a list of them is accepted too.',
    apply: (spec) => {
      // The member itself is a `oneOf` field | group whose properties are all optional: a member
      // matches both, so it is read as `anyOf`.
      const member = spec.components.schemas['Deals.DealPipelineFieldsTabMember']!;
      member.anyOf = member.oneOf;
      delete member.oneOf;
      delete member.discriminator;
      const p = props(spec, 'Deals.DealPipelineFieldsTab');
      p.members = { anyOf: [p.members, { type: 'array', items: structuredClone(p.members) }] };
    },
  },
  {
    where: 'put-contact query `replace`',
    why: 'the document names the extend/replace flag `type`; Nimble\'s legacy docs (`docs/contacts/basic/update.rst`) and GearPlug\'s client name it `replace` (`?replace=1`), and nimble.md §7.4 C6 sends both, so `replace` ("0"|"1") is accepted beside `type`.',
    apply: (spec) => {
      const op = operation(spec, '/api/v1/contact/{contact_id}', 'put');
      op.parameters = [
        ...(op.parameters ?? []),
        { in: 'query', name: 'replace', schema: { type: 'string', enum: ['0', '1'] } },
      ];
    },
  },
  {
    where: 'put-contact-tags 200',
    why: 'answers `Contacts.ContactView` by the document; Nimble\'s legacy docs (`docs/contacts/tags/update.rst`) say "Response to this request is empty JSON body ({})", and nimble.md §1b accepts both.',
    apply: (spec) => {
      const ok = operation(spec, '/api/v1/contacts/{contact_id}/tags', 'put').responses!['200']!;
      const content = (ok.content as Record<string, { schema: unknown }>)['application/json']!;
      content.schema = { anyOf: [content.schema, { type: 'object', maxProperties: 0 }] };
    },
  },
  {
    where: 'POST /api/v1/activities/task (missing)',
    why: "the document has only `POST /api/v1/tasks`; the task path of Nimble's legacy docs (`docs/activities/tasks/create.rst`), Pipedream and GearPlug is added with its documented body (`subject` 2–128 characters, `notes`, `related_to` contact ids, `due_date`), the fallback nimble.md §9.1 recommends.",
    apply: (spec) => {
      spec.paths['/api/v1/activities/task'] = {
        post: {
          operationId: 'post-legacy-task',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['subject'],
                  properties: {
                    subject: { type: 'string', minLength: 2, maxLength: 128 },
                    notes: { type: 'string' },
                    related_to: { type: 'array', items: { type: 'string' } },
                    due_date: { type: 'string' },
                  },
                },
              },
            },
          },
          responses: {
            // "dictionary with JSON serialised task body": the shorter of its two examples holds only these.
            '200': {
              description: 'the task',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['id', 'subject'],
                    properties: {
                      id: { type: 'string' },
                      subject: { type: 'string' },
                      notes: { type: 'string' },
                      due_date: { type: 'string' },
                      related_to: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      };
    },
  },
];

const readSpec = (): Spec => load(readFileSync(SPEC_PATH, 'utf8')) as Spec;

const backend = (spec: Spec): OpenAPIBackend => {
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
const patchedApi = () => {
  if (!patched) {
    const spec = readSpec();
    for (const e of ERRATA) e.apply(spec);
    patched = backend(spec);
  }
  return patched;
};
const rawApi = () => (raw ??= backend(readSpec()));

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
