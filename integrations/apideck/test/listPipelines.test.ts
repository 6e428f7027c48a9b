import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listPipelines from '../triggers/listPipelines';
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

describe('list_pipelines', () => {
  it('page 0 is one request, labelled by name', async () => {
    api().get('/crm/pipelines').query({ limit: '200' }).reply(200, listBody('pipelines', PIPELINES));
    await expect(run.trigger(listPipelines, {})).resolves.toEqual([
      { id: 'default', name: 'Sales Pipeline' },
      { id: 'renewals', name: 'Renewals' },
    ]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/pipelines')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listPipelines, {}));
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
    const err = await failureOf(run.trigger(listPipelines, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});
