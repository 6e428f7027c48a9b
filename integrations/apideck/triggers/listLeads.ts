import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { leadChoice } from '../src/map';
import { LEAD } from '../src/samples';

/** Newest leads first, so the ones a Zap is most likely to need are on the first page. */
const perform = (async (z, bundle) => {
  const items = await itemsOfPage(
    z,
    (cursor) => apideck(z).leads({ sort: { by: 'created_at', direction: 'desc' }, limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return items.map(leadChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_leads',
  noun: 'Lead',
  display: { label: 'List Leads', description: 'Lists the leads in the CRM, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: leadChoice(LEAD),
    outputFields: [
      { key: 'id', label: 'Lead ID' },
      { key: 'name', label: 'Lead Name and Company' },
    ],
  },
});
