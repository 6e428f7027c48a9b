import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listDeals from '../triggers/listDeals';
import { BASE, api, runDropdown } from './helpers';

useNock();

const page = (n: number) =>
  api()
    .get(`${BASE}/pipeline/search`)
    .query({ query_amount: '100', page: String(n) });

describe('List Deals (the deal dropdown)', () => {
  it('pages through /pipeline/search, labelled by company, stage and size', async () => {
    page(1).reply(200, {
      data: [
        { deal_id: 'd1', company: 'Brightwave Solutions', stage: 'Proposal', deal_size: 12000 },
        { deal_id: 'd2', company: null, stage: 'Won' },
      ],
    });
    const out = await runDropdown(listDeals, { page: 1 });
    expect(out).toEqual([
      { id: 'd1', name: 'Brightwave Solutions · Proposal · 12000' },
      { id: 'd2', name: 'd2 · Won' },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...listDeals.operation.sample }).sort());
  });

  it('shows LunarSend’s message on a 400', async () => {
    page(0).reply(400, { status: 'error', error: 'query_amount must be at most 100' });
    const err = await failureOf(runDropdown(listDeals));
    expect(err.message).toBe('LunarSend rejected the request: query_amount must be at most 100');
  });

  it('refuses an answer whose data is not a list', async () => {
    page(0).reply(200, { data: { deal_id: 'd1' } });
    const err = await failureOf(runDropdown(listDeals));
    expect(err.message).toMatch(/^LunarSend sent an answer of an unexpected shape: data: /);
  });
});
