import { apideck } from '../../src/client';
import { flattenOpportunity } from '../../src/map';
import { OpportunitySchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import newDeal from '../newDeal';
import { fromPolling, instantTrigger } from '../../src/instant';

export default instantTrigger({
  key: 'new_deal_instant',
  noun: 'Deal',
  label: 'New Deal',
  description: 'Triggers when a new deal (opportunity) is created in your CRM, as soon as Apideck sends the event.',
  eventType: CRM_EVENTS.opportunity.created,
  toOutput: async (z, event) =>
    flattenOpportunity(await apideck(z).eventRecord('opportunity', OpportunitySchema, event)),
  ...fromPolling(newDeal),
});
