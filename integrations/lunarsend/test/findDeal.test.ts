import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findDeal from '../searches/findDeal';
import { SEARCH_DEAL } from './documented';
import { BASE, api, run } from './helpers';

useNock();

const search = (query: Record<string, string>) =>
  api()
    .get(`${BASE}/pipeline/search`)
    .query({ ...query, query_amount: '10', page: '0' });
const byCompany = { search_by: 'company', search_term: 'Brightwave Solutions' } as const;

describe('Find Deal', () => {
  it('sends GET /pipeline/search and turns deal_id into id in a flat deal', async () => {
    search(byCompany).reply(200, { data: [SEARCH_DEAL], total_count: 1, page: 0, per_page: 10 });
    const out = await run.search(findDeal, byCompany);
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
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...findDeal.operation.sample }).sort());
  });

  it('sends a stage in its documented spelling, whatever the case typed', async () => {
    search({ search_term: 'Negotiation', search_by: 'stage' }).reply(200, { data: [] });
    await expect(run.search(findDeal, { search_by: 'stage', search_term: 'negotiation' })).resolves.toEqual([]);
  });

  it('searches by contact email (exact first) and reads the older est_close_date and a numeric-string size', async () => {
    const { close_date: _c, ...older } = SEARCH_DEAL;
    const other = { ...SEARCH_DEAL, deal_id: 'd2', contact_email: 'elena.moreno@outlook.com.au' };
    search({ search_term: 'elena.moreno@outlook.com', search_by: 'email' }).reply(200, {
      data: [other, { ...older, deal_size: '12000', est_close_date: '2025-12-01T00:00:00Z' }],
    });
    const out = await run.search(findDeal, { search_by: 'email', search_term: 'elena.moreno@outlook.com' });
    expect(out.map((d) => [d.id, d.close_date, d.deal_size])).toEqual([
      [SEARCH_DEAL.deal_id, '2025-12-01T00:00:00Z', 12000],
      ['d2', SEARCH_DEAL.close_date, 12000],
    ]);
  });

  it('shows LunarSend’s message on a 400', async () => {
    search(byCompany).reply(400, { status: 'error', error: 'search_by must be one of company, stage, owner, email' });
    const err = await failureOf(run.search(findDeal, byCompany));
    expect(err.message).toBe('LunarSend rejected the request: search_by must be one of company, stage, owner, email');
  });

  it('refuses a result without deal_id, naming it', async () => {
    search(byCompany).reply(200, { data: [{ id: SEARCH_DEAL.deal_id, company: 'Brightwave Solutions' }] });
    const err = await failureOf(run.search(findDeal, byCompany));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].deal_id is missing.');
  });

  it.each([
    [{ search_by: 'stage', search_term: 'Intrested' }, /Search Term: must be one of Qualification/],
    [{ search_by: 'amount', search_term: '5' }, /Search By: must be one of company, stage/],
    [{ search_by: 'company' }, /Search Term is missing/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.search(findDeal, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
