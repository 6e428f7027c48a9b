import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import { DEAL, MOVED_DEAL, PIPELINE } from '../src/samples';
import dealStageChanged from '../triggers/dealStageChanged';
import { FLAT_DEAL, SALES, STAGE, api, listing, offContract, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const { id: dealId, ...flatRest } = FLAT_DEAL;
/** MOVED_DEAL (samples.ts) as the trigger outputs it: pinned here, not computed by map.ts. */
const FLAT_MOVE = {
  id: `${dealId}-${STAGE.proposal}-2024-01-07-2`,
  deal_id: dealId,
  ...flatRest,
  stage_id: STAGE.proposal,
  stage_name: 'Proposal',
  age_in_days: 4,
  updated: '2024-01-07T15:20:00+0000',
  previous_stage_id: STAGE.qualified,
  previous_stage_name: 'Qualified',
  stage_changed_on: '2024-01-07',
  stage_changed_by: 'Daniel Reyes',
};

/** A deal moved again: Proposal → Won, on a later day. */
const WON_DEAL = {
  ...MOVED_DEAL,
  deal_id: '65958d7ef2e8748e6361dd01',
  updated: '2024-01-09T08:00:00+0000',
  stage_transitions: {
    ...MOVED_DEAL.stage_transitions,
    transitions: [
      ...MOVED_DEAL.stage_transitions.transitions,
      {
        ...MOVED_DEAL.stage_transitions.transitions[1]!,
        from_stage: { stage_id: STAGE.proposal, name: 'Proposal' },
        to_stage: { stage_id: STAGE.won, name: 'Won' },
        when: '2024-01-09',
      },
    ],
  },
};

const group = (stageIndex: number, deals: unknown[]) => ({
  stage: SALES.stages[stageIndex],
  deals,
  meta: { total_new_count: 0, total_amount: [{ currency: 'USD', count: deals.length }] },
});

describe('Deal Stage Changed (deal_stage_changed)', () => {
  it('without a pipeline: the 50 most recently changed deals, one request; a deal never moved is left out', async () => {
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(200, listing([MOVED_DEAL, DEAL]));
    const out = await run.trigger(dealStageChanged, {});
    expect(out).toEqual([FLAT_MOVE]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(dealStageChanged.operation.sample ?? {}));
  });

  it('with a pipeline: its deals of every stage (one request), flattened and sorted newest first', async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(200, { stages: [group(0, [DEAL]), group(1, [MOVED_DEAL]), group(3, [WON_DEAL])] });
    const out = await run.trigger(dealStageChanged, { pipeline_id: PIPELINE.pipeline_id });
    expect(out.map((o) => [o.id, o.stage_name, o.previous_stage_name])).toEqual([
      [`${WON_DEAL.deal_id}-${STAGE.won}-2024-01-09-3`, 'Won', 'Proposal'],
      [FLAT_MOVE.id, 'Proposal', 'Qualified'],
    ]);
  });

  it('with a pipeline and a stage: asks for that stage only', async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query({ sort: 'updated:desc', limit: '50', stage_id: STAGE.won })
      .reply(200, { stages: [group(3, [WON_DEAL])] });
    const out = await run.trigger(dealStageChanged, { pipeline_id: PIPELINE.pipeline_id, stage_id: STAGE.won });
    expect(out.map((o) => o.deal_id)).toEqual([WON_DEAL.deal_id]);
  });

  it('with a stage and no pipeline: keeps the recently changed deals now in that stage', async () => {
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(200, listing([WON_DEAL, MOVED_DEAL, DEAL]));
    const out = await run.trigger(dealStageChanged, { stage_id: STAGE.proposal });
    expect(out).toEqual([FLAT_MOVE]);
  });

  it('a deal changed in another way keeps its id; moved back into a stage the same day, it gets a new one', async () => {
    const edited = { ...MOVED_DEAL, updated: '2024-01-08T10:00:00+0000' };
    const transitions = MOVED_DEAL.stage_transitions.transitions;
    const back = {
      ...MOVED_DEAL,
      stage_transitions: {
        ...MOVED_DEAL.stage_transitions,
        transitions: [
          ...transitions,
          { ...transitions[1]!, from_stage: transitions[1]!.to_stage, to_stage: transitions[1]!.from_stage },
          transitions[1]!,
        ],
      },
    };
    api()
      .get('/api/v2/deals')
      .query(true)
      .reply(200, listing([edited]));
    expect((await run.trigger(dealStageChanged, {}))[0]!.id).toBe(FLAT_MOVE.id);
    api()
      .get('/api/v2/deals')
      .query(true)
      .reply(200, listing([back]));
    expect((await run.trigger(dealStageChanged, {}))[0]!.id).toBe(`${dealId}-${STAGE.proposal}-2024-01-07-4`);
  });

  it("names the pipeline Nimble could not find, in Nimble's words", async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(true)
      .reply(404, { object_type: 'pipeline', object_id: PIPELINE.pipeline_id });
    const err = await failureOf(run.trigger(dealStageChanged, { pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toMatch(/^Nimble could not find this pipeline/);
  });

  it("shows a 409 in Nimble's words", async () => {
    api().get('/api/v2/deals').query(true).reply(409, { message: 'Invalid sort field', code: 245 });
    const err = await failureOf(run.trigger(dealStageChanged, {}));
    expect(err.message).toContain('Invalid sort field');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(true)
      .reply(200, { deals: [MOVED_DEAL] });
    const err = await failureOf(run.trigger(dealStageChanged, { pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: stages is missing.');
  });

  it('rejects a stage id with a slash before any request', async () => {
    const err = await failureOf(run.trigger(dealStageChanged, { stage_id: 'a/b' }));
    expect(err.message).toMatch(/^Stage: must be an id/);
    expectNothingSent();
  });
});
