import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform, type PlainInputField } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { DealChangesInput, dealFields, dealIdField } from '../src/inputs';
import { dealOutputFields, flattenDeal } from '../src/map';
import { DEAL } from '../src/samples';

/** Help texts that say "change" where Create Deal's say "set"; the other fields keep Create Deal's. */
const CHANGE_HELP: Partial<Record<string, string>> = {
  company: 'The company the deal is with.',
  stage: 'Move the deal to this pipeline stage.',
  deal_size: 'The new value of the deal as a plain number, without a currency symbol (for example `12000`).',
  open_date: 'When the deal was opened.',
  user_id: 'The team member who owns the deal from now on. Leave empty to keep its current owner.',
  notes: 'The new notes of the deal; they replace the current notes.',
};

/**
 * Create Deal's fields, none of them required (an empty field keeps the deal's current value), each
 * with its update help text; the list keeps its shape, so `bundle.inputData` stays typed.
 */
const asChanges = <T extends readonly PlainInputField[]>(fields: T) =>
  fields.map((f) => ({
    ...f,
    required: false,
    helpText: CHANGE_HELP[f.key] ?? f.helpText,
  })) as unknown as { [K in keyof T]: Omit<T[K], 'required'> & { required: false } };

export const inputFields = defineInputFields([
  {
    ...dealIdField,
    helpText: `${dealIdField.helpText} Only the fields you fill in below are changed; empty fields keep their current value.`,
  },
  ...asChanges(dealFields),
]);

const perform = (async (z, bundle) => {
  const { deal_id, ...changes } = parseInput(z, DealChangesInput, bundle.inputData, inputFields);
  if (Object.values(changes).every((v) => v === undefined)) {
    throw new z.errors.Error('Please fill in at least one field to change on the deal.', 'InvalidInput', 400);
  }
  const deal = await lunarsend(z).updateDeal({ id: deal_id, ...changes });
  return flattenDeal(deal);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_deal',
  noun: 'Deal',
  display: {
    label: 'Update Deal',
    description:
      'Updates an existing pipeline deal, for example to move it to another stage, changing only the fields you fill in.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal({ ...DEAL, stage: 'Negotiation', deal_size: 15000 }),
    outputFields: dealOutputFields,
  },
});
