import { apideck } from '../../src/client';
import { flattenOpportunityUpdate } from '../../src/map';
import { dealNames } from '../../src/names';
import { OpportunitySchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import updatedDeal from '../updatedDeal';
import { fromPolling, instantTrigger } from '../../src/instant';

export default instantTrigger({
  key: 'updated_deal_instant',
  noun: 'Deal',
  label: 'Updated Deal',
  description:
    "Triggers when a deal (opportunity) in the consumer's CRM is updated, including stage changes, as soon as the CRM reports it.",
  eventType: CRM_EVENTS.opportunity.updated,
  toOutput: async (z, event) => {
    const deal = await apideck(z).eventRecord('opportunity', OpportunitySchema, event);
    return flattenOpportunityUpdate(deal, (await dealNames(z, [deal], event.service_id))(deal));
  },
  ...fromPolling(updatedDeal),
});
