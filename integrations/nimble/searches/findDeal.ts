import { inputs, orNotFound, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { FIND_DEAL_WINDOW, nimble } from '../src/client';
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
    helpText: `Find deals whose name contains these words (case and accents ignored); an exact name comes first. Only the ${FIND_DEAL_WINDOW} most recently changed deals are looked through.`,
  },
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    helpText: 'Only deals in this pipeline (with Deal Name). Leave empty for every pipeline.',
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

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindDealInput, bundle.inputData, inputFields);
  const api = nimble(z);
  if (input.deal_id) {
    // A 404 finds nothing; it is not a failure.
    const deal = await orNotFound(api.getDeal(input.deal_id));
    return deal ? [flattenDeal(deal)] : [];
  }
  const words = fold(input.name!).split(/\s+/);
  const wanted = fold(input.name!);
  const matches = (await api.dealsByUpdate(FIND_DEAL_WINDOW))
    .map(flattenDeal)
    .filter((d) => !input.pipeline_id || d.pipeline_id === input.pipeline_id)
    .filter((d) => {
      const name = fold(typeof d.name === 'string' ? d.name : '');
      return words.every((w) => name.includes(w));
    });
  // Exact names first; otherwise Nimble's order (most recently changed first) is kept.
  const exact = (d: (typeof matches)[number]) => (fold(String(d.name ?? '')) === wanted ? 0 : 1);
  return matches
    .map((d, i) => ({ d, i }))
    .sort((a, b) => exact(a.d) - exact(b.d) || a.i - b.i)
    .map(({ d }) => d);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_deal',
  noun: 'Deal',
  display: {
    label: 'Find Deal',
    description: 'Finds a deal, or deals by name among the most recently changed ones.',
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
