import { apideck } from '../../src/client';
import { flattenOpportunity } from '../../src/map';
import { dealNames } from '../../src/names';
import { OpportunitySchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import newDeal from '../newDeal';
import { fromPolling, instantTrigger } from '../../src/instant';

export default instantTrigger({
  key: 'new_deal_instant',
  noun: 'Deal',
  label: 'New Deal',
  description:
    'Triggers when a new deal (opportunity) is created in the connected CRM, as soon as the CRM reports it: HubSpot and Pipedrive report it within seconds, Salesforce up to a day later. Other CRMs may not report it at all; then use New Deal without the Instant badge.',
  eventType: CRM_EVENTS.opportunity.created,
  toOutput: async (z, event) => {
    const deal = await apideck(z).eventRecord('opportunity', OpportunitySchema, event);
    return flattenOpportunity(deal, (await dealNames(z, [deal], event.service_id))(deal));
  },
  ...fromPolling(newDeal),
});
