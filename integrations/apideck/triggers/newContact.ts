import { sinceFor } from '@crm-zapier/kit';
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { flattenContact } from '../src/map';
import { LOOK_BACK, newestPage } from '../src/polling';
import { CONTACT, OWNER_NAMES } from '../src/samples';
import { contactOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

const perform = (async (z, bundle) => {
  // Sorted by Apideck already; newestPage sorts again, which guards a connector that ignores the sort.
  const contacts = await newestPage(
    apideck(z).contacts,
    {
      filter: { created_since: sinceFor(bundle, LOOK_BACK) },
      sort: { by: 'created_at', direction: 'desc' },
      limit: POLL_PAGE_SIZE,
    },
    (c) => c.created_at,
  );
  const names = await ownerNames(z, contacts);
  return contacts.map((r) => flattenContact(r, names(r)));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description:
      'Triggers when a new contact is created in the connected CRM. Checks for new contacts every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenContact(CONTACT, OWNER_NAMES),
    outputFields: contactOutputs,
  },
});
