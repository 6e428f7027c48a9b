import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { contactIdField, ContactIdInput } from '../src/inputs';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    label: 'Contact To Delete',
    helpText: `${contactIdField.helpText} **The contact is deleted permanently** and cannot be restored; its deals stay.`,
  },
]);

/**
 * `DELETE /contacts` with `{ contact_id }`. Inferred: no v2 page documents a delete; the v1 text gives
 * the method, the body and the plain-text answer, not the path (`DELETE_CONTACT_PATH`).
 */
const perform = (async (z, bundle) => {
  const { contact_id } = parseInput(z, ContactIdInput, bundle.inputData, inputFields);
  const message = await lunarsend(z).deleteContact(contact_id);
  return { id: contact_id, deleted: true, message: message || 'Document deleted successfully' };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'delete_contact',
  noun: 'Contact',
  display: {
    label: 'Delete Contact',
    description: 'Permanently deletes a contact. This cannot be undone.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: { id: '150c081d-5d5f-401d-abd1-727c35222054', deleted: true, message: 'Document deleted successfully' },
    outputFields: [
      { key: 'id', label: 'Deleted Contact ID', type: 'string' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
      { key: 'message', label: 'Message', type: 'string' },
    ],
  },
});
