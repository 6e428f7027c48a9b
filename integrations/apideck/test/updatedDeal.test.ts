import { failureOf, useNock } from '@crm-zapier/kit/testing';
import updatedDeal, { inputFields } from '../triggers/updatedDeal';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('updated_deal', () => {
  it('lists deals by last update, newest first; each update has its own id', async () => {
    api()
      .get('/crm/opportunities')
      .query({ 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, listBody('opportunities', [OPPORTUNITY]));
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));
    const out = await run.trigger(updatedDeal, {});
    expect(out).toEqual([updatedDeal.operation.sample]);
    expect(out[0]).toMatchObject({
      id: `34567-${Date.parse(OPPORTUNITY.updated_at!)}`,
      opportunity_id: '34567',
      pipeline_name: 'Sales Pipeline',
      stage_name: 'Contract Sent',
    });
  });

  const moved = { ...OPPORTUNITY, id: '1', updated_at: '2024-06-07T10:00:00.000Z' };
  const edited = {
    ...OPPORTUNITY,
    id: '2',
    pipeline_stage_id: 'closedwon',
    date_stage_changed: '2024-06-01T08:00:00.000Z',
    updated_at: '2024-06-06T10:00:00.000Z',
  };
  const noStageTime = { ...OPPORTUNITY, id: '3', date_stage_changed: null, updated_at: '2024-06-05T10:00:00.000Z' };
  const otherPipeline = { ...OPPORTUNITY, id: '4', pipeline_id: 'renewals', updated_at: '2024-06-04T10:00:00.000Z' };
  const page = () =>
    api()
      .get('/crm/opportunities')
      .query({ 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, listBody('opportunities', [moved, edited, noStageTime, otherPipeline]));
  const pipelines = () =>
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));

  it('"The stage changes": one id per stage change (its time), so other edits do not trigger; deals without a stage time are left out', async () => {
    page();
    pipelines();
    const out = await run.trigger(updatedDeal, {}, { extra: { only_when: 'stage' } });
    expect(out.map((d) => [d.id, d.opportunity_id, d.stage_name])).toEqual([
      [`1-${Date.parse('2024-06-03T09:15:00.000Z')}`, '1', 'Contract Sent'],
      [`2-${Date.parse('2024-06-01T08:00:00.000Z')}`, '2', 'Closed Won'],
      [`4-${Date.parse('2024-06-03T09:15:00.000Z')}`, '4', null],
    ]);
  });

  it('a stage keeps only the deals that moved into it, once per move', async () => {
    page();
    pipelines();
    const out = await run.trigger(
      updatedDeal,
      {},
      { extra: { pipeline_id: 'default', pipeline_stage_id: 'closedwon' } },
    );
    expect(out.map((d) => d.id)).toEqual([`2-${Date.parse('2024-06-01T08:00:00.000Z')}`]);
  });

  it('a pipeline keeps only its deals, on every update', async () => {
    page();
    pipelines();
    const out = await run.trigger(updatedDeal, {}, { extra: { pipeline_id: 'renewals' } });
    expect(out.map((d) => [d.id, d.pipeline_name])).toEqual([[`4-${Date.parse('2024-06-04T10:00:00.000Z')}`, null]]);
  });

  it('a CRM that lists no pipelines leaves the names empty and the deals still trigger', async () => {
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(200, listBody('opportunities', [OPPORTUNITY]));
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(
        400,
        errorBody(400, 'ConnectorOperationUnsupportedError', 'Unsupported operation', 'Pipelines are not supported'),
      );
    const out = await run.trigger(updatedDeal, {});
    expect(out).toEqual([{ ...updatedDeal.operation.sample, pipeline_name: null, stage_name: null }]);
  });

  it('no pipeline or stage on any deal: no pipeline request', async () => {
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(200, listBody('opportunities', [{ ...OPPORTUNITY, pipeline_id: null, pipeline_stage_id: null }]));
    const [out] = await run.trigger(updatedDeal, {});
    expect(out).toMatchObject({ pipeline_id: null, pipeline_name: null, pipeline_stage_id: null, stage_name: null });
  });

  it('offers "Only When", Pipeline and Stage (dropdowns, the pipeline first)', () => {
    expect(inputFields.map((f) => [f.key, f.label, 'dynamic' in f ? f.dynamic : undefined])).toEqual([
      ['only_when', 'Only When', undefined],
      ['pipeline_id', 'Pipeline', 'list_pipelines.id.name'],
      ['pipeline_stage_id', 'Stage', 'list_pipeline_stages.id.label'],
    ]);
  });

  it('a sort the connector refuses is followed by the plain listing, newest update first', async () => {
    const deal = (id: string, updated_at: string) => ({ ...OPPORTUNITY, id, updated_at });
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field', 'updated_at'));
    api()
      .get('/crm/opportunities')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('opportunities', [deal('a', '2024-05-01T00:00:00.000Z'), deal('b', '2024-05-08T00:00:00.000Z')]),
      );
    const out = await run.trigger(updatedDeal, {});
    expect(out.map((d) => d.id)).toEqual([
      `b-${Date.parse('2024-05-08T00:00:00.000Z')}`,
      `a-${Date.parse('2024-05-01T00:00:00.000Z')}`,
    ]);
  });

  it("a 404 names what was asked for, with Apideck's text", async () => {
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(404, errorBody(404, 'NotFoundError', 'Unknown Resource', 'opportunities is not available'));
    const err = await failureOf(run.trigger(updatedDeal, {}));
    expect(err.message).toBe(
      'Apideck could not find the item at /crm/opportunities: Unknown Resource — opportunities is not available',
    );
  });

  it('an answer with no data is a clear error', async () => {
    allowOffContractReplies();
    api().get('/crm/opportunities').query(true).reply(200, { status_code: 200 });
    const err = await failureOf(run.trigger(updatedDeal, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data/);
  });
});

describe('updatedDeal in the Zap editor', () => {
  it("says what triggers it, whose records it sees, without the app's name or connector notes", () => {
    expect(updatedDeal.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(updatedDeal.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});
