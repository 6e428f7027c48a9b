import { failureOf, operationRunner, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import newDeal from '../triggers/newDeal';
import { DOCUMENTED, SEARCH_DEAL } from './documented';
import { AUTH, BASE, api, run } from './helpers';

useNock();

const page = (n: number) =>
  api()
    .get(`${BASE}/pipeline/search`)
    .query({ query_amount: '100', page: String(n) });

/** The documented search result, flat: `deal_id` becomes `id`. */
const BRIGHTWAVE = {
  id: SEARCH_DEAL.deal_id,
  company: 'Brightwave Solutions',
  stage: 'Proposal',
  deal_size: 12000,
  open_date: '2025-10-01T09:00:00.000+00:00',
  close_date: '2025-12-15T17:00:00.000+00:00',
  primary_contact: SEARCH_DEAL.primary_contact,
  contact_email: 'elena.moreno@outlook.com',
  notes: 'Annual plan, 25 seats.',
  user_id: SEARCH_DEAL.user_id,
  owner: 'John',
  created_at: '2025-10-01T09:00:00.000+00:00',
};

const deal = (id: string, created_at: string | null) => ({ ...SEARCH_DEAL, deal_id: id, created_at });

describe('New Deal', () => {
  it('sends one GET /pipeline/search (no term, 100 a page) when one page holds every deal, and outputs flat deals', async () => {
    page(0).reply(200, DOCUMENTED.searchDeals);
    const out = await run.trigger(newDeal, {});
    expect(out).toEqual([BRIGHTWAVE]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...newDeal.operation.sample }).sort());
  });

  it('sorts the deals newest first by created_at (the API documents no order), undated last', async () => {
    page(0).reply(200, {
      data: [deal('d1', '2025-10-01T09:00:00Z'), deal('d2', null), deal('d3', '2025-11-02T10:00:00+01:00')],
      total_count: 3,
      page: 0,
      per_page: 100,
    });
    const out = await run.trigger(newDeal, {});
    expect(out.map((d) => d.id)).toEqual(['d3', 'd1', 'd2']);
  });

  it('with more deals than a page, also reads the last page, each deal once, and sorts them together', async () => {
    page(0).reply(200, {
      data: [deal('d1', '2025-01-01T00:00:00Z'), deal('d2', '2025-02-01T00:00:00Z')],
      total_count: 101,
      page: 0,
      per_page: 100,
    });
    page(1).reply(200, {
      data: [deal('d2', '2025-02-01T00:00:00Z'), deal('d101', '2025-11-30T08:00:00Z')],
      total_count: 101,
      page: 1,
      per_page: 100,
    });
    const out = await run.trigger(newDeal, {});
    expect(out.map((d) => d.id)).toEqual(['d101', 'd2', 'd1']);
  });

  it('when LunarSend refuses a search without a term, searches each stage a second apart, each deal once; the next poll asks by stage only', async () => {
    // Its own runner: the refusal is kept in this runner's cache for the second poll.
    const fresh = operationRunner(App, AUTH);
    const stages = ['Qualification', 'Discovery', 'Interested', 'Verbal', 'Proposal', 'Negotiation', 'Won', 'Lost'];
    const stageSearches = () => {
      for (const stage of stages) {
        const found =
          stage === 'Proposal'
            ? [deal('d1', '2025-01-01T00:00:00Z')]
            : stage === 'Won'
              ? [deal('d2', '2025-03-01T00:00:00Z'), deal('d1', '2025-01-01T00:00:00Z')]
              : [];
        api()
          .get(`${BASE}/pipeline/search`)
          .query({ search_term: stage, search_by: 'stage', query_amount: '100', page: '0' })
          .reply(200, { data: found, total_count: found.length, page: 0, per_page: 100 });
      }
    };
    /** Runs a poll; the waits it asked for between requests (taken at once here), in ms. */
    const poll = async () => {
      const waits: number[] = [];
      const realSetTimeout = global.setTimeout;
      const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((
        fn: (...a: unknown[]) => void,
        ms?: number,
        ...args: unknown[]
      ) => {
        if (ms === 1000) waits.push(ms);
        return realSetTimeout(() => fn(...args), ms === 1000 ? 0 : ms);
      }) as typeof setTimeout);
      try {
        return { ids: (await fresh.trigger(newDeal, {})).map((d) => d.id), waits };
      } finally {
        spy.mockRestore();
      }
    };
    page(0).reply(400, { status: 'error', error: 'missing_search_term', message: 'search_term is required.' });
    stageSearches();
    // A second before each of the eight stage searches: never more than LunarSend's two requests a second.
    expect(await poll()).toEqual({ ids: ['d2', 'd1'], waits: Array(8).fill(1000) });
    stageSearches();
    expect((await poll()).ids).toEqual(['d2', 'd1']);
  });

  it('shows LunarSend’s message on a 401, asking to reconnect', async () => {
    page(0).reply(401, { status: 'error', error: 'unauthorized', message: 'Missing or invalid API key.' });
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(
      /^LunarSend did not accept your API key \(Missing or invalid API key\.\)\. Check them and reconnect/,
    );
  });

  it('refuses an answer whose data is not a list', async () => {
    page(0).reply(200, { data: { deal_id: 'd1' } });
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.message).toMatch(/^LunarSend sent an answer of an unexpected shape: data: /);
  });

  it('has no input to get wrong: it never asks for any', () => {
    expect(newDeal.operation.inputFields).toBeUndefined();
  });
});
