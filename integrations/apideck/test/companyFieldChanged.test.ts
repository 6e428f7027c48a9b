import { createHash } from 'node:crypto';
import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import companyFieldChanged from '../triggers/companyFieldChanged';
import { COMPANY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run, usersAnswer } from './helpers';

useNock();

const now = Date.parse('2024-06-10T12:00:00.000Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
afterEach(() => jest.restoreAllMocks());

/** The id of a company seen with a value of a field: company id, field, 16 hex of the value's SHA-256. */
const changeId = (companyId: string, field: string, value: string) =>
  `${companyId}:${field}:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;

const QUERY = {
  'filter[updated_since]': '2024-06-03T12:00:00.000Z',
  'sort[by]': 'updated_at',
  'sort[direction]': 'desc',
  limit: '100',
};
const page = (companies: unknown[]) =>
  api().get('/crm/companies').query(QUERY).reply(200, listBody('companies', companies));
const unowned = (fields: Record<string, unknown>) => ({ ...COMPANY, owner_id: null, ...fields });

describe('company_field_changed', () => {
  it('asks for the updates of the last 7 days, newest first; the whole flat company with the change', async () => {
    page([COMPANY]);
    // One more request for the whole poll: the user list names the owners.
    usersAnswer();
    const out = await run.trigger(companyFieldChanged, {}, { extra: { field: 'industry' } });
    expect(out).toEqual([companyFieldChanged.operation.sample]);
    expect(out).toEqual([
      {
        id: changeId('23456', 'industry', 'Aerospace'),
        company_id: '23456',
        changed_field: 'Industry',
        new_value: 'Aerospace',
        name: 'Northwind Aerospace',
        owner_id: '54321',
        owner_name: 'Jordan Rivera',
        industry: 'Aerospace',
        description: 'Maker of avionics and flight-telemetry systems for regional airlines.',
        vat_number: null,
        currency: 'USD',
        status: 'Active',
        annual_revenue: '$25M-$50M',
        number_of_employees: '201-500',
        ownership: 'Private',
        parent_id: null,
        email: 'info@northwindaero.com',
        emails: ['info@northwindaero.com'],
        phone_number: '+1 206-555-0100',
        phone_numbers: ['+1 206-555-0100'],
        address: '2200 Alaskan Way, Suite 400, 98121 Seattle, WA, US',
        address_line1: '2200 Alaskan Way',
        address_line2: 'Suite 400',
        address_city: 'Seattle',
        address_state: 'WA',
        address_postal_code: '98121',
        address_country: 'US',
        addresses: ['2200 Alaskan Way, Suite 400, 98121 Seattle, WA, US'],
        website: 'https://www.northwindaero.com',
        websites: ['https://www.northwindaero.com'],
        social_links: ['https://www.linkedin.com/company/northwind-aerospace'],
        tags: ['Customer'],
        last_activity_at: '2024-06-05T17:30:00.000Z',
        created_at: '2024-05-14T16:30:51.000Z',
        updated_at: '2024-06-05T17:42:10.000Z',
      },
    ]);
  });

  it('a new value of the field gives a new id; an edit of another field gives the same id (so it does not trigger again)', async () => {
    const ids: unknown[] = [];
    for (const company of [
      unowned({ status: 'Active', updated_at: '2024-06-05T00:00:00.000Z' }),
      unowned({ status: 'Active', industry: 'Defense', updated_at: '2024-06-06T00:00:00.000Z' }),
      unowned({ status: 'Churned', updated_at: '2024-06-07T00:00:00.000Z' }),
    ]) {
      page([company]);
      ids.push(...(await run.trigger(companyFieldChanged, {}, { extra: { field: 'status' } })).map((c) => c.id));
    }
    expect(ids).toEqual([
      changeId('23456', 'status', 'Active'),
      changeId('23456', 'status', 'Active'),
      changeId('23456', 'status', 'Churned'),
    ]);
    // Another field with the same value, or another company, is another id.
    expect(new Set([...ids, changeId('23456', 'industry', 'Active'), changeId('1', 'status', 'Active')]).size).toBe(4);
  });

  it('New Value keeps only companies with it (any case); an empty field never triggers; tags are compared as a set', async () => {
    page([
      unowned({ id: '1', tags: ['VIP', 'Customer'], updated_at: '2024-06-08T00:00:00.000Z' }),
      unowned({ id: '2', tags: [], updated_at: '2024-06-07T00:00:00.000Z' }),
      unowned({ id: '3', tags: ['Prospect'], updated_at: '2024-06-06T00:00:00.000Z' }),
      unowned({ id: '4', tags: ['customer', 'vip'], updated_at: '2024-06-05T00:00:00.000Z' }),
    ]);
    const out = await run.trigger(companyFieldChanged, {}, { extra: { field: 'tags', value: 'vip,Customer' } });
    expect(out.map((c) => [c.id, c.company_id, c.changed_field, c.new_value])).toEqual([
      [changeId('1', 'tags', 'Customer, VIP'), '1', 'Tags', 'Customer, VIP'],
      [changeId('4', 'tags', 'customer, vip'), '4', 'Tags', 'customer, vip'],
    ]);
    // The same tags in another order are the same value: no new event.
    page([unowned({ id: '1', tags: ['Customer', 'VIP'], updated_at: '2024-06-09T00:00:00.000Z' })]);
    const again = await run.trigger(companyFieldChanged, {}, { extra: { field: 'tags' } });
    expect(again.map((c) => c.id)).toEqual([changeId('1', 'tags', 'Customer, VIP')]);
  });

  it("the owner is watched by its id, and the primary email by the company's primary one", async () => {
    page([
      unowned({
        id: '1',
        emails: [
          { email: 'sales@northwindaero.com', type: 'work' },
          { email: 'hello@northwindaero.com', type: 'primary' },
        ],
      }),
    ]);
    const out = await run.trigger(companyFieldChanged, {}, { extra: { field: 'email' } });
    expect(out.map((c) => [c.id, c.new_value])).toEqual([
      [changeId('1', 'email', 'hello@northwindaero.com'), 'hello@northwindaero.com'],
    ]);
  });

  it('a connector that refuses the filter gets one plain listing, sorted by update here', async () => {
    api()
      .get('/crm/companies')
      .query(QUERY)
      .reply(400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'updated_since is not supported'));
    api()
      .get('/crm/companies')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('companies', [
          unowned({ id: 'a', updated_at: '2024-05-01T00:00:00.000Z' }),
          unowned({ id: 'b', updated_at: '2024-06-08T00:00:00.000Z' }),
        ]),
      );
    const out = await run.trigger(companyFieldChanged, {}, { extra: { field: 'industry' } });
    expect(out.map((c) => c.company_id)).toEqual(['b', 'a']);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/companies')
      .query(QUERY)
      .reply(403, errorBody(403, 'ForbiddenError', 'Forbidden', 'Companies are disabled for this consumer'));
    const err = await failureOf(run.trigger(companyFieldChanged, {}, { extra: { field: 'industry' } }));
    expect(err.message).toMatch(/^Apideck refused access: Forbidden — Companies are disabled for this consumer\./);
  });

  it('a company without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/companies')
      .query(QUERY)
      .reply(200, listBody('companies', [{ name: 'Northwind Aerospace' }]));
    const err = await failureOf(run.trigger(companyFieldChanged, {}, { extra: { field: 'industry' } }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });

  it('no Field, or one the trigger cannot watch, is refused before any request', async () => {
    const none = await failureOf(run.trigger(companyFieldChanged, {}));
    expect(none.message).toMatch(/^Field: must be one of name, owner_id, industry, .* or tags\.$/);
    const other = await failureOf(run.trigger(companyFieldChanged, {}, { extra: { field: 'fax' } }));
    expect(other.message).toMatch(/^Field: must be one of name, owner_id, industry, .* or tags\.$/);
    expectNothingSent();
  });
});

describe('companyFieldChanged in the Zap editor', () => {
  it('says what triggers it, without the app name or connector notes', () => {
    expect(companyFieldChanged.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(companyFieldChanged.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});
