import { parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { contactIdField, ContactIdInput } from '../src/inputs';
import { contactOutputFields, flattenContact } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    label: 'Contact ID',
    helpText:
      'The ID of the LunarSend contact, a uuid like `150c081d-5d5f-401d-abd1-727c35222054`: map it from an earlier step, or pick a contact from the list. When no contact has this ID the search finds nothing.',
  },
]);

/**
 * `GET /contacts?id=`: one request. LunarSend's answer to a get has no tags (only search results
 * carry them), so Tags and Tag IDs are empty lists here.
 */
const perform = (async (z, bundle) => {
  const { contact_id } = parseInput(z, ContactIdInput, bundle.inputData, inputFields);
  const contact = await lunarsend(z).getContact(contact_id);
  return contact ? [flattenContact(contact)] : [];
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact_by_id',
  noun: 'Contact',
  display: {
    label: 'Find Contact by ID',
    description:
      'Finds a LunarSend contact by its ID, to get its current details. Tags are not part of this answer; use Find Contact for them.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenContact(CONTACT),
    outputFields: contactOutputFields,
  },
});
