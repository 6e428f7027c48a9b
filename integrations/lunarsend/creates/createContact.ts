import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createContactLock } from '../src/constants';
import { contactDetailFields, NewContactInput, ownerField } from '../src/inputs';
import { contactOutputFields, flattenContact } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  { key: 'first_name', label: 'First Name', required: true },
  {
    key: 'email',
    label: 'Email',
    required: true,
    helpText: "The contact's email address. It must be unique in your LunarSend team.",
  },
  ...contactDetailFields,
  ownerField,
]);

const perform = (async (z, bundle) => {
  const input = parseInput(z, NewContactInput, bundle.inputData, inputFields);
  const contact = await lunarsend(z).createContact(input);
  return flattenContact(contact);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_contact',
  noun: 'Contact',
  display: { label: 'Create Contact', description: 'Creates a new contact in LunarSend.' },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    // Find or Create: two runs for the same email must not both create (the second then finds it).
    lock: createContactLock(),
    sample: flattenContact(CONTACT),
    outputFields: contactOutputFields,
  },
});
