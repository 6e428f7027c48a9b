import { apideck } from '../../src/client';
import { flattenOpportunityUpdate } from '../../src/map';
import { OpportunitySchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import updatedDeal from '../updatedDeal';
import { fromPolling, instantTrigger } from '../../src/instant';

export default instantTrigger({
  key: 'updated_deal_instant',
  noun: 'Deal',
  label: 'Updated Deal',
  description:
    'Triggers when a deal (opportunity) in your CRM is updated, including stage changes, as soon as Apideck sends the event.',
  eventType: CRM_EVENTS.opportunity.updated,
  toOutput: async (z, event) =>
    flattenOpportunityUpdate(await apideck(z).eventRecord('opportunity', OpportunitySchema, event)),
  ...fromPolling(updatedDeal),
});
