import { CONTACT, CONTACT_FIELDS, DEAL, DEAL_NOTE, LEGACY_TASK, MYSELF, NOTE, PIPELINE, TASK } from '../src/samples';
import { NIMBLE_SPEC_EXCEPTIONS } from '../../../packages/sandbox/src/simulators/nimble/spec';
import { operationOf, rawResponseViolations, rawViolations, responseViolations, violations } from './contract';

/**
 * The fixtures every sample and nock answer is built from, and the errata the contract check (and the
 * simulator) applies to Nimble's OpenAPI document. (Every request and success answer in the other nock tests is checked
 * by `helpers.api()`; see `contract.ts`.)
 */
const meta = { page: 1, pages: 1, per_page: 50, total: 1 };

describe("response fixtures against Nimble's OpenAPI document", () => {
  it.each([
    ['get-myself', 200, MYSELF],
    ['list-contacts', 200, { meta, resources: [CONTACT] }],
    ['get-contact', 200, { resources: [CONTACT] }],
    ['post-contact', 200, CONTACT],
    ['put-contact', 200, CONTACT],
    ['put-contact-tags', 200, CONTACT],
    ['post-contact-note', 201, NOTE],
    ['post-task', 201, TASK],
    ['post-legacy-task', 200, LEGACY_TASK],
    ['post-legacy-task', 200, TASK],
    ['list-deals-pipelines', 200, { pipelines: [PIPELINE] }],
    ['get-deals-pipeline', 200, PIPELINE],
    ['list-user-deals', 200, { meta, resources: [DEAL] }],
    ['create-new-deal', 200, DEAL],
    ['get-deal', 200, DEAL],
    ['put-deal', 200, DEAL],
    ['create-deal-note', 201, DEAL_NOTE],
    ['list-company-contacts-fields', 200, CONTACT_FIELDS],
  ])('%s %i', (operationId, status, body) => {
    expect(responseViolations(operationId, status, body)).toEqual([]);
  });

  it('catches a fixture of the wrong shape', () => {
    expect(responseViolations('get-deal', 200, { ...DEAL, deal_number: 'forty-two' })).toEqual([
      'get-deal 200: /deal_number must be integer',
    ]);
  });
});

describe('requests against the document', () => {
  it('knows the operations the integration calls', () => {
    expect(
      [
        { method: 'GET', path: '/api/v1/contacts?query=%7B%7D&per_page=10' },
        { method: 'PUT', path: `/api/v1/contacts/${CONTACT.id}/tags`, body: { tags: ['a'] } },
        { method: 'PUT', path: `/api/v2/deals/${DEAL.deal_id}`, body: { stage_id: 's' } },
        { method: 'POST', path: `/api/v2/deals/${DEAL.deal_id}/notes`, body: { title: 't' } },
      ].map(operationOf),
    ).toEqual(['list-contacts', 'put-contact-tags', 'put-deal', 'create-deal-note']);
  });

  it.each([
    [
      { method: 'GET', path: '/api/v2/deals?limit=50' },
      "list-user-deals: request /query must have required property 'sort'",
    ],
    [
      { method: 'PUT', path: '/api/v1/contacts/x/tags', body: { tags: 'a,b' } },
      'put-contact-tags: request /requestBody/tags must be array',
    ],
    [
      { method: 'POST', path: '/api/v2/deals/x/notes', body: { title: '' } },
      'create-deal-note: request /requestBody/title must NOT have fewer than 1 characters',
    ],
    [
      { method: 'POST', path: '/api/v1/tasks', body: { notes: 'x' } },
      "post-task: request /requestBody must have required property 'subject'",
    ],
    [{ method: 'GET', path: '/api/v9/nothing' }, 'GET /api/v9/nothing is not an operation of the spec'],
  ])('rejects %j', (request, problem) => {
    expect(violations(request)).toContain(problem);
  });
});

