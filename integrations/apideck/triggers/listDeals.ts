import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { dealChoice } from '../src/map';
import { OPPORTUNITY } from '../src/samples';

/** Newest deals (opportunities) first, so the ones a Zap is most likely to need are on the first page. */
const perform = (async (z, bundle) => {
  const items = await itemsOfPage(
    z,
    (cursor) =>
      apideck(z).opportunities({ sort: { by: 'created_at', direction: 'desc' }, limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return items.map(dealChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_deals',
  noun: 'Deal',
  display: {
    label: 'List Deals',
    description: 'Lists the deals (opportunities) in the CRM, for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: dealChoice(OPPORTUNITY),
    outputFields: [
      { key: 'id', label: 'Deal ID' },
      { key: 'name', label: 'Deal Title' },
    ],
  },
});
