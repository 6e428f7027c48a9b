import { loadSpec, type SpecDocument, type SpecException } from '../openapi';

/**
 * Where the simulator departs from nimble.openapi.yml, following nimble.md (the evidence), each with
 * its reason. Applied to the parsed document before openapi-backend loads it.
 */
type Json = Record<string, unknown>;
const schema = (doc: SpecDocument, name: string) => {
  const s = doc.components.schemas[name];
  if (!s) throw new Error(`nimble.openapi.yml has no schema ${name}`);
  return s as Json & { properties: Record<string, unknown>; required?: string[] };
};
const operation = (doc: SpecDocument, path: string, method: string) => {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`nimble.openapi.yml has no ${method} ${path}`);
  return op as Json & { parameters?: Json[]; requestBody?: { content: Record<string, { schema: Json }> } };
};
const queryParameter = (doc: SpecDocument, path: string, method: string, name: string) => {
  const p = operation(doc, path, method).parameters?.find((x) => x.name === name && x.in === 'query');
  if (!p) throw new Error(`nimble.openapi.yml: ${method} ${path} has no query parameter ${name}`);
  return p as Json & { schema: Json };
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The request bodies of the operations the simulator serves (named schemas or inline ones). */
const SERVED_BODIES: [string, string][] = [
  ['/api/v1/contact', 'post'],
  ['/api/v1/contact/{contact_id}', 'put'],
  ['/api/v1/contacts/notes', 'post'],
  ['/api/v1/tasks', 'post'],
  ['/api/v2/deals', 'post'],
  ['/api/v2/deals/{deal_id}', 'put'],
  ['/api/v2/deals/{deal_id}/notes', 'post'],
  ['/api/v1/contacts/{contact_id}/tags', 'put'],
];

export const NIMBLE_SPEC_EXCEPTIONS: SpecException[] = [
  {
    where: 'GET /api/v1/contacts `sort`, `query`',
    why: 'typed as arrays of strings; nimble.md §7.4 (C1, and the legacy docs it quotes) sends one value each: `sort=created:desc`, `query=<JSON>`.',
    apply: (doc) => {
      for (const name of ['sort', 'query'])
        queryParameter(doc, '/api/v1/contacts', 'get', name).schema = { type: 'string' };
    },
  },
  {
    where: 'GET /api/v1/contacts `page`, `per_page`',
    why: 'no bounds; nimble.md §4 and §7.4 (C1): pages are 1-based and `per_page` is ≤ 100 whenever `sort` is sent (legacy docs; "use ≤ 100 everywhere").',
    apply: (doc) => {
      queryParameter(doc, '/api/v1/contacts', 'get', 'page').schema = { type: 'integer', minimum: 1, default: 1 };
      queryParameter(doc, '/api/v1/contacts', 'get', 'per_page').schema = {
        type: 'integer',
        minimum: 1,
        maximum: 100,
        default: 30,
      };
    },
  },
  {
    where: 'PUT /api/v1/contact/{contact_id} query `replace`',
    why: 'the document names the extend/replace flag `type`; Nimble\'s legacy docs (`docs/contacts/basic/update.rst`) and GearPlug\'s client name it `replace` (`?replace=1`), and nimble.md §7.4 C6 sends both, so `replace` ("0"|"1") is accepted beside `type`.',
    apply: (doc) => {
      const op = operation(doc, '/api/v1/contact/{contact_id}', 'put');
      op.parameters = [
        ...(op.parameters ?? []),
        { in: 'query', name: 'replace', schema: { type: 'string', enum: ['0', '1'] } },
      ];
    },
  },
  {
    where: 'Deals.CreateDealRequest.required',
    why: "lists `owner`, a property the schema does not have; the property is `owner_id` (so every create would fail 'must have required property owner').",
    apply: (doc) => {
      const s = schema(doc, 'Deals.CreateDealRequest');
      s.required = (s.required ?? []).map((r) => (r === 'owner' ? 'owner_id' : r));
    },
  },
  {
    where: 'Deals.CreateDealRequest / EditDealRequest `fields_values`',
    why: '`oneOf` two schemas whose properties are all optional (`{field_id, values}` / `{field_name, values}`), so no body can pass it; the create example (nimble.md §12.1) is a map keyed by field id or name, each a list of `{"value": "<string>"}`.',
    apply: (doc) => {
      for (const name of ['Deals.CreateDealRequest', 'Deals.EditDealRequest']) {
        schema(doc, name).properties.fields_values = {
          type: 'object',
          additionalProperties: {
            type: 'array',
            items: { type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
          },
        };
      }
    },
  },
  {
    where: 'POST /api/v1/activities/task (missing)',
    why: 'the document has only `POST /api/v1/tasks`; the task path of Nimble\'s legacy docs (`docs/activities/tasks/create.rst`), Pipedream and GearPlug is added with its documented body (`subject` 2–128 characters, `notes`, `related_to` contact ids, `due_date` "YYYY-MM-DDTHH:MM:SS" — an offset after it accepted, as nimble.md §9.1 sends one), the fallback nimble.md §9.1 recommends.',
    apply: (doc) => {
      doc.paths['/api/v1/activities/task'] = {
        post: {
          operationId: 'post-legacy-task',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['subject'],
                  properties: {
                    subject: { type: 'string', minLength: 2, maxLength: 128 },
                    notes: { type: 'string' },
                    related_to: { type: 'array', items: { type: 'string' } },
                    due_date: {
                      type: 'string',
                      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:?\\d{2})?$',
                    },
                  },
                },
              },
            },
          },
          responses: { '200': { description: 'the task' } },
        },
      };
    },
  },
  {
    // After the legacy task path, so that it takes the token too.
    where: 'every operation: query `access_token`',
    why: 'the document declares only an `X-Nimble-Token` header; nimble.md §3.6: the OAuth token goes in `Authorization: Bearer …` or, on any method, in the `access_token` query parameter ("both forms work the same").',
    apply: (doc) => {
      for (const methods of Object.values(doc.paths)) {
        for (const method of HTTP_METHODS.filter((m) => methods[m])) {
          const op = methods[method] as { parameters?: Json[] };
          op.parameters = [...(op.parameters ?? []), { in: 'query', name: 'access_token', schema: { type: 'string' } }];
        }
      }
    },
  },
  {
    // Last: it closes the bodies above too.
    where: 'request bodies of the operations served: unknown keys',
    why: 'the schemas leave `additionalProperties` open, but they list every accepted key and the text refuses others (post-task: "`related_to` is a legacy response field and is not accepted by this endpoint"); a key a body schema does not list is refused.',
    apply: (doc) => {
      const bodies = [...SERVED_BODIES, ['/api/v1/activities/task', 'post'] as [string, string]].map(
        ([path, method]) => operation(doc, path, method).requestBody!.content['application/json']!.schema,
      );
      for (const body of bodies) {
        const ref = typeof body.$ref === 'string' ? body.$ref.split('/').pop()! : undefined;
        const target = ref ? schema(doc, ref) : body;
        target.additionalProperties ??= false;
      }
    },
  },
];

/** nimble.openapi.yml with the exceptions, once per process. */
export const nimbleSpec = () => loadSpec('nimble.openapi.yml', NIMBLE_SPEC_EXCEPTIONS);
