import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { dealCustomOutputFields, dealIdField, dealValuesShape } from '../src/inputs';
import { dealOutputFields, flattenDeal, staticSample } from '../src/map';
import { dealFieldsValues, inputError, stageProblem } from '../src/deals';
import { DEAL } from '../src/samples';
import type { DealUpdateBody } from '../src/schemas';

export const inputFields = defineInputFields([
  dealIdField,
  {
    key: 'stage_id',
    label: 'Stage',
    required: false,
    dynamic: 'list_stages.id.name',
    helpText:
      "The stage to move the deal to, in the deal's own pipeline (a deal stays in its pipeline; won and lost are set in Nimble). With a Deal picked above, its pipeline's open stages are listed. Leave empty to keep the stage.",
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
    helpText: "When the deal is expected to close: only the date is kept, as a date in your Zap's time zone.",
  },
  { key: 'description', label: 'Description', type: 'text', required: false },
]);

const UpdateDealInput = z.object({
  deal_id: inputs.id(),
  stage_id: inputs.optional(inputs.id()),
  name: inputs.optional(inputs.text()),
  ...dealValuesShape,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateDealInput, bundle.inputData, inputFields);
  const changesFields = ['name', 'amount', 'probability', 'expected_close_date', 'description'].some(
    (k) => input[k as keyof typeof input] !== undefined,
  );
  if (!changesFields && !input.stage_id && !input.currency) {
    throw new z.errors.Error(
      'Please fill in at least one field to change: Stage, Deal Name, Amount, Currency, Probability (%), Expected Close Date or Description.',
      'InvalidInput',
      400,
    );
  }
  const api = nimble(z);
  if (input.stage_id) {
    // nimble.md §12.3: "A stage change must stay within the current pipeline and cannot mark a deal
    // won or lost." The deal's pipeline is read now, and the stage checked in it, before the change.
    const pipelineId = (await api.getDeal(input.deal_id)).stage_transitions?.pipeline_id;
    if (pipelineId) {
      const problem = stageProblem(await api.pipeline(pipelineId), input.stage_id, "the deal's");
      if (problem) throw inputError(z, 'Stage', problem);
    }
  }
  // Only what was given is sent, so everything else on the deal stays as it is; a stage without its
  // pipeline (the deal keeps its own).
  const body: DealUpdateBody = {
    ...(input.stage_id ? { stage_id: input.stage_id } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(changesFields ? { fields_values: await dealFieldsValues(z, input, bundle.meta?.timezone) } : {}),
  };
  return flattenDeal(await api.updateDeal(input.deal_id, body));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_deal',
  noun: 'Deal',
  display: {
    label: 'Update Deal',
    description: 'Moves a deal to another stage of its pipeline, or changes its name, amount, close date and more.',
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
