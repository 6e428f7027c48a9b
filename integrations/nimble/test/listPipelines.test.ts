import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { PIPELINE } from '../src/samples';
import listPipelines from '../triggers/listPipelines';
import { api, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

describe('Pipeline dropdown (list_pipelines)', () => {
  it('lists the pipelines that are not archived, in one request', async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, {
        pipelines: [
          PIPELINE,
          { ...PIPELINE, pipeline_id: 'p-old', name: 'Old', archived_at: '2023-01-01T00:00:00+0000' },
        ],
      });
    expect(await run.trigger(listPipelines, {})).toEqual([{ id: PIPELINE.pipeline_id, name: 'Sales' }]);
  });

  it("says a 402 is the plan limit, with Nimble's text", async () => {
    api().get('/api/v2/deals/pipelines').reply(402, { payment_type: 'Deals are not part of your plan' });
    const err = await failureOf(run.trigger(listPipelines, {}));
    expect(err.message).toBe(
      "Nimble refused this because your Nimble plan's limit is reached: Deals are not part of your plan Upgrade the plan (or free up room, e.g. delete unused contacts) in Nimble, then retry.",
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get('/api/v2/deals/pipelines')
      .reply(200, { pipelines: [{ pipeline_id: 'p1' }] });
    const err = await failureOf(run.trigger(listPipelines, {}));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: pipelines[0].name is missing.');
  });
});
