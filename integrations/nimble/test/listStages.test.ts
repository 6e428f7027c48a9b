import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import { DEAL, PIPELINE } from '../src/samples';
import listStages from '../triggers/listStages';
import { SALES, STAGE, api, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

describe('Stage dropdown (list_stages)', () => {
  it("nimble.md §12.3: lists the chosen pipeline's open stages only (not archived, not won or lost), with their default probability", async () => {
    api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
    expect(await run.trigger(listStages, { pipeline_id: PIPELINE.pipeline_id })).toEqual([
      { id: STAGE.qualified, name: 'Qualified (20%)' },
      { id: STAGE.proposal, name: 'Proposal' },
    ]);
  });

  it("nimble.md §12.3: in Update Deal's form (a deal, no pipeline), lists the open stages of the deal's own pipeline", async () => {
    api().get(`/api/v2/deals/${DEAL.deal_id}`).reply(200, DEAL);
    api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
    expect(await run.trigger(listStages, {}, { extra: { deal_id: DEAL.deal_id } })).toEqual([
      { id: STAGE.qualified, name: 'Qualified (20%)' },
      { id: STAGE.proposal, name: 'Proposal' },
    ]);
  });

  it("nimble.md §12.3: with a deal mapped from an earlier step, lists every live pipeline's open stages, named with their pipeline", async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, {
        pipelines: [
          SALES,
          { ...SALES, pipeline_id: 'p-old', name: 'Old', archived_at: '2023-01-01T00:00:00+0000' },
          {
            ...SALES,
            pipeline_id: 'p-partners',
            name: 'Partners',
            stages: [{ ...SALES.stages[0]!, stage_id: 'st-intro', name: 'Intro' }, SALES.stages[3]!],
          },
        ],
      });
    expect(await run.trigger(listStages, {}, { extra: { deal_id: '{{123__deal_id}}' } })).toEqual([
      { id: STAGE.qualified, name: 'Sales › Qualified (20%)' },
      { id: STAGE.proposal, name: 'Sales › Proposal' },
      { id: 'st-intro', name: 'Partners › Intro (20%)' },
    ]);
  });

  it('names the pipeline Nimble could not find', async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`)
      .reply(404, { object_type: 'pipeline', object_id: PIPELINE.pipeline_id });
    const err = await failureOf(run.trigger(listStages, { pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toBe(
      'Nimble could not find this pipeline: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`)
      .reply(200, { ...SALES, stages: [{ name: 'Qualified' }] });
    const err = await failureOf(run.trigger(listStages, { pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: stages[0].stage_id is missing.');
  });

  it('rejects a pipeline id with a slash before any request', async () => {
    const err = await failureOf(run.trigger(listStages, { pipeline_id: 'a/b' }));
    expect(err.message).toMatch(/^Pipeline: must be an id/);
    expectNothingSent();
  });
});
