import { nonBlank } from '@crm-zapier/kit';
import { apideck } from '../../src/client';
import { flattenOpportunityUpdate } from '../../src/map';
import { dealNames } from '../../src/names';
import { OpportunitySchema } from '../../src/schemas';
import { CRM_EVENTS, firstDelivery, type SubscribeData } from '../../src/webhooks';
import updatedDeal, { dealUpdateFilter, inputFields } from '../updatedDeal';
import { fromPolling, instantTrigger } from '../../src/instant';

/** How long a Zap remembers a deal's stage change it ran on. */
const STAGE_TTL_SECONDS = 30 * 24 * 3600;

/**
 * The polling Updated Deal's inputs, on the event: the deal is read (the event says only which deal
 * changed, apideck-crm.md §15) and kept when it is in the pipeline and stage asked for. When only
 * stage changes count, the deal must date its last stage change, and the Zap runs once per such
 * date: Zapier does not dedupe a hook's outputs, so the dates already seen are remembered per Zap
 * for 30 days (`z.cache`, as the replayed events are); an edit that leaves the stage alone finds its
 * date seen and triggers nothing.
 */
export default instantTrigger({
  key: 'updated_deal_instant',
  noun: 'Deal',
  label: 'Updated Deal',
  description:
    'Triggers when a deal (opportunity) in the connected CRM is updated, or only when its stage changes, as soon as the CRM reports it: HubSpot and Pipedrive report it within seconds, Salesforce up to a day later. Other CRMs may not report it at all; then use Updated Deal without the Instant badge.',
  eventType: CRM_EVENTS.opportunity.updated,
  inputFields,
  toOutput: async (z, event, bundle) => {
    const filter = dealUpdateFilter(z, bundle);
    const deal = await apideck(z).eventRecord('opportunity', OpportunitySchema, event);
    if (!filter.keeps(deal)) return null;
    if (filter.stageOnly) {
      const zap = (bundle.subscribeData as Partial<SubscribeData> | undefined)?.id ?? 'zap';
      const key = `apideck:stage:${zap}:${deal.id}:${nonBlank(deal.date_stage_changed) ?? ''}`;
      if (!(await firstDelivery(z, key, STAGE_TTL_SECONDS))) return null;
    }
    return flattenOpportunityUpdate(deal, (await dealNames(z, [deal], event.service_id))(deal), filter.changedAt(deal));
  },
  ...fromPolling(updatedDeal),
});