describe('errata: where the published document is wrong', () => {
  it('lists a reason for each', () => {
    for (const e of NIMBLE_SPEC_EXCEPTIONS) expect(e.why.length).toBeGreaterThan(40);
  });

  it('requires `owner` on a deal create, a property it does not define (owner_id is meant)', () => {
    const create = {
      method: 'POST',
      path: '/api/v2/deals',
      body: { owner_id: MYSELF.user_id, pipeline_id: 'p', stage_id: 's', fields_values: { name: [{ value: 'X' }] } },
    };
    expect(rawViolations(create)).toContain(
      "create-new-deal: request /requestBody must have required property 'owner'",
    );
    expect(violations(create)).toEqual([]);
    expect(violations({ ...create, body: { ...create.body, owner_id: undefined } })).toContain(
      "create-new-deal: request /requestBody must have required property 'owner_id'",
    );
  });

  it('accepts no deal edit with fields_values (its oneOf matches both branches)', () => {
    for (const fields_values of [
      { 'f-amount': [{ value: '1' }] },
      { field_id: 'f-amount', values: [{ value: '1' }] },
    ]) {
      const edit = { method: 'PUT', path: '/api/v2/deals/d', body: { fields_values } };
      expect(rawViolations(edit).join()).toMatch(/fields_values must match exactly one schema in oneOf/);
    }
    expect(
      violations({ method: 'PUT', path: '/api/v2/deals/d', body: { fields_values: { 'f-amount': [{ value: '1' }] } } }),
    ).toEqual([]);
  });

  it('nimble.md §7.4 C6: knows only `type`, not the legacy `replace` flag that is sent beside it', () => {
    const update = { method: 'PUT', path: `/api/v1/contact/${CONTACT.id}?type=1&replace=1`, body: { fields: {} } };
    expect(rawViolations(update)).toEqual(['put-contact: request /query must NOT have additional properties']);
    expect(violations(update)).toEqual([]);
    expect(violations({ ...update, path: `/api/v1/contact/${CONTACT.id}?type=1&replace=yes` }).join()).toMatch(
      /replace must be equal to one of the allowed values/,
    );
  });

  it("nimble.md §1b: answers the contact from the tags endpoint, never the legacy docs' {}", () => {
    expect(rawResponseViolations('put-contact-tags', 200, {})).toContain(
      "put-contact-tags 200: / must have required property 'id'",
    );
    expect(responseViolations('put-contact-tags', 200, {})).toEqual([]);
    expect(responseViolations('put-contact-tags', 200, CONTACT)).toEqual([]);
  });

  it('nimble.md §9.1: lacks the legacy task path every independent client uses', () => {
    const legacy = {
      method: 'POST',
      path: '/api/v1/activities/task',
      body: { subject: 'Call back', related_to: [CONTACT.id], due_date: '2024-05-03T09:00:00+02:00' },
    };
    expect(rawViolations(legacy)).toEqual(['POST /api/v1/activities/task is not an operation of the spec']);
    expect(violations(legacy)).toEqual([]);
    expect(violations({ ...legacy, body: { subject: 'x' } })).toContain(
      'post-legacy-task: request /requestBody/subject must NOT have fewer than 2 characters',
    );
    expect(violations({ ...legacy, body: { subject: 'Call', related: { contacts: [] } } })).toContain(
      'post-legacy-task: request /requestBody must NOT have additional properties',
    );
  });

  it('rejects its own documented answers: nulls next to $ref, is_important, tag objects, fields_values lists', () => {
    expect(rawResponseViolations('get-deal', 200, DEAL)).toEqual(
      expect.arrayContaining([
        'get-deal 200: /fields_values must be object',
        'get-deal 200: /stage_transitions/transitions/0/from_stage must be object',
      ]),
    );
    expect(rawResponseViolations('post-contact', 200, CONTACT)).toEqual(
      expect.arrayContaining([
        'post-contact 200: /is_important must be object',
        'post-contact 200: /tags/0 must be string',
        'post-contact 200: /last_contacted must be object',
      ]),
    );
    expect(rawResponseViolations('post-task', 201, TASK)).toEqual(['post-task 201: /related/sequence must be object']);
  });
});
