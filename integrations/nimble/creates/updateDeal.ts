import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { dealFieldsValues } from '../src/deals';
import { dealCustomOutputFields, dealIdField, dealOutputFields } from '../src/fields';
import { dealValuesShape } from '../src/inputs';
import { flattenDeal, staticSample } from '../src/map';
import { DEAL } from '../src/samples';
import type { DealUpdateBody } from '../src/schemas';

export const inputFields = defineInputFields([
  dealIdField,
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    altersDynamicFields: true,
    helpText:
      "To move the deal to another stage: the stage's pipeline (the deal's own, or another one to move it there). Leave empty to keep the stage.",
  },
  {
    key: 'stage_id',
    label: 'Stage',
    required: false,
    dynamic: 'list_stages.id.name',
    helpText: 'The stage to move the deal to. Pick the Pipeline first; its live stages are listed here.',
  },
  { key: 'name', label: 'Deal Name', required: false },
  { key: 'amount', label: 'Amount', type: 'number', required: false, helpText: 'The value of the deal (0 or more).' },
  {
    key: 'currency',
    label: 'Currency',
    required: false,
    helpText: 'Three-letter ISO 4217 code such as USD or EUR.',
  },
  {
    key: 'probability',
    label: 'Probability (%)',
    type: 'integer',
    required: false,
    helpText: '0 to 100. Leave empty to keep the current probability.',
  },
  {
    key: 'expected_close_date',
    label: 'Expected Close Date',
    type: 'datetime',
    required: false,
    helpText: 'When the deal is expected to close (only the date is kept).',
  },
  { key: 'description', label: 'Description', type: 'text', required: false },
]);

const UpdateDealInput = lazySchema((zod) =>
  zod
    .object({
      deal_id: inputs.id(),
      pipeline_id: inputs.id().optional(),
      stage_id: inputs.id().optional(),
      name: zod.string().trim().min(1).optional(),
      ...dealValuesShape(),
    })
    // Nimble moves a deal with the stage and its pipeline together (the edit description).
    .refine((i) => !i.stage_id || i.pipeline_id, {
      message: "is needed to move the deal: pick the stage's pipeline",
      path: ['pipeline_id'],
    })
    .refine((i) => !i.pipeline_id || i.stage_id, {
      message: 'pick the stage in the chosen pipeline to move the deal to',
      path: ['stage_id'],
    }),
);

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateDealInput, bundle.inputData, inputFields);
  const changesFields = ['name', 'amount', 'probability', 'expected_close_date', 'description'].some(
    (k) => input[k as keyof typeof input] !== undefined,
  );
  if (!changesFields && !input.stage_id && !input.currency) {
    throw new z.errors.Error(
      'Please fill in at least one field to change (a stage, the name, amount, currency, probability, close date or description).',
      'InvalidInput',
      400,
    );
  }
  // Only what was given is sent, so everything else on the deal stays as it is.
  const body: DealUpdateBody = {
    ...(input.stage_id ? { pipeline_id: input.pipeline_id, stage_id: input.stage_id } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(changesFields ? { fields_values: await dealFieldsValues(z, input) } : {}),
  };
  return flattenDeal(await nimble(z).updateDeal(input.deal_id, body));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_deal',
  noun: 'Deal',
  display: {
    label: 'Update Deal',
    description: 'Moves a Nimble deal to another stage, or changes its name, amount, close date and more.',
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
