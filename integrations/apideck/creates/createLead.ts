import { parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenLead } from '../src/map';
import { LEAD } from '../src/samples';
import {
  PERSON_GROUPS,
  channelLineFields,
  channelLineShape,
  leadInputFields,
  leadInputShape,
  toLeadBody,
  withChannelLines,
} from '../src/inputs';
import { leadOutputs } from '../src/outputs';

export const inputFields = defineInputFields([...leadInputFields, ...channelLineFields, customFieldInputs('leads')]);

const CreateLeadInput = zod
  .object({ ...leadInputShape, ...channelLineShape })
  .refine((i) => i.name !== undefined || i.first_name !== undefined || i.last_name !== undefined, {
    message: 'Enter a First Name, Last Name or Full Name',
    path: ['last_name'],
  });

/** One request: the output is the new id with what was sent, flattened like Find Lead. */
const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateLeadInput, withCustomFields(z, bundle.inputData), inputFields);
  const body = withChannelLines(toLeadBody(input, 'create'), input);
  const created = await apideck(z).createLead(body);
  return flattenLead({ ...body, id: created.id });
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create Lead',
    description: 'Creates a lead (a prospect not yet qualified) in your CRM, with email, phone, address and company.',
  },
  operation: {
    inputFields,
    inputFieldGroups: PERSON_GROUPS,
    perform,
    // Find or Create Lead: two runs of one Zap with the same email must not both create the lead
    // (enforced by Zapier's infrastructure, per connection).
    lock: { key: 'apideck:create_lead:{{bundle.inputData.email}}', scope: ['auth'], timeout: 60 },
    sample: flattenLead(LEAD),
    outputFields: leadOutputs,
  },
});
