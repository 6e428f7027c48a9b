import { newestFirst } from '@crm-zapier/kit';
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { triggerThrottle } from '../src/constants';
import { dealOutputFields, flattenDeal } from '../src/map';
import { SEARCH_DEAL } from '../src/samples';

/**
 * `GET /pipeline/search` without a term: the first page of 100 and, with more deals, the last page
 * (client `pollDeals`). LunarSend documents no change feed and no sort order; deal search results
 * carry `created_at`, so the deals read are sorted newest first here. Zapier's de-duplication by deal
 * id does the rest.
 */
const perform = (async (z) =>
  newestFirst(await lunarsend(z).pollDeals(), (d) => d.created_at).map(flattenDeal)) satisfies PollingTriggerPerform<
  []
>;

export default defineTrigger({
  key: 'new_deal',
  noun: 'Deal',
  display: {
    label: 'New Deal',
    description: 'Triggers when a new pipeline deal is added.',
  },
  operation: {
    type: 'polling',
    perform,
    throttle: triggerThrottle(),
    sample: flattenDeal(SEARCH_DEAL),
    outputFields: dealOutputFields,
  },
});
