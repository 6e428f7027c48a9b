import { useNock } from '@crm-zapier/kit/testing';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import updatedDealInstant from '../triggers/instant/updatedDealInstant';
import { api, AUTH, delivery, describeRecordTrigger, event, list, methodsOf, one } from './instant';

useNock();

describeRecordTrigger(updatedDealInstant, {
  eventType: CRM_EVENTS.opportunity.updated,
  resource: 'opportunities',
  record: OPPORTUNITY,
  output: {
    id: `34567-${Date.parse(OPPORTUNITY.updated_at!)}`,
    opportunity_id: '34567',
    pipeline_name: 'Sales Pipeline',
    stage_name: 'Contract Sent',
  },
  pipelines: [PIPELINE],
  pollQuery: { 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' },
});

describe('updated_deal_instant with "Only When", Pipeline and Stage', () => {
  const { perform } = methodsOf(updatedDealInstant);
  const read = (deal: Record<string, unknown> & { id: string }) =>
    api(AUTH, 'hubspot').get(`/crm/opportunities/${deal.id}`).reply(200, one('opportunities', deal));
  const pipelines = () =>
    api(AUTH, 'hubspot')
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, list('pipelines', [PIPELINE]));
  const updated = (id: string, inputData: Record<string, unknown>) =>
    perform(delivery(event(CRM_EVENTS.opportunity.updated, id), { inputData }));

  it("offers the polling trigger's inputs after the note on latency", () => {
    const keys = (updatedDealInstant.operation.inputFields as { key: string }[]).map((f) => f.key);
    expect(keys).toEqual(['instant_help', 'only_when', 'pipeline_id', 'pipeline_stage_id']);
  });

  it('"The stage changes": runs once per stage change; an edit that leaves the stage finds it seen', async () => {
    const deal = { ...OPPORTUNITY, id: '501', date_stage_changed: '2024-06-03T09:15:00.000Z' };
    read(deal);
    pipelines();
    await expect(updated('501', { only_when: 'stage' })).resolves.toEqual([
      expect.objectContaining({
        id: `501-${Date.parse('2024-06-03T09:15:00.000Z')}`,
        opportunity_id: '501',
        stage_name: 'Contract Sent',
      }),
    ]);
    // Another edit, same stage change: the deal is read, nothing triggers.
    read({ ...deal, title: 'Renamed', updated_at: '2024-06-09T10:00:00.000Z' });
    await expect(updated('501', { only_when: 'stage' })).resolves.toEqual([]);
    // A new stage change triggers again.
    const won = { ...deal, pipeline_stage_id: 'closedwon', date_stage_changed: '2024-06-10T08:00:00.000Z' };
    read(won);
    pipelines();
    await expect(updated('501', { only_when: 'stage' })).resolves.toEqual([
      expect.objectContaining({ id: `501-${Date.parse('2024-06-10T08:00:00.000Z')}`, stage_name: 'Closed Won' }),
    ]);
  });

  it('a deal outside the pipeline or stage asked for, or without a stage change date, triggers nothing', async () => {
    read({ ...OPPORTUNITY, id: '502', pipeline_id: 'renewals' });
    await expect(updated('502', { pipeline_id: 'default' })).resolves.toEqual([]);
    read({ ...OPPORTUNITY, id: '503' });
    await expect(updated('503', { pipeline_stage_id: 'closedwon' })).resolves.toEqual([]);
    read({ ...OPPORTUNITY, id: '504', date_stage_changed: null });
    await expect(updated('504', { only_when: 'stage' })).resolves.toEqual([]);
  });
});
