import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import {
  contactIdField,
  dealOutputFields,
  dealSize,
  id,
  isoDateTime,
  ownerField,
  stage,
  stageChoices,
  text,
} from '../src/fields';
import { defined, flattenDeal } from '../src/map';
import { actionThrottle } from '../src/constants';
import { DEAL } from '../src/samples';

export const inputFields = defineInputFields([
  { key: 'company', label: 'Company', required: true, helpText: 'The company the deal is with.' },
  {
    key: 'stage',
    label: 'Stage',
    required: true,
    choices: stageChoices,
    helpText: 'The pipeline stage the deal starts in.',
  },
  {
    key: 'deal_size',
    label: 'Deal Size',
    type: 'number',
    required: false,
    helpText:
      'The value of the deal as a plain number, without a currency symbol (for example `12000`). LunarSend uses 0 when empty.',
  },
  {
    key: 'open_date',
    label: 'Open Date',
    type: 'datetime',
    required: false,
    helpText: 'When the deal was opened. LunarSend uses the current time when empty.',
  },
  {
    key: 'close_date',
    label: 'Close Date',
    type: 'datetime',
    required: false,
    helpText: 'When the deal closed or is expected to close.',
  },
  {
    ...contactIdField,
    key: 'primary_contact',
    label: 'Primary Contact',
    required: false,
    helpText:
      "The deal's main contact in LunarSend. LunarSend can also set it from **Contact Email**; when both are filled in they should name the same contact.",
  },
  {
    key: 'contact_email',
    label: 'Contact Email',
    required: false,
    helpText: "The email address of the deal's contact.",
  },
  { key: 'notes', label: 'Notes', required: false, type: 'text' },
  ownerField,
]);

/**
 * The rules of the deal fields besides company and stage, the same on create and update. They build
 * schemas: call this inside a `lazySchema` builder.
 */
export const dealDetailRules = () => ({
  deal_size: inputs.optional(dealSize()),
  open_date: inputs.optional(isoDateTime()),
  close_date: inputs.optional(isoDateTime()),
  primary_contact: inputs.optional(id()),
  contact_email: inputs.optional(inputs.email()),
  notes: inputs.optional(text()),
  user_id: inputs.optional(id()),
});

const CreateDealInput = lazySchema((zod) => zod.object({ company: text(), stage: stage(), ...dealDetailRules() }));

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateDealInput, bundle.inputData, inputFields);
  const deal = await lunarsend(z).createDeal(defined(input));
  return flattenDeal(deal);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_deal',
  noun: 'Deal',
  display: { label: 'Create Deal', description: 'Creates a new deal in the LunarSend pipeline.' },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal(DEAL),
    outputFields: dealOutputFields,
  },
});
