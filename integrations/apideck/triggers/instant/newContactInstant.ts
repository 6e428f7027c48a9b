import { apideck } from '../../src/client';
import { flattenContact } from '../../src/map';
import { ContactSchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import newContact from '../newContact';
import { fromPolling, instantTrigger } from '../../src/instant';

export default instantTrigger({
  key: 'new_contact_instant',
  noun: 'Contact',
  label: 'New Contact',
  description: "Triggers when a new contact is created in the consumer's CRM, as soon as the CRM reports it.",
  eventType: CRM_EVENTS.contact.created,
  toOutput: async (z, event) => flattenContact(await apideck(z).eventRecord('contact', ContactSchema, event)),
  ...fromPolling(newContact),
});
