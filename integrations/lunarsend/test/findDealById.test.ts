import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findDealById from '../searches/findDealById';
import { DEAL } from './documented';
import { BASE, api, run } from './helpers';

useNock();

const OTHER = { ...DEAL, id: '0b7e4c21-9f3a-4d6b-8e15-c2a9d7f0e384', company: 'Other Co', stage: 'Lost' };
const get = () => api().get(`${BASE}/pipeline`).query({ id: DEAL.id });

describe('Find Deal by ID', () => {
  it('lunarsend.md "Pipeline deals" (get-deal): sends GET /pipeline?id= and reads the array-wrapped [{ success, id, data }]', async () => {
    get().reply(200, [{ success: true, id: DEAL.id, data: DEAL }]);
    const out = await run.search(findDealById, { deal_id: DEAL.id });
    expect(out).toEqual([
      {
        id: DEAL.id,
        company: 'Brightwave Solutions',
        stage: 'Proposal',
        deal_size: 12000,
        open_date: DEAL.open_date,
        close_date: DEAL.close_date,
        primary_contact: DEAL.primary_contact,
        contact_email: DEAL.contact_email,
        notes: DEAL.notes,
        user_id: DEAL.user_id,
        owner: 'John',
        created_at: DEAL.created_at,
      },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...findDealById.operation.sample }).sort());
  });

  it.each([
    [
      'one envelope per deal',
      [
        { success: true, id: OTHER.id, data: OTHER },
        { success: true, id: DEAL.id, data: DEAL },
      ],
    ],
    ['a list of deals in one envelope', { success: true, id: DEAL.id, data: [OTHER, DEAL] }],
  ])('keeps only the deal asked for when the answer holds others (%s)', async (_name, answer) => {
    get().reply(200, answer);
    const out = await run.search(findDealById, { deal_id: DEAL.id });
    expect(out.map((d) => [d.id, d.company])).toEqual([[DEAL.id, 'Brightwave Solutions']]);
  });

  it.each([
    ['only another deal', { success: true, data: OTHER }],
    ['an empty data list', { success: true, data: [] }],
  ])('finds nothing when the answer holds %s', async (_name, answer) => {
    get().reply(200, answer);
    await expect(run.search(findDealById, { deal_id: DEAL.id })).resolves.toEqual([]);
  });

  it('finds nothing (an empty list, not an error) when LunarSend answers 404', async () => {
    get().reply(404, { status: 'error', error: 'No deal' });
    await expect(run.search(findDealById, { deal_id: DEAL.id })).resolves.toEqual([]);
  });

  it('still fails on other errors, with LunarSend’s message (400)', async () => {
    get().reply(400, { status: 'error', error: 'id must be a uuid' });
    const err = await failureOf(run.search(findDealById, { deal_id: DEAL.id }));
    expect(err.message).toBe('LunarSend rejected the request: id must be a uuid');
  });

  it('refuses a deal without its id', async () => {
    get().reply(200, [{ success: true, data: { ...DEAL, id: undefined } }]);
    const err = await failureOf(run.search(findDealById, { deal_id: DEAL.id }));
    expect(err.message).toMatch(/^LunarSend sent an answer of an unexpected shape: \[0\]\.data/);
  });

  it.each([
    [{}, /Deal is missing/],
    [{ deal_id: 'a b' }, /Deal: must be an id/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.search(findDealById, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
