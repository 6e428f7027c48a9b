import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import dealStageChanged from '../triggers/dealStageChanged';
import { DOCUMENTED, SEARCH_DEAL } from './documented';
import { BASE, api, run } from './helpers';

useNock();

const search = (n: number, query: Record<string, string> = {}) =>
  api()
    .get(`${BASE}/pipeline/search`)
    .query({ ...query, query_amount: '100', page: String(n) });
const inStage = (stage: string) => ({ search_term: stage, search_by: 'stage' });

const deal = (id: string, stage: string | null, created_at: string) => ({
  ...SEARCH_DEAL,
  deal_id: id,
  stage,
  created_at,
});

describe('Deal Stage Changed', () => {
  it('with a stage, sends GET /pipeline/search?search_by=stage and outputs each deal with the id "<deal id>-<stage>"', async () => {
    search(0, inStage('Proposal')).reply(200, DOCUMENTED.searchDeals);
    const out = await run.trigger(dealStageChanged, { stage: 'Proposal' });
    expect(out).toEqual([
      {
        id: `${SEARCH_DEAL.deal_id}-Proposal`,
        deal_id: SEARCH_DEAL.deal_id,
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
      },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...dealStageChanged.operation.sample }).sort());
  });

  it('sends the stage in its documented spelling and keeps only deals in exactly that stage', async () => {
    search(0, inStage('Won')).reply(200, {
      data: [deal('d1', 'Won', '2025-01-01T00:00:00Z'), deal('d2', 'Won back', '2025-02-01T00:00:00Z')],
      total_count: 2,
    });
    const out = await run.trigger(dealStageChanged, { stage: 'won' });
    expect(out.map((d) => d.id)).toEqual(['d1-Won']);
  });

  it('without a stage, reads every deal (no term): one event per deal and stage, newest deal first', async () => {
    search(0).reply(200, {
      data: [deal('d1', 'Discovery', '2025-01-01T00:00:00Z'), deal('d2', 'Won', '2025-03-01T00:00:00Z')],
      total_count: 2,
      page: 0,
      per_page: 100,
    });
    const out = await run.trigger(dealStageChanged, {});
    expect(out.map((d) => [d.id, d.deal_id, d.stage])).toEqual([
      ['d2-Won', 'd2', 'Won'],
      ['d1-Discovery', 'd1', 'Discovery'],
    ]);
  });

  it('the same deal in another stage is another event (Zapier fires it), in the same stage the same one (it does not)', async () => {
    search(0).reply(200, { data: [deal('d1', 'Discovery', '2025-01-01T00:00:00Z')], total_count: 1 });
    search(0).reply(200, { data: [deal('d1', 'Proposal', '2025-01-01T00:00:00Z')], total_count: 1 });
    const first = await run.trigger(dealStageChanged, {});
    const second = await run.trigger(dealStageChanged, {});
    expect([first[0]!.id, second[0]!.id]).toEqual(['d1-Discovery', 'd1-Proposal']);
  });

  it('with more deals in the stage than a page, also reads the last page', async () => {
    search(0, inStage('Lost')).reply(200, {
      data: [deal('d1', 'Lost', '2025-01-01T00:00:00Z')],
      total_count: 201,
      per_page: 100,
    });
    search(2, inStage('Lost')).reply(200, { data: [deal('d201', 'Lost', '2025-06-01T00:00:00Z')], total_count: 201 });
    const out = await run.trigger(dealStageChanged, { stage: 'Lost' });
    expect(out.map((d) => d.id)).toEqual(['d201-Lost', 'd1-Lost']);
  });

  it('shows LunarSend’s message on a 400', async () => {
    search(0, inStage('Verbal')).reply(400, {
      status: 'error',
      error: 'invalid_query_amount',
      message: '"query_amount" must be from 1 to 100',
    });
    const err = await failureOf(run.trigger(dealStageChanged, { stage: 'Verbal' }));
    expect(err.message).toBe('LunarSend rejected the request: "query_amount" must be from 1 to 100');
  });

  it('refuses a result without deal_id, naming it', async () => {
    search(0).reply(200, { data: [{ id: 'd1', stage: 'Won' }], total_count: 1 });
    const err = await failureOf(run.trigger(dealStageChanged, {}));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].deal_id is missing.');
  });

  it('rejects a stage outside the documented list before any request', async () => {
    const err = await failureOf(run.trigger(dealStageChanged, { stage: 'Intrested' }));
    expect(err.message).toMatch(/^Stage: must be one of Qualification, Discovery, Interested/);
    expectNothingSent();
  });
});
