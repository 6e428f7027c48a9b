import { apideck } from '../../src/client';
import { flattenContact } from '../../src/map';
import { ContactSchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import newContact from '../newContact';
import { fromPolling, instantTrigger } from '../../src/instant';
import { ownerNames } from '../../src/names';

export default instantTrigger({
  key: 'new_contact_instant',
  noun: 'Contact',
  label: 'New Contact',
  description:
    'Triggers when a new contact is created in the connected CRM, as soon as the CRM reports it: HubSpot and Pipedrive report it within seconds, Salesforce up to a day later. Other CRMs may not report it at all; then use New Contact without the Instant badge.',
  eventType: CRM_EVENTS.contact.created,
  toOutput: async (z, event) => {
    const contact = await apideck(z).eventRecord('contact', ContactSchema, event);
    return flattenContact(contact, (await ownerNames(z, [contact], event.service_id))(contact));
  },
  ...fromPolling(newContact),
});
