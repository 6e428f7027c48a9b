import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenLead } from '../src/map';
import { LEAD } from '../src/samples';
import { updateBody } from '../src/channels';
import {
  CHANNEL_MODES,
  PERSON_GROUPS,
  changesSomething,
  channelModeField,
  forUpdate,
  leadIdField,
  leadInputFields,
  leadInputShape,
  toLeadBody,
} from '../src/inputs';
import { leadOutputs } from '../src/outputs';

export const inputFields = defineInputFields([
  { ...leadIdField, required: true },
  ...forUpdate(leadInputFields),
  channelModeField,
  customFieldInputs('leads'),
]);

const UpdateLeadInput = zod
  .object({
    lead_id: inputs.id(),
    ...leadInputShape,
    channel_mode: inputs.optional(zod.enum(CHANNEL_MODES)),
  })
  .refine((i) => changesSomething(i, 'lead_id'), {
    message: 'Fill in at least one field to change',
    path: ['lead_id'],
  });

/**
 * As Update Contact: PATCH sends only the fields filled in, an email, phone number, address or
 * website is merged into the lead's list of that kind (read first, unless "Replace all"), and the
 * lead is read back (`GET /crm/leads/{id}`) and output as the CRM has it.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateLeadInput, withCustomFields(z, bundle.inputData), inputFields);
  const client = apideck(z);
  const body = await updateBody(toLeadBody(input, 'update'), input.channel_mode, () => client.leadLists(input.lead_id));
  const updated = await client.updateLead(input.lead_id, body);
  return flattenLead(await client.lead(updated.id));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_lead',
  noun: 'Lead',
  display: {
    label: 'Update Lead',
    description:
      "Updates an existing lead in your CRM: only the fields you fill in are changed, and an email, phone number, address or website is added or changed by type, keeping the lead's others.",
  },
  operation: {
    inputFields,
    inputFieldGroups: PERSON_GROUPS,
    perform,
    // Read, merge, write: one update per lead at a time (see Update Contact).
    lock: { key: 'apideck:update_lead:{{bundle.inputData.lead_id}}', scope: ['auth'], timeout: 60 },
    sample: flattenLead(LEAD),
    outputFields: leadOutputs,
  },
});
