import { loadSpec, specDocument, type SpecDocument, type SpecException } from '../openapi';

/**
 * Where nimble.openapi.yml is wrong, following nimble.md (the evidence), each with its reason: the
 * ONE list both the simulator (request validation) and the integration's contract tests
 * (integrations/nimble/test/contract.ts: requests and answers) apply to the parsed document. Answer
 * errata change only response schemas, which the simulator does not validate.
 */
type Json = Record<string, unknown>;
const schema = (doc: SpecDocument, name: string) => {
  const s = doc.components.schemas[name];
  if (!s) throw new Error(`nimble.openapi.yml has no schema ${name}`);
  return s as Json & { properties: Record<string, unknown>; required?: string[] };
};
const props = (doc: SpecDocument, name: string) => schema(doc, name).properties;
const operation = (doc: SpecDocument, path: string, method: string) => {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`nimble.openapi.yml has no ${method} ${path}`);
  return op as Json & {
    parameters?: Json[];
    requestBody?: { content: Record<string, { schema: Json }> };
    responses?: Record<string, Json & { content?: Record<string, { schema: unknown }> }>;
  };
};
const queryParameter = (doc: SpecDocument, path: string, method: string, name: string) => {
  const p = operation(doc, path, method).parameters?.find((x) => x.name === name && x.in === 'query');
  if (!p) throw new Error(`nimble.openapi.yml: ${method} ${path} has no query parameter ${name}`);
  return p as Json & { schema: Json };
};
const orNull = (s: unknown): Json => ({ anyOf: [s, { type: 'null' }] });

/** A deal's field values as the create example writes them: `{"<field id or name>": [{"value": "…"}]}`. */
const FIELDS_VALUES_MAP = {
  type: 'object',
  additionalProperties: {
    type: 'array',
    items: { type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
  },
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
        props(doc, name).fields_values = structuredClone(FIELDS_VALUES_MAP);
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
    where: 'PUT /api/v1/contacts/{contact_id}/tags answer 200',
    why: 'answers `Contacts.ContactView` by the document; Nimble\'s legacy docs (`docs/contacts/tags/update.rst`) say "Response to this request is empty JSON body ({})", and nimble.md §1b accepts both.',
    apply: (doc) => {
      const ok = operation(doc, '/api/v1/contacts/{contact_id}/tags', 'put').responses!['200']!;
      const content = ok.content!['application/json']!;
      content.schema = { anyOf: [content.schema, { type: 'object', maxProperties: 0 }] };
    },
  },
  {
    where: 'Deals.DealView.fields_values, fields_values_with_names (answers)',
    why: 'typed as one `{field_id|field_name, values}` object; the deals carry one per field, so a list of them (or the create-style map) is accepted.',
    apply: (doc) => {
      const p = props(doc, 'Deals.DealView');
      p.fields_values = {
        anyOf: [{ type: 'array', items: structuredClone(p.fields_values) }, structuredClone(FIELDS_VALUES_MAP)],
      };
      p.fields_values_with_names = { type: 'array', items: structuredClone(p.fields_values_with_names) };
    },
  },
  {
    where: 'Contacts.ContactView.is_important (answers)',
    why: 'typed `object`; it is a boolean (the update request sends `is_important: true|false`, the guide shows `false`).',
    apply: (doc) => {
      props(doc, 'Contacts.ContactView').is_important = { type: 'boolean' };
    },
  },
  {
    where: 'Contacts.ContactView.tags (answers)',
    why: 'typed as strings; the guide shows `[{tag, id}]` objects. Both are accepted.',
    apply: (doc) => {
      props(doc, 'Contacts.ContactView').tags = {
        type: 'array',
        items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { tag: { type: 'string' } } }] },
      };
    },
  },
  {
    where:
      'nullable $refs in answers (ContactView.last_contacted, reminder, notice, company_last_contacted.in/out, privacy.read/edit; DealView.privacy.read/edit, transitions[].from_stage, before_final_stage; Tasks.TaskRelatedObjects.sequence)',
    why: 'marked `nullable` (or described as "can be null") next to a `$ref`, which OpenAPI 3.0 ignores; the guide and the examples answer `null` there. (The views get their own copy of the privacy schema: the request bodies that share it are left as published.)',
    apply: (doc) => {
      const c = props(doc, 'Contacts.ContactView');
      for (const k of ['last_contacted', 'reminder', 'notice']) c[k] = orNull(c[k]);
      const lc = (c.company_last_contacted as { properties: Json }).properties;
      for (const k of ['in', 'out']) lc[k] = orNull(lc[k]);
      for (const [view, privacy] of [
        ['Contacts.ContactView', 'Contacts.ContactPrivacy'],
        ['Deals.DealView', 'Deals.DealPrivacy'],
      ] as const) {
        const copy = structuredClone(schema(doc, privacy));
        for (const k of ['read', 'edit']) copy.properties[k] = orNull(copy.properties[k]);
        props(doc, view).privacy = copy;
      }
      const t = props(doc, 'Deals.DealStageTransition');
      t.from_stage = orNull(t.from_stage);
      const pt = props(doc, 'Deals.DealPipelineTransitions');
      pt.before_final_stage = orNull(pt.before_final_stage);
      const r = props(doc, 'Tasks.TaskRelatedObjects');
      r.sequence = orNull(r.sequence);
    },
  },
  {
    where: 'Pipeline.DealStage.default_probability (answers)',
    why: 'typed integer; a stage may have none (the deal text: probability is required "if none Stage.default_probability set"), and then it is null.',
    apply: (doc) => {
      props(doc, 'Pipeline.DealStage').default_probability = { type: 'integer', nullable: true };
    },
  },
  {
    where: 'Deals.DealPipelineFieldsTab.members (answers)',
    why: 'one field-or-group object; a tab has several members (contact tabs list them), so a list of them is accepted too.',
    apply: (doc) => {
      // The member itself is a `oneOf` field | group whose properties are all optional: a member
      // matches both, so it is read as `anyOf`.
      const member = schema(doc, 'Deals.DealPipelineFieldsTabMember');
      member.anyOf = member.oneOf;
      delete member.oneOf;
      delete member.discriminator;
      const p = props(doc, 'Deals.DealPipelineFieldsTab');
      p.members = { anyOf: [p.members, { type: 'array', items: structuredClone(p.members) }] };
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

/** nimble.openapi.yml with the exceptions, once per process (the simulator's request contract). */
export const nimbleSpec = () => loadSpec('nimble.openapi.yml', NIMBLE_SPEC_EXCEPTIONS);

/** A fresh copy of nimble.openapi.yml with the exceptions (the contract tests'); `[]`: as published. */
export const nimbleDocument = (exceptions: SpecException[] = NIMBLE_SPEC_EXCEPTIONS): SpecDocument =>
  specDocument('nimble.openapi.yml', exceptions);
