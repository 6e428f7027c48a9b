import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { newestPage } from '../src/polling';
import { flattenOpportunityUpdate } from '../src/map';
import { OPPORTUNITY } from '../src/samples';
import { customOutputFields, eventIdField, opportunityOutputFields } from '../src/outputs';

/** Opportunities have no `updated_since` filter in any version of the document: the sort finds them. */
const perform = (async (z) => {
  const deals = await newestPage(
    apideck(z).opportunities,
    { sort: { by: 'updated_at', direction: 'desc' }, limit: POLL_PAGE_SIZE },
    (o) => o.updated_at ?? o.created_at,
  );
  return deals.map(flattenOpportunityUpdate);
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'updated_deal',
  noun: 'Deal',
  display: {
    label: 'Updated Deal',
    description:
      'Triggers when a deal (opportunity) in your CRM is updated, including stage changes. With HubSpot, the company and contact ids are empty here (HubSpot leaves them out of sorted lists).',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenOpportunityUpdate(OPPORTUNITY),
    outputFields: [
      eventIdField('Update ID'),
      ...opportunityOutputFields.filter((f) => f.key !== 'id'),
      customOutputFields('opportunities'),
    ],
  },
});
