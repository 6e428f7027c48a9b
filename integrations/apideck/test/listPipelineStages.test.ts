import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listPipelineStages from '../triggers/listPipelineStages';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();
const PIPELINES = [
  {
    id: 'default',
    name: 'Sales Pipeline',
    stages: [
      { id: 'contractsent', name: 'Contract Sent', display_order: 2 },
      { id: 'appointment', name: 'Appointment', display_order: 1 },
    ],
  },
  { id: 'renewals', name: 'Renewals', stages: [{ id: 'due', name: 'Due', display_order: 1 }] },
];

describe('list_pipeline_stages', () => {
  it('lists the stages of the chosen pipeline only, in display order', async () => {
    api().get('/crm/pipelines').query({ limit: '200' }).reply(200, listBody('pipelines', PIPELINES));
    await expect(run.trigger(listPipelineStages, {}, { extra: { pipeline_id: 'default' } })).resolves.toEqual([
      {
        id: 'appointment',
        name: 'Appointment',
        label: 'Sales Pipeline › Appointment',
        pipeline_id: 'default',
        pipeline_name: 'Sales Pipeline',
      },
      {
        id: 'contractsent',
        name: 'Contract Sent',
        label: 'Sales Pipeline › Contract Sent',
        pipeline_id: 'default',
        pipeline_name: 'Sales Pipeline',
      },
    ]);
  });

  it('without a chosen pipeline, lists the stages of every pipeline', async () => {
    api().get('/crm/pipelines').query({ limit: '200' }).reply(200, listBody('pipelines', PIPELINES));
    const out = await run.trigger(listPipelineStages, {});
    expect(out.map((s) => s.label)).toEqual([
      'Sales Pipeline › Appointment',
      'Sales Pipeline › Contract Sent',
      'Renewals › Due',
    ]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/pipelines')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listPipelineStages, {}));
    expect(err.message).toBe(
      'Apideck rejected the request (HTTP 400): RequestValidationError: Invalid Params — cursor is invalid',
    );
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/pipelines')
      .query(true)
      .reply(200, listBody('pipelines', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(listPipelineStages, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});
