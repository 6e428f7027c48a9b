import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { newestPage } from '../src/polling';
import { flattenOpportunity } from '../src/map';
import { OPPORTUNITY } from '../src/samples';
import { opportunityOutputs } from '../src/outputs';

/** Opportunities have no since-filter in the OpenAPI document: the sort alone finds the newest. */
const perform = (async (z) => {
  const deals = await newestPage(
    apideck(z).opportunities,
    { sort: { by: 'created_at', direction: 'desc' }, limit: POLL_PAGE_SIZE },
    (o) => o.created_at,
  );
  return deals.map(flattenOpportunity);
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_deal',
  noun: 'Deal',
  display: {
    label: 'New Deal',
    description:
      'Triggers when a new deal (opportunity) is created in your CRM. With HubSpot, the company and contact ids are empty here (HubSpot leaves them out of sorted lists): use a Find step for them.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenOpportunity(OPPORTUNITY),
    outputFields: opportunityOutputs,
  },
});
