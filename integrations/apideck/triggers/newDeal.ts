import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { newestPage } from '../src/polling';
import { flattenOpportunity } from '../src/map';
import { DEAL_NAMES, OPPORTUNITY } from '../src/samples';
import { dealNames } from '../src/names';
import { opportunityOutputs } from '../src/outputs';

/**
 * Opportunities have no since-filter in the OpenAPI document: the sort alone finds the newest. The
 * pipeline and stage names come from one more request, the pipeline list (`src/names.ts`).
 */
const perform = (async (z) => {
  const deals = await newestPage(
    apideck(z).opportunities,
    { sort: { by: 'created_at', direction: 'desc' }, limit: POLL_PAGE_SIZE },
    (o) => o.created_at,
  );
  const names = await dealNames(z, deals);
  return deals.map((o) => flattenOpportunity(o, names(o)));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_deal',
  noun: 'Deal',
  display: {
    label: 'New Deal',
    description:
      'Triggers when a new deal (opportunity) is created in the connected CRM. Checks for new deals every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenOpportunity(OPPORTUNITY, DEAL_NAMES),
    outputFields: opportunityOutputs,
  },
});
