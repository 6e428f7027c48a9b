import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createContactLock } from '../src/constants';
import { contactDetailFields, contactDetailRules, contactOutputFields, ownerField, text } from '../src/fields';
import { defined, flattenContact } from '../src/map';
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

export const CreateContactInput = lazySchema((zod) =>
  zod.object({
    first_name: text(),
    email: inputs.email(),
    ...contactDetailRules(),
  }),
);

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateContactInput, bundle.inputData, inputFields);
  const contact = await lunarsend(z).createContact(defined(input));
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
