import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { companyChoice } from '../src/map';

const perform = (async (z, bundle) => {
  const items = await itemsOfPage(
    z,
    (cursor) => apideck(z).companies({ sort: { by: 'name', direction: 'asc' }, limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return items.map(companyChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_companies',
  noun: 'Company',
  display: { label: 'List Companies', description: 'Lists the companies in the CRM, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: { id: '23456', name: 'Northwind Aerospace' },
    outputFields: [
      { key: 'id', label: 'Company ID' },
      { key: 'name', label: 'Company Name' },
    ],
  },
});
