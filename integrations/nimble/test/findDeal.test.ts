import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findDeal from '../searches/findDeal';
import { DEAL, PIPELINE } from '../src/samples';
import { FLAT_DEAL, SALES, api, offContract, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const DEAL_ID = DEAL.deal_id;
const dealNamed = (deal_id: string, name: string, updated = DEAL.updated, pipeline_id = PIPELINE.pipeline_id) => ({
  ...DEAL,
  deal_id,
  updated,
  fields_values: [],
  fields_values_with_names: [{ field_name: 'name', values: [{ value: name }] }],
  stage_transitions: { ...DEAL.stage_transitions, pipeline_id },
});

describe('Find Deal (find_deal)', () => {
  it('gets a deal by id in one request', async () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(200, DEAL);
    const out = await run.search(findDeal, { deal_id: DEAL_ID });
    expect(out).toEqual([FLAT_DEAL]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(findDeal.operation.sample ?? {}));
  });

  it('finds nothing (not an error) for an id Nimble does not know', async () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    expect(await run.search(findDeal, { deal_id: DEAL_ID })).toEqual([]);
  });

  it("finds by name with the pipeline's search, one request: words, case and accents aside, exact name first", async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query({ sort: 'updated:desc', limit: '100', query: '{"name":{"contain":"nimble renewal"}}' })
      .reply(200, {
        stages: [
          { stage: SALES.stages[0], deals: [dealNamed('d1', 'Renewal Nimble 2025', '2024-01-09T08:00:00+0000')] },
          { stage: SALES.stages[1], deals: [dealNamed('d3', 'Nimble Rénewal'), dealNamed('d2', 'Nimble renewals')] },
        ],
      });
    const out = await run.search(findDeal, { name: ' nimble renewal ', pipeline_id: PIPELINE.pipeline_id });
    expect(out.map((d) => d.id)).toEqual(['d3', 'd1', 'd2']);
    expect(out[0]).toEqual({
      ...FLAT_DEAL,
      id: 'd3',
      name: 'Nimble Rénewal',
      amount: null,
      description: null,
      expected_close_date: null,
    });
  });

  it('without a pipeline: searches every live pipeline (1 + one request each), most recently changed first', async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, {
        pipelines: [
          SALES,
          { ...SALES, pipeline_id: 'p-old', name: 'Old', archived_at: '2023-01-01T00:00:00+0000' },
          { ...SALES, pipeline_id: 'p-partners', name: 'Partners' },
        ],
      });
    const query = { sort: 'updated:desc', limit: '100', query: '{"name":{"contain":"Acme"}}' };
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(query)
      .reply(200, { stages: [{ stage: SALES.stages[0], deals: [dealNamed('d1', 'Acme renewal')] }] });
    api()
      .get('/api/v2/deals/pipelines/p-partners/deals')
      .query(query)
      .reply(200, {
        stages: [
          {
            stage: SALES.stages[0],
            deals: [dealNamed('d2', 'Acme reseller', '2024-02-01T00:00:00+0000', 'p-partners')],
          },
        ],
      });
    const out = await run.search(findDeal, { name: 'Acme' });
    expect(out.map((d) => [d.id, d.pipeline_id])).toEqual([
      ['d2', 'p-partners'],
      ['d1', PIPELINE.pipeline_id],
    ]);
  });

  it("shows Nimble's text for a 403 on the pipeline's search", async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(true)
      .reply(403, { message: 'Deals are disabled for this account' });
    const err = await failureOf(run.search(findDeal, { name: 'x', pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toMatch(/^Nimble refused access: Deals are disabled for this account\./);
  });

  it('says what is missing from a search answer of the wrong shape', async () => {
    offContract()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(true)
      .reply(200, { resources: [DEAL] });
    const err = await failureOf(run.search(findDeal, { name: 'x', pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: stages is missing.');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get(`/api/v2/deals/${DEAL_ID}`)
      .reply(200, { ...DEAL, deal_id: undefined });
    const err = await failureOf(run.search(findDeal, { deal_id: DEAL_ID }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: deal_id is missing.');
  });

  it.each([
    [{}, /Deal Name: Pick a Deal or enter a Deal Name/],
    [{ deal_id: DEAL_ID, name: 'x' }, /Deal: can't be combined/],
    [{ deal_id: 'a b' }, /Deal: must be an id/],
    [{ name: 'x', pipeline_id: 'a/b' }, /Pipeline: must be an id/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.search(findDeal, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
