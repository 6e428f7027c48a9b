import { useNock } from '@crm-zapier/kit/testing';
import listPipelineStages from '../triggers/listPipelineStages';
import { api, itShowsPipelinesFailures, listBody, PIPELINES, run } from './helpers';

useNock();

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

  itShowsPipelinesFailures(listPipelineStages);
});
