import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { contactChoice } from '../src/map';
import { CONTACT } from '../src/samples';

/** Newest contacts first, so the ones a Zap is most likely to need are on the first page. */
const perform = (async (z, bundle) => {
  const items = await itemsOfPage(
    z,
    (cursor) =>
      apideck(z).contacts({ sort: { by: 'created_at', direction: 'desc' }, limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return items.map(contactChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_contacts',
  noun: 'Contact',
  display: { label: 'List Contacts', description: 'Lists the contacts in the CRM, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: contactChoice(CONTACT),
    outputFields: [
      { key: 'id', label: 'Contact ID' },
      { key: 'name', label: 'Contact Name and Email' },
    ],
  },
});
