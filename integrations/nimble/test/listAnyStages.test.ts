import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import { PIPELINE } from '../src/samples';
import listAnyStages from '../triggers/listAnyStages';
import { SALES, STAGE, api, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

describe('Stage dropdown for watching (list_any_stages)', () => {
  it("lists the pipeline's live stages, won and lost included, archived ones left out", async () => {
    api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
    expect(await run.trigger(listAnyStages, { pipeline_id: PIPELINE.pipeline_id })).toEqual([
      { id: STAGE.qualified, name: 'Qualified' },
      { id: STAGE.proposal, name: 'Proposal' },
      { id: STAGE.won, name: 'Won' },
      { id: STAGE.lost, name: 'Lost' },
    ]);
  });

  it.each([{}, { pipeline_id: '' }])(
    "without a pipeline (%j): every live pipeline's stages, named with their pipeline",
    async (input) => {
      api()
        .get('/api/v2/deals/pipelines')
        .reply(200, {
          pipelines: [
            { ...SALES, stages: SALES.stages.slice(2) },
            { ...SALES, pipeline_id: 'p-old', name: 'Old', archived_at: '2023-01-01T00:00:00+0000' },
          ],
        });
      expect(await run.trigger(listAnyStages, input)).toEqual([
        { id: STAGE.won, name: 'Sales › Won' },
        { id: STAGE.lost, name: 'Sales › Lost' },
      ]);
    },
  );

  it('names the pipeline Nimble could not find', async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`)
      .reply(404, { object_type: 'pipeline', object_id: PIPELINE.pipeline_id });
    const err = await failureOf(run.trigger(listAnyStages, { pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toMatch(/^Nimble could not find this pipeline/);
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().get('/api/v2/deals/pipelines').reply(200, { items: [] });
    const err = await failureOf(run.trigger(listAnyStages, {}));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: pipelines is missing.');
  });

  it('rejects a pipeline id with a slash before any request', async () => {
    const err = await failureOf(run.trigger(listAnyStages, { pipeline_id: 'a/b' }));
    expect(err.message).toMatch(/^Pipeline: must be an id/);
    expectNothingSent();
  });
});
