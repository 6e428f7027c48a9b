import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { MAX_PAGE_SIZE, triggerThrottle } from '../src/constants';
import { dealChoice } from '../src/map';
import { SEARCH_DEAL } from '../src/samples';

/**
 * The deal dropdown: one page of `GET /pipeline/search` per request. Like the contact dropdown, a
 * search without a term lists every deal.
 */
const perform = (async (z, bundle) => {
  const { data } = await lunarsend(z).searchDeals({ query_amount: MAX_PAGE_SIZE, page: bundle.meta?.page ?? 0 });
  return data.map(dealChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_deals',
  noun: 'Deal',
  display: {
    label: 'List Deals',
    description: 'Lists pipeline deals for dropdowns, one page of 100 at a time.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    throttle: triggerThrottle(),
    sample: dealChoice(SEARCH_DEAL),
    outputFields: [
      { key: 'id', label: 'Deal ID' },
      { key: 'name', label: 'Deal' },
    ],
  },
});
