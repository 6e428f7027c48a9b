import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { userChoice } from '../src/map';

const perform = (async (z, bundle) => {
  const items = await itemsOfPage(
    z,
    (cursor) => apideck(z).users({ limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return items.map(userChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_users',
  noun: 'User',
  display: { label: 'List Users', description: 'Lists the CRM users (owners), for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: { id: '54321', name: 'Jordan Rivera' },
    outputFields: [
      { key: 'id', label: 'User ID' },
      { key: 'name', label: 'User Name' },
    ],
  },
});
