import { orNotFound, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { contactIdField, ContactIdInput } from '../src/inputs';
import { contactTags, flattenContact, linkedTags, taggedContactOutputFields } from '../src/map';
import { ELENA, TAG } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    helpText:
      'The contact to read: pick one from the list, or map a Contact ID from an earlier step. When no contact has this ID, the search finds nothing.',
  },
]);

/**
 * `GET /contacts?id=`, then its tags with `GET /contacts/tags?id=` (a get answers no tags,
 * lunarsend.md "Contacts"): 1 request when no contact has the id, 2 otherwise. A contact gone by the
 * time its tags are read is nothing found.
 */
const perform = (async (z, bundle) => {
  const { contact_id } = parseInput(z, ContactIdInput, bundle.inputData, inputFields);
  const api = lunarsend(z);
  const contact = await api.getContact(contact_id);
  if (!contact) return [];
  const tags = await orNotFound(api.contactTags(contact.id));
  return tags ? [{ ...flattenContact(contact), ...contactTags(linkedTags(tags)) }] : [];
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact_by_id',
  noun: 'Contact',
  display: {
    label: 'Find Contact by ID',
    description: 'Finds a contact by its ID, with its current details and tags.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: { ...flattenContact(ELENA), ...contactTags([{ id: TAG.id, name: TAG.tag_name }]) },
    outputFields: taggedContactOutputFields,
  },
});
