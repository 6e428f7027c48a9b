import { useNock } from '@crm-zapier/kit/testing';
import listPipelines from '../triggers/listPipelines';
import { api, itShowsPipelinesFailures, listBody, PIPELINES, run } from './helpers';

useNock();

describe('list_pipelines', () => {
  it('page 0 is one request, labelled by name', async () => {
    api().get('/crm/pipelines').query({ limit: '200' }).reply(200, listBody('pipelines', PIPELINES));
    await expect(run.trigger(listPipelines, {})).resolves.toEqual([
      { id: 'default', name: 'Sales Pipeline' },
      { id: 'renewals', name: 'Renewals' },
    ]);
  });

  itShowsPipelinesFailures(listPipelines);
});
