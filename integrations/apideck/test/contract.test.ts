import { ACTIVITY, COMPANY, CONTACT, LEAD, NOTE, OPPORTUNITY } from '../src/samples';
import { checkedCount, requestProblems, responseProblems } from './contract';
import contact from './fixtures/contact.json';
import { errorBody, idBody, listBody } from './helpers';

const HEADERS = { authorization: 'Bearer k', 'x-apideck-app-id': 'a', 'x-apideck-consumer-id': 'c' };
const req = (method: string, path: string, body?: unknown) =>
  requestProblems({ method, path, headers: { ...HEADERS, 'content-type': 'application/json' }, body });
const one = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'pipedrive',
  resource,
  operation: 'one',
  data,
});

describe('response fixtures conform to the OpenAPI document', () => {
  it.each([
    ['contacts', CONTACT],
    ['contacts', contact],
    ['companies', COMPANY],
    ['opportunities', OPPORTUNITY],
    ['leads', LEAD],
    ['notes', NOTE],
    ['activities', ACTIVITY],
  ])('%s: list, one, create and update answers', async (resource, record) => {
    expect(await responseProblems('get', `/crm/${resource}`, 200, listBody(resource, [record], 'bmV4dA=='))).toEqual(
      [],
    );
    expect(await responseProblems('get', `/crm/${resource}/1`, 200, one(resource, record))).toEqual([]);
    expect(await responseProblems('post', `/crm/${resource}`, 201, idBody(resource, '1'))).toEqual([]);
    expect(await responseProblems('patch', `/crm/${resource}/1`, 200, idBody(resource, '1', 'update'))).toEqual([]);
  });

  it.each([400, 401, 402, 404, 422])('the %s error body', async (status) => {
    expect(
      await responseProblems(
        'get',
        '/crm/contacts',
        status,
        errorBody(status, 'RequestValidationError', 'Invalid Params'),
      ),
    ).toEqual([]);
  });

  it('catches a fixture the document forbids', async () => {
    const problems = await responseProblems(
      'get',
      '/crm/contacts/1',
      200,
      one('contacts', { ...CONTACT, gender: 'x' }),
    );
    expect(problems.join('\n')).toMatch(/gender must be equal to one of the allowed values/);
  });
});

describe('requests: what the helper catches', () => {
  it('accepts the documented filters, sorts and paging', async () => {
    expect(
      await req(
        'GET',
        '/crm/leads?filter%5Bemail%5D=a%40b.co&sort%5Bby%5D=created_at&sort%5Bdirection%5D=desc&limit=100',
      ),
    ).toEqual([]);
  });

  it.each([
    ['/crm/leads?filter%5Bcompany_name%5D=X', /filter must NOT have additional properties.*company_name/],
    ['/crm/opportunities?filter%5Bcreated_since%5D=2024-01-01T00%3A00%3A00Z', /additionalProperty.*created_since/],
    ['/crm/companies?sort%5Bby%5D=industry', /sort\/by must be equal to one of the allowed values/],
    ['/crm/contacts?limit=500', /limit must be <= 200/],
    ['/crm/contacts?page=2', /query page: not a parameter of contactsAll/],
  ])('rejects GET %s', async (path, message) => {
    expect((await req('GET', path)).join('\n')).toMatch(message);
  });

  it('rejects a read-only or unknown property, a wrong enum, and a missing required key on create', async () => {
    expect((await req('POST', '/crm/contacts', { id: 'x', name: 'A' })).join('\n')).toMatch(/readOnly|id/);
    expect((await req('POST', '/crm/contacts', { name: 'A', nickname: 'a' })).join('\n')).toMatch(
      /must NOT have additional properties.*nickname/,
    );
    expect((await req('POST', '/crm/activities', { type: 'lunch' })).join('\n')).toMatch(/allowed values/);
    expect((await req('POST', '/crm/leads', { first_name: 'A' })).join('\n')).toMatch(/required property 'name'/);
  });

  it('the document disagrees with itself on PATCH: the create schema, `required` included, for partial updates', async () => {
    // leadsUpdate / companiesUpdate / opportunitiesUpdate reuse Lead / Company / Opportunity with
    // required name / name / title; an update that changes one field sends only that field.
    expect(await req('PATCH', '/crm/leads/1', { status: 'Qualified' })).toEqual([]);
    expect(await req('PATCH', '/crm/opportunities/1', { pipeline_stage_id: 'won' })).toEqual([]);
    // Everything else still counts.
    expect((await req('PATCH', '/crm/opportunities/1', { monetary_amount: 'lots' })).join('\n')).toMatch(
      /must be number/,
    );
  });

  it("knows only the documented paths: there is no POST to a list's members", async () => {
    expect(await req('POST', '/crm/lists/1/members', { id: '1' })).toEqual([
      'POST /crm/lists/1/members: no such operation in the document',
    ]);
    expect(await req('GET', '/crm/lists/1/members?limit=10')).toEqual([]);
  });

  it('is not wired to nock here (the recorder counts only api() scopes)', () => {
    expect(checkedCount.requests).toBe(0);
  });
});
