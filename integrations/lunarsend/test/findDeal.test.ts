import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { SEARCH_DEAL } from '../src/samples';
import { BASE, api, bundle, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'searches.find_deal.operation.perform';

describe('Find Deal', () => {
  it('sends GET /pipeline/search and turns deal_id into id in a flat deal', async () => {
    api()
      .get(`${BASE}/pipeline/search`)
      .query({ search_term: 'Brightwave Solutions', search_by: 'company', query_amount: '10', page: '0' })
      .reply(200, { data: [SEARCH_DEAL], total_count: 1, page: 0, per_page: 10 });
    const out = (await run(perform, bundle({ search_by: 'company', search_term: 'Brightwave Solutions' }))) as object[];
    expect(out).toEqual([
      {
        id: SEARCH_DEAL.deal_id,
        company: 'Brightwave Solutions',
        stage: 'Proposal',
        deal_size: 12000,
        open_date: SEARCH_DEAL.open_date,
        close_date: SEARCH_DEAL.close_date,
        primary_contact: SEARCH_DEAL.primary_contact,
        contact_email: 'elena.moreno@outlook.com',
        notes: 'Annual plan, 25 seats.',
        user_id: SEARCH_DEAL.user_id,
        owner: 'John',
        created_at: SEARCH_DEAL.created_at,
      },
    ]);
    expect(keysOf(out[0])).toEqual(keysOf(App.searches.find_deal.operation.sample));
  });

  it('sends a stage in its documented spelling, whatever the case typed', async () => {
    api()
      .get(`${BASE}/pipeline/search`)
      .query({ search_term: 'Negotiation', search_by: 'stage', query_amount: '10', page: '0' })
      .reply(200, { data: [] });
    await expect(run(perform, bundle({ search_by: 'stage', search_term: 'negotiation' }))).resolves.toEqual([]);
  });

  it('searches by contact email and reads the older est_close_date and a numeric-string deal size', async () => {
    const { close_date: _c, ...older } = SEARCH_DEAL;
    api()
      .get(`${BASE}/pipeline/search`)
      .query({ search_term: 'elena.moreno@outlook.com', search_by: 'email', query_amount: '10', page: '0' })
      .reply(200, { data: [{ ...older, deal_size: '12000', est_close_date: '2025-12-01T00:00:00Z' }] });
    const out = (await run(perform, bundle({ search_by: 'email', search_term: 'elena.moreno@outlook.com' }))) as {
      close_date: string;
      deal_size: number;
    }[];
    expect(out[0]).toMatchObject({ close_date: '2025-12-01T00:00:00Z', deal_size: 12000 });
  });

  it.each([
    [{ search_by: 'stage', search_term: 'Intrested' }, /Search Term \(search_term\): must be one of Qualification/],
    [{ search_by: 'amount', search_term: '5' }, /Search By \(search_by\): must be one of company, stage/],
    [{ search_by: 'company' }, /Search Term \(search_term\) is missing/],
  ])('rejects %j before any request', async (bad, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle(bad)));
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
