import { apideck } from '../../src/client';
import { flattenContactUpdate } from '../../src/map';
import { ContactSchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import updatedContact from '../updatedContact';
import { fromPolling, instantTrigger } from '../../src/instant';
import { ownerNames } from '../../src/names';

export default instantTrigger({
  key: 'updated_contact_instant',
  noun: 'Contact',
  label: 'Updated Contact',
  description:
    'Triggers when a contact in the connected CRM is updated, as soon as the CRM reports it: HubSpot and Pipedrive report it within seconds, Salesforce up to a day later. Other CRMs may not report it at all; then use Updated Contact without the Instant badge.',
  eventType: CRM_EVENTS.contact.updated,
  toOutput: async (z, event) => {
    const contact = await apideck(z).eventRecord('contact', ContactSchema, event);
    return flattenContactUpdate(contact, (await ownerNames(z, [contact], event.service_id))(contact));
  },
  ...fromPolling(updatedContact),
});
