import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { newestPage } from '../src/polling';
import { flattenLead } from '../src/map';
import { LEAD } from '../src/samples';
import { leadOutputs } from '../src/outputs';

/** Leads have no `created_since` filter in the document (LeadsFilter): the sort finds the newest. */
const perform = (async (z) => {
  const leads = await newestPage(
    apideck(z).leads,
    { sort: { by: 'created_at', direction: 'desc' }, limit: POLL_PAGE_SIZE },
    (l) => l.created_at,
  );
  return leads.map(flattenLead);
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_lead',
  noun: 'Lead',
  display: {
    label: 'New Lead',
    description:
      'Triggers when a new lead is created in the connected CRM. Checks for new leads every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: flattenLead(LEAD),
    outputFields: leadOutputs,
  },
});
