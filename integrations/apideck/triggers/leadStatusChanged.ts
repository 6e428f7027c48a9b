import { inputs, nonBlank, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { flattenLeadUpdate } from '../src/map';
import { newestPage } from '../src/polling';
import { LEAD } from '../src/samples';
import { customOutputFields, eventIdField, leadOutputFields } from '../src/outputs';

export const inputFields = defineInputFields([
  {
    key: 'status',
    label: 'Status',
    required: false,
    helpText:
      'Only leads that reach this status, as your CRM names it (e.g. `Qualified`; any case). Leave empty for a change to any status.',
  },
]);

const LeadStatusChangedInput = zod.object({ status: inputs.optional(inputs.text()) });

/**
 * One request per poll: the 100 most recently updated leads, newest first (leads have no
 * `updated_since` filter, and no filter on status, apideck-crm.md §2.1; sort by `updated_at`, §2.2),
 * with the plain listing after a connector's refusal (`src/polling.ts`). A lead records its status
 * but not when or from what it changed (§9): each status a lead is seen in gets one id (lead id,
 * `status`, a hash of the status), so Zapier's dedupe lets each new status through once and other
 * edits find their id seen. The Status input is applied to the page here.
 */
const perform = (async (z, bundle) => {
  const { status } = parseInput(z, LeadStatusChangedInput, bundle.inputData, inputFields);
  const leads = await newestPage(
    apideck(z).leads,
    { sort: { by: 'updated_at', direction: 'desc' }, limit: POLL_PAGE_SIZE },
    (l) => l.updated_at ?? l.created_at,
  );
  const wanted = status?.toLowerCase();
  return leads
    .filter((l) => {
      const now = nonBlank(l.status)?.toLowerCase();
      return now !== undefined && (wanted === undefined || now === wanted);
    })
    .map(flattenLeadUpdate);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'lead_status_changed',
  noun: 'Lead',
  display: {
    label: 'Lead Status Changed',
    description:
      'Triggers when a lead in the connected CRM gets a new status, or only when it reaches the status you pick. Checks for changes every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenLeadUpdate(LEAD),
    outputFields: [
      eventIdField('Status Change ID'),
      { key: 'lead_id', label: 'Lead ID', type: 'string' },
      ...leadOutputFields.filter((f) => f.key !== 'id'),
      customOutputFields('leads'),
    ],
  },
});
