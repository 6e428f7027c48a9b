import { sinceFor } from '@crm-zapier/kit';
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { flattenCompany } from '../src/map';
import { LOOK_BACK, newestPage } from '../src/polling';
import { COMPANY, OWNER_NAMES } from '../src/samples';
import { companyOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

/**
 * As New Contact: `filter[created_since]` (CompaniesFilter, [SDK latest] in apideck-crm.md §2.1),
 * newest first, 100 at most; a connector that refuses the filter or the sort gets one plain listing
 * (`src/polling.ts`). The owner names come from one more request, the user list, for the whole poll.
 */
const perform = (async (z, bundle) => {
  const companies = await newestPage(
    apideck(z).companies,
    {
      filter: { created_since: sinceFor(bundle, LOOK_BACK) },
      sort: { by: 'created_at', direction: 'desc' },
      limit: POLL_PAGE_SIZE,
    },
    (c) => c.created_at,
  );
  const names = await ownerNames(z, companies);
  return companies.map((c) => flattenCompany(c, names(c)));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_company',
  noun: 'Company',
  display: {
    label: 'New Company',
    description:
      'Triggers when a new company is created in the connected CRM. Checks for new companies every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenCompany(COMPANY, OWNER_NAMES),
    outputFields: companyOutputs,
  },
});
