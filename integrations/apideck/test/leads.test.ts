import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { LEAD } from '../src/samples';
import { api, bundle, idBody, listBody, queryOf, run } from './helpers';

useNock();

const one = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'pipedrive',
  resource,
  operation: 'one',
  data,
});

const getWithQuery = (path: string, body: unknown) => {
  const seen: { query?: Record<string, string> } = {};
  api()
    .get(path)
    .query(true)
    .reply(function (uri) {
      seen.query = queryOf(uri);
      return [200, body];
    });
  return seen;
};

describe('find_lead', () => {
  it('sends each filled-in field as a documented LeadsFilter key and flattens the leads', async () => {
    const seen = getWithQuery('/crm/leads', listBody('leads', [LEAD]));
    const result = (await run(
      'searches.find_lead.operation.perform',
      bundle({ email: 'elon@musk.com', first_name: 'Elon', name: '' }),
    )) as Record<string, unknown>[];
    expect(seen.query).toEqual({ 'filter[email]': 'elon@musk.com', 'filter[first_name]': 'Elon', limit: '10' });
    expect(result[0]).toMatchObject({
      id: '67890',
      lead_id: '67890',
      name: 'Elon Musk',
      company_name: 'Spacex',
      email: 'elon@musk.com',
      phone_number: '111-111-1111',
      monetary_amount: 75000,
      address_city: 'San Francisco',
    });
    expect(Object.keys(result[0]!).sort()).toEqual(Object.keys(App.searches!.find_lead!.operation.sample!).sort());
  });

  it('narrows by company name (any case) after the search, since LeadsFilter has no company key', async () => {
    const seen = getWithQuery(
      '/crm/leads',
      listBody('leads', [
        { ...LEAD, id: '1', company_name: 'Tesla' },
        { ...LEAD, id: '2', company_name: 'SpaceX ' },
      ]),
    );
    const result = (await run(
      'searches.find_lead.operation.perform',
      bundle({ last_name: 'Musk', company_name: 'spacex' }),
    )) as { id: string }[];
    expect(seen.query).toEqual({ 'filter[last_name]': 'Musk', limit: '10' });
    expect(result.map((l) => l.id)).toEqual(['2']);
  });

  it('needs a searchable field: a company name alone is rejected before any request', async () => {
    const err = await failureOf(run('searches.find_lead.operation.perform', bundle({ company_name: 'SpaceX' })));
    expect(err.message).toMatch(/Enter at least one of Email, Phone Number, Full Name/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('create_lead', () => {
  it('POSTs the lead with the name built from its parts, company, amount and channels', async () => {
    api()
      .post('/crm/leads', {
        name: 'Ada Lovelace',
        first_name: 'Ada',
        last_name: 'Lovelace',
        company_name: 'Analytical Engines',
        company_id: '23456',
        lead_source: 'Website',
        monetary_amount: 5000,
        currency: 'GBP',
        emails: [{ email: 'ada@example.com', type: 'primary' }],
        phone_numbers: [{ number: '+44 20 7946 0000', type: 'primary' }],
      })
      .reply(201, idBody('leads', '555'));
    const result = (await run(
      'creates.create_lead.operation.perform',
      bundle({
        first_name: 'Ada',
        last_name: 'Lovelace',
        company_name: 'Analytical Engines',
        company_id: '23456',
        lead_source: 'Website',
        monetary_amount: '5000',
        currency: 'gbp',
        email: 'ada@example.com',
        phone_number: '+44 20 7946 0000',
      }),
    )) as Record<string, unknown>;
    expect(result).toMatchObject({ id: '555', lead_id: '555', name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(Object.keys(result).sort()).toEqual(Object.keys(App.creates!.create_lead!.operation.sample!).sort());
  });

  it('rejects a lead with no name or a bad currency before any request', async () => {
    const noName = await failureOf(run('creates.create_lead.operation.perform', bundle({ email: 'a@b.co' })));
    expect(noName.message).toMatch(/Enter a First Name, Last Name or Full Name/);
    const badCurrency = await failureOf(
      run('creates.create_lead.operation.perform', bundle({ name: 'A', currency: 'pounds' })),
    );
    expect(badCurrency.message).toMatch(/Currency \(currency\): must be a three-letter currency code/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('update_lead', () => {
  it('PATCHes only the fields filled in (no name), then reads the lead back (2 requests)', async () => {
    const requests: string[] = [];
    api()
      .patch('/crm/leads/67890', { status: 'Qualified' })
      .reply(function (uri) {
        requests.push(`PATCH ${uri}`);
        return [200, idBody('leads', '67890', 'update')];
      })
      .get('/crm/leads/67890')
      .reply(function (uri) {
        requests.push(`GET ${uri}`);
        return [200, one('leads', { ...LEAD, status: 'Qualified' })];
      });
    const result = (await run(
      'creates.update_lead.operation.perform',
      bundle({ lead_id: '67890', status: 'Qualified', name: '' }),
    )) as Record<string, unknown>;
    expect(requests).toEqual(['PATCH /crm/leads/67890', 'GET /crm/leads/67890']);
    expect(result).toMatchObject({ id: '67890', status: 'Qualified', name: 'Elon Musk', email: 'elon@musk.com' });
  });

  it('rejects an update with nothing to change before any request', async () => {
    const err = await failureOf(run('creates.update_lead.operation.perform', bundle({ lead_id: '1' })));
    expect(err.message).toMatch(/Fill in at least one field to change/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('new_lead and list_leads', () => {
  it('new_lead: one request, sorted by created_at desc (LeadsFilter has no created_since)', async () => {
    const seen = getWithQuery('/crm/leads', listBody('leads', [LEAD]));
    const result = (await run('triggers.new_lead.operation.perform', bundle())) as Record<string, unknown>[];
    expect(seen.query).toEqual({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' });
    expect(result.map((l) => l.id)).toEqual(['67890']);
  });

  it('list_leads: newest first, labelled with name and company', async () => {
    const seen = getWithQuery('/crm/leads', listBody('leads', [LEAD, { id: '9', emails: [{ email: 'x@y.co' }] }]));
    const result = await run('triggers.list_leads.operation.perform', bundle({}, { page: 0 }));
    expect(seen.query).toEqual({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' });
    expect(result).toEqual([
      { id: '67890', name: 'Elon Musk (Spacex)' },
      { id: '9', name: 'x@y.co' },
    ]);
  });
});
