import { newestFirst } from '@crm-zapier/kit';
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { contactOutputFields } from '../src/fields';
import { flattenContact } from '../src/map';
import { sinceFor } from '../src/polling';
import { CONTACT } from '../src/samples';

const perform = (async (z, bundle) => {
  const page = await apideck(z).contacts({
    filter: { created_since: sinceFor(bundle) },
    sort: { by: 'created_at', direction: 'desc' },
    limit: POLL_PAGE_SIZE,
  });
  // Sorted by Apideck already; sorting again costs nothing and guards a connector that ignores it.
  return newestFirst(page.items, (c) => c.created_at).map(flattenContact);
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a new contact is created in your CRM.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenContact(CONTACT),
    outputFields: contactOutputFields,
  },
});
