import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { dealIdField, dealOutputFields, id, stage, text } from '../src/fields';
import { defined, flattenDeal } from '../src/map';
import { DEAL } from '../src/samples';
import { dealDetailRules, inputFields as createDealFields } from './createDeal';

/** Create Deal's fields, none of them required: an empty field keeps the deal's current value. */
const changeFields = createDealFields.map((f) => {
  const help: Record<string, string> = {
    company: 'The company the deal is with.',
    stage: 'Move the deal to this pipeline stage.',
    deal_size: 'The new value of the deal as a plain number, without a currency symbol (for example `12000`).',
    open_date: 'When the deal was opened.',
    user_id: 'The LunarSend team member who owns the deal from now on.',
    notes: 'The new notes of the deal; they replace the current notes.',
  };
  return { ...f, required: false, helpText: help[f.key] ?? ('helpText' in f ? f.helpText : undefined) };
});

export const inputFields = defineInputFields([
  {
    ...dealIdField,
    helpText: `${dealIdField.helpText} Only the fields you fill in below are changed; empty fields keep their current value.`,
  },
  ...changeFields,
]);

const UpdateDealInput = lazySchema((zod) =>
  zod.object({
    deal_id: id(),
    company: inputs.optional(text()),
    stage: inputs.optional(stage()),
    ...dealDetailRules(),
  }),
);

const perform = (async (z, bundle) => {
  const { deal_id, ...changes } = parseInput(z, UpdateDealInput, bundle.inputData, inputFields);
  const fields = defined(changes);
  if (Object.keys(fields).length === 0) {
    throw new z.errors.Error('Please fill in at least one field to change on the deal.', 'InvalidInput', 400);
  }
  const deal = await lunarsend(z).updateDeal({ id: deal_id, ...fields });
  return flattenDeal(deal);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_deal',
  noun: 'Deal',
  display: {
    label: 'Update Deal',
    description:
      'Updates an existing LunarSend pipeline deal, for example moving it to another stage, changing only the fields you fill in.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal({ ...DEAL, stage: 'Negotiation', deal_size: 15000 }),
    outputFields: dealOutputFields,
  },
});
