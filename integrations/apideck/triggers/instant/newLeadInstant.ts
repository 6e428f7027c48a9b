import { apideck } from '../../src/client';
import { flattenLead } from '../../src/map';
import { LeadSchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import newLead from '../newLead';
import { fromPolling, instantTrigger } from '../../src/instant';

export default instantTrigger({
  key: 'new_lead_instant',
  noun: 'Lead',
  label: 'New Lead',
  description:
    'Triggers when a new lead is created in the connected CRM, as soon as the CRM reports it: only Salesforce reports new leads, up to a day later. New Lead without the Instant badge is faster and works with other CRMs too.',
  eventType: CRM_EVENTS.lead.created,
  toOutput: async (z, event) => flattenLead(await apideck(z).eventRecord('lead', LeadSchema, event)),
  ...fromPolling(newLead),
});
