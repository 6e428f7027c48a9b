import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenOpportunity } from '../src/map';
import { DEAL_NAMES, OPPORTUNITY } from '../src/samples';
import { dealNames } from '../src/names';
import { dealInputFields, dealInputShape, opportunityIdField, toDealBody } from '../src/inputs';
import { opportunityOutputs } from '../src/outputs';

export const inputFields = defineInputFields([
  {
    ...opportunityIdField,
    required: true,
    helpText:
      'The deal to update. Pick one, search for it by title with **Find Deal**, or map a Deal ID from a deal trigger or a **Create Deal** step.',
  },
  ...dealInputFields(false),
  customFieldInputs('opportunities'),
]);

const UpdateDealInput = zod
  .object({ opportunity_id: inputs.id(), title: inputs.optional(inputs.text()), ...dealInputShape })
  .refine((i) => Object.entries(i).some(([k, x]) => k !== 'opportunity_id' && x !== undefined), {
    message: 'Fill in at least one field to change',
    path: ['opportunity_id'],
  });

/**
 * Two requests, as Update Contact: PATCH sends only the fields filled in (a stage move is just the
 * stage), Apideck answers with the id alone, so the deal is read back
 * (`GET /crm/opportunities/{id}`) and output as the CRM has it.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateDealInput, withCustomFields(z, bundle.inputData), inputFields);
  const client = apideck(z);
  const updated = await client.updateOpportunity(input.opportunity_id, toDealBody(input));
  const deal = await client.opportunity(updated.id);
  return flattenOpportunity(deal, (await dealNames(z, [deal]))(deal));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_deal',
  noun: 'Deal',
  display: {
    label: 'Update Deal',
    description:
      'Updates an existing deal (opportunity) in your CRM, e.g. moves it to another stage: only the fields you fill in are changed.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenOpportunity(OPPORTUNITY, DEAL_NAMES),
    outputFields: opportunityOutputs,
  },
});
