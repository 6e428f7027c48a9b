import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenOpportunity } from '../src/map';
import { DEAL_NAMES, OPPORTUNITY } from '../src/samples';
import { dealNames } from '../src/names';
import type { OpportunityBody } from '../src/schemas';
import { dealInputFields, dealInputShape, toDealBody } from '../src/inputs';
import { opportunityOutputs } from '../src/outputs';

export const inputFields = defineInputFields([...dealInputFields(true), customFieldInputs('opportunities')]);

const CreateDealInput = zod.object({ title: inputs.text(), ...dealInputShape });

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateDealInput, withCustomFields(z, bundle.inputData), inputFields);
  const body: OpportunityBody = {
    ...toDealBody(input),
    title: input.title,
    // The 10.3.6 document requires the key (null allowed); later ones do not mind it.
    primary_contact_id: input.primary_contact_id ?? null,
  };
  const created = await apideck(z).createOpportunity(body);
  // The pipeline and stage are ids the user picked: their names come from the pipeline list.
  const names = await dealNames(z, [body]);
  return flattenOpportunity({ ...body, id: created.id }, names(body));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_deal',
  noun: 'Deal',
  display: {
    label: 'Create Deal',
    description: 'Creates a deal (opportunity) in your CRM, in the pipeline and stage you choose.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenOpportunity(OPPORTUNITY, DEAL_NAMES),
    outputFields: opportunityOutputs,
  },
});
