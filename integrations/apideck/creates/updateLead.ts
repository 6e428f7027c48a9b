import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { leadIdField, leadOutputFields } from '../src/fields';
import { PERSON_GROUPS } from '../src/groups';
import { leadInputFields, leadInputShape, toLeadBody } from '../src/leadInputs';
import { flattenLead } from '../src/map';
import { LEAD } from '../src/samples';

export const inputFields = defineInputFields([{ ...leadIdField, required: true }, ...leadInputFields]);

const UpdateLeadInput = lazySchema((zod) =>
  zod
    .object({ lead_id: inputs.id(), ...leadInputShape(zod) })
    .refine((i) => Object.entries(i).some(([k, x]) => k !== 'lead_id' && x !== undefined), {
      message: 'Fill in at least one field to change',
      path: ['lead_id'],
    }),
);

/**
 * Two requests, as Update Contact: PATCH sends only the fields filled in, Apideck answers with the
 * id alone, so the lead is read back (`GET /crm/leads/{id}`) and output as the CRM has it.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateLeadInput, bundle.inputData, inputFields);
  const client = apideck(z);
  const updated = await client.updateLead(input.lead_id, toLeadBody(input, 'update'));
  return flattenLead(await client.lead(updated.id));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_lead',
  noun: 'Lead',
  display: {
    label: 'Update Lead',
    description: 'Updates an existing lead in your CRM: only the fields you fill in are changed.',
  },
  operation: {
    inputFields,
    inputFieldGroups: PERSON_GROUPS,
    perform,
    sample: flattenLead(LEAD),
    outputFields: leadOutputFields,
  },
});
