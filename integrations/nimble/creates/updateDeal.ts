import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import {
  dealCustomInputFields,
  dealCustomOutputFields,
  dealIdField,
  dealValuesShape,
  filledDealFields,
} from '../src/inputs';
import { dealOutputFields, flattenDeal, staticSample } from '../src/map';
import { customDealValues, dealFieldsValues, inputError, stageProblem } from '../src/deals';
import { DEAL } from '../src/samples';
import type { DealUpdateBody } from '../src/schemas';

export const inputFields = defineInputFields([
  // The deal's pipeline decides which custom fields the form shows.
  { ...dealIdField, altersDynamicFields: true },
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
  // The deal's pipeline's custom deal fields (`fields__<slug>`): a field left empty is not sent.
  dealCustomInputFields(true),
]);

const UpdateDealInput = z.object({
  deal_id: inputs.id(),
  stage_id: inputs.optional(inputs.id()),
  name: inputs.optional(inputs.text()),
  ...dealValuesShape,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateDealInput, bundle.inputData, inputFields);
  const filled = filledDealFields(bundle.inputData);
  const changesFields = ['name', 'amount', 'probability', 'expected_close_date', 'description'].some(
    (k) => input[k as keyof typeof input] !== undefined,
  );
  if (!changesFields && !filled.length && !input.stage_id && !input.currency) {
    throw new z.errors.Error(
      'Please fill in at least one field to change: Stage, Deal Name, Amount, Currency, Probability (%), Expected Close Date, Description or a custom field.',
      'InvalidInput',
      400,
    );
  }
  const api = nimble(z);
  // The deal is read (once) when its pipeline matters: for a stage, and for custom fields.
  let own: Promise<string | undefined> | undefined;
  const dealPipelineId = () =>
    (own ??= api.getDeal(input.deal_id).then((d) => d.stage_transitions?.pipeline_id ?? undefined));
  // Custom fields are those of the deal's pipeline: each value is checked before the change is sent.
  const custom = filled.length
    ? await customDealValues(z, filled, await dealPipelineId(), "the deal's", bundle.meta?.timezone)
    : undefined;
  if (input.stage_id) {
    // nimble.md §12.3: "A stage change must stay within the current pipeline and cannot mark a deal
    // won or lost." The deal's pipeline is read now, and the stage checked in it, before the change.
    const pipelineId = await dealPipelineId();
    if (pipelineId) {
      const problem = stageProblem(await api.pipeline(pipelineId), input.stage_id, "the deal's");
      if (problem) throw inputError(z, 'Stage', problem);
    }
  }
  // Only what was given is sent, so everything else on the deal stays as it is (nimble.md §12.3:
  // inside fields_values, "other fields stay unchanged"); a stage without its pipeline (the deal
  // keeps its own).
  const body: DealUpdateBody = {
    ...(input.stage_id ? { stage_id: input.stage_id } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(changesFields || custom
      ? { fields_values: await dealFieldsValues(z, input, bundle.meta?.timezone, custom) }
      : {}),
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
