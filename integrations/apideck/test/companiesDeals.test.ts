import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { OPPORTUNITY } from '../src/samples';
import { api, bundle, idBody, listBody, queryOf, run } from './helpers';

useNock();

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

describe('find_company', () => {
  it('searches with filter[name] and flattens the company', async () => {
    const seen = getWithQuery(
      '/crm/companies',
      listBody('companies', [
        {
          id: '23456',
          name: 'SpaceX',
          websites: [{ url: 'https://spacex.com' }],
          phone_numbers: [{ number: '111', type: 'office' }],
        },
      ]),
    );
    const result = (await run('searches.find_company.operation.perform', bundle({ name: 'SpaceX' }))) as Record<
      string,
      unknown
    >[];
    expect(seen.query).toEqual({ 'filter[name]': 'SpaceX', limit: '10' });
    expect(result[0]).toMatchObject({
      id: '23456',
      name: 'SpaceX',
      website: 'https://spacex.com',
      phone_office: '111',
      email: null,
    });
  });

  it('requires a name before any request', async () => {
    const err = await failureOf(run('searches.find_company.operation.perform', bundle({ name: '  ' })));
    expect(err.message).toMatch(/Company Name \(name\): is required/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('create_company', () => {
  it('POSTs the company', async () => {
    api()
      .post('/crm/companies', {
        name: 'SpaceX',
        industry: 'Aerospace',
        emails: [{ email: 'info@spacex.com', type: 'primary' }],
        websites: [{ url: 'https://spacex.com', type: 'primary' }],
      })
      .reply(201, idBody('companies', '900'));
    const result = await run(
      'creates.create_company.operation.perform',
      bundle({ name: 'SpaceX', industry: 'Aerospace', email: 'info@spacex.com', website: 'https://spacex.com' }),
    );
    expect(result).toMatchObject({ id: '900', company_id: '900', name: 'SpaceX', email: 'info@spacex.com' });
  });
});

describe('create_deal', () => {
  it('POSTs the opportunity with pipeline, stage, amount, currency and close date, primary_contact_id null when empty', async () => {
    api()
      .post('/crm/opportunities', {
        title: 'New Rocket',
        primary_contact_id: null,
        pipeline_id: 'default',
        pipeline_stage_id: 'contractsent',
        monetary_amount: 75000.5,
        currency: 'USD',
        close_date: '2024-06-30',
        win_probability: 40,
        tags: ['Big'],
      })
      .reply(201, idBody('opportunities', '31'));
    const result = await run(
      'creates.create_deal.operation.perform',
      bundle({
        title: 'New Rocket',
        pipeline_id: 'default',
        pipeline_stage_id: 'contractsent',
        monetary_amount: '75000.5',
        currency: 'usd',
        close_date: '2024-06-30T00:00:00+02:00',
        win_probability: 40,
        tags: 'Big',
      }),
    );
    expect(result).toMatchObject({ id: '31', title: 'New Rocket', monetary_amount: 75000.5, close_date: '2024-06-30' });
  });

  it('rejects a missing title, a bad amount or currency, or a probability over 100, before any request', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: '' }, /Deal Title \(title\): is required/],
      [{ title: 'X', monetary_amount: 'lots' }, /Amount \(monetary_amount\): must be a number/],
      [{ title: 'X', currency: 'dollars' }, /Currency \(currency\): must be a three-letter currency code/],
      [{ title: 'X', win_probability: 140 }, /Win Probability \(%\) \(win_probability\): must be 100 or less/],
    ];
    for (const [input, message] of cases) {
      const err = await failureOf(run('creates.create_deal.operation.perform', bundle(input)));
      expect(err.message).toMatch(message);
    }
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('deal triggers', () => {
  it('new_deal sorts by created_at desc with no since-filter (the document has none for opportunities)', async () => {
    const seen = getWithQuery('/crm/opportunities', listBody('opportunities', [OPPORTUNITY]));
    const result = (await run('triggers.new_deal.operation.perform', bundle())) as Record<string, unknown>[];
    expect(seen.query).toEqual({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' });
    expect(result[0]).toMatchObject({
      id: '34567',
      title: 'New Rocket',
      pipeline_stage_id: 'contractsent',
      contact_ids: ['12345'],
    });
  });

  it('updated_deal sorts by updated_at desc and gives each update its own id', async () => {
    const seen = getWithQuery('/crm/opportunities', listBody('opportunities', [OPPORTUNITY]));
    const result = (await run('triggers.updated_deal.operation.perform', bundle())) as Record<string, unknown>[];
    expect(seen.query).toEqual({ 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' });
    expect(result[0]).toMatchObject({ id: `34567-${Date.parse(OPPORTUNITY.updated_at!)}`, opportunity_id: '34567' });
  });
});
