import { inputs, orNotFound, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { dealsNamed } from '../src/deals';
import { DEAL_DROPDOWN, dealCustomOutputFields } from '../src/inputs';
import { dealOutputFields, flattenDeal, staticSample } from '../src/map';
import { DEAL } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'deal_id',
    label: 'Deal',
    required: false,
    dynamic: DEAL_DROPDOWN,
    helpText:
      'Find exactly this deal: pick it, or map it from an earlier step such as **New Deal**. Leave empty to search by name.',
  },
  {
    key: 'name',
    label: 'Deal Name',
    required: false,
    helpText:
      'Find deals whose name contains these words (case and accents ignored); an exact name comes first, then the most recently changed.',
  },
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    helpText: 'Only deals in this pipeline (with Deal Name). Leave empty to search every pipeline.',
  },
]);

const FindDealInput = z
  .object({
    deal_id: inputs.optional(inputs.id()),
    name: inputs.optional(inputs.text()),
    pipeline_id: inputs.optional(inputs.id()),
  })
  .refine((i) => i.deal_id || i.name, { message: 'Pick a Deal or enter a Deal Name to search for', path: ['name'] })
  .refine((i) => !(i.deal_id && (i.name || i.pipeline_id)), {
    message: "can't be combined with Deal Name or Pipeline: a Deal finds exactly that one deal",
    path: ['deal_id'],
  });

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindDealInput, bundle.inputData, inputFields);
  if (input.deal_id) {
    // A 404 finds nothing; it is not a failure.
    const deal = await orNotFound(nimble(z).getDeal(input.deal_id));
    return deal ? [flattenDeal(deal)] : [];
  }
  return (await dealsNamed(z, input.name!, input.pipeline_id)).deals;
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_deal',
  noun: 'Deal',
  display: {
    label: 'Find Deal',
    description: 'Finds a deal, or deals by name in one pipeline or in all of them.',
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
