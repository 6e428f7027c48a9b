import { sinceFor } from '@crm-zapier/kit';
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { flattenContactUpdate } from '../src/map';
import { LOOK_BACK, newestPage } from '../src/polling';
import { CONTACT, OWNER_NAMES } from '../src/samples';
import { contactOutputFields, customOutputFields, eventIdField } from '../src/outputs';
import { ownerNames } from '../src/names';

const perform = (async (z, bundle) => {
  const contacts = await newestPage(
    apideck(z).contacts,
    {
      filter: { updated_since: sinceFor(bundle, LOOK_BACK) },
      sort: { by: 'updated_at', direction: 'desc' },
      limit: POLL_PAGE_SIZE,
    },
    (c) => c.updated_at ?? c.created_at,
  );
  const names = await ownerNames(z, contacts);
  return contacts.map((r) => flattenContactUpdate(r, names(r)));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'updated_contact',
  noun: 'Contact',
  display: {
    label: 'Updated Contact',
    description:
      'Triggers when a contact in the connected CRM is updated (each update triggers once). Checks for updates every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenContactUpdate(CONTACT, OWNER_NAMES),
    outputFields: [
      eventIdField('Update ID'),
      { key: 'contact_id', label: 'Contact ID', type: 'string' },
      ...contactOutputFields.filter((f) => f.key !== 'id'),
      customOutputFields('contacts'),
    ],
  },
});
