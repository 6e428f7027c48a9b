import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createContactLock } from '../src/constants';
import { contactDetailFields, NewContactInput, ownerField } from '../src/inputs';
import { contactTags, flattenContact, taggedContactOutputFields } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  { key: 'first_name', label: 'First Name', required: true },
  {
    key: 'email',
    label: 'Email',
    required: true,
    helpText: "The contact's email address. No other contact in your LunarSend team may have it.",
  },
  ...contactDetailFields,
  ownerField,
]);

/**
 * `POST /contacts`: one request. A new contact has no tags; Tags and Tag IDs are there (empty) so
 * that Find or Create Contact outputs the same keys whichever way it went.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, NewContactInput, bundle.inputData, inputFields);
  const contact = await lunarsend(z).createContact(input);
  return { ...flattenContact(contact), ...contactTags([]) };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_contact',
  noun: 'Contact',
  display: { label: 'Create Contact', description: 'Creates a new contact.' },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    // Find or Create: two runs for the same email must not both create (the second then finds it).
    lock: createContactLock(),
    sample: { ...flattenContact(CONTACT), ...contactTags([]) },
    outputFields: taggedContactOutputFields,
  },
});
