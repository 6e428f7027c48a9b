import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { contactDetailFields, ContactChangesInput, contactIdField, newOwnerField } from '../src/inputs';
import { contactOutputFields, flattenContact } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    helpText: `${contactIdField.helpText} Only the fields you fill in below are changed; empty fields keep their current value.`,
  },
  { key: 'first_name', label: 'First Name', required: false },
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText: "The contact's new email address. No other contact in your LunarSend team may have it.",
  },
  ...contactDetailFields,
  newOwnerField,
]);

const perform = (async (z, bundle) => {
  const { contact_id, ...changes } = parseInput(z, ContactChangesInput, bundle.inputData, inputFields);
  if (Object.values(changes).every((v) => v === undefined)) {
    throw new z.errors.Error('Please fill in at least one field to change on the contact.', 'InvalidInput', 400);
  }
  const contact = await lunarsend(z).updateContact({ id: contact_id, ...changes });
  return flattenContact(contact);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description: 'Updates an existing contact, changing only the fields you fill in.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenContact({
      ...CONTACT,
      job_title: 'Director of Operations',
      last_activity: '2025-10-05T09:12:44.120+00:00',
    }),
    outputFields: contactOutputFields,
  },
});
