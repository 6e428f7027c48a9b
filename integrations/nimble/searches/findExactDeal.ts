import { inputs, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { FIND_DEAL_PER_STAGE } from '../src/client';
import { dealsNamed, hasExactName } from '../src/deals';
import { dealCustomOutputFields } from '../src/inputs';
import { dealOutputFields, flattenDeal, staticSample } from '../src/map';
import { DEAL } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Deal Name',
    required: true,
    helpText:
      'The deal named exactly this (upper and lower case and accents aside): `Acme` does not match Acme renewal.',
  },
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    helpText: 'Look only in this pipeline. Leave empty to look in every pipeline.',
  },
]);

const FindExactDealInput = z.object({ name: inputs.text(), pipeline_id: inputs.optional(inputs.id()) });

/**
 * Find or Create Deal's search: Find Deal's name search (a pipeline's search, or every pipeline's),
 * keeping only the deals named exactly as given, the most recently changed first. Find Deal's own
 * matches are by words ("Acme" finds "Acme renewal"), which would stop a create.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, FindExactDealInput, bundle.inputData, inputFields);
  const { deals, cut } = await dealsNamed(z, input.name, input.pipeline_id);
  if (cut) {
    // Creating now could duplicate a deal the search did not get to see.
    throw new z.errors.Error(
      `Nimble found ${FIND_DEAL_PER_STAGE} or more deals in one stage whose names contain "${input.name}", too many to check that none is named exactly so. Pick the pipeline, or give a more specific name.`,
      'MultipleMatches',
      409,
    );
  }
  return deals.filter((d) => hasExactName(d, input.name));
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_deal_exact',
  noun: 'Deal',
  display: {
    label: 'Find Deal by Exact Name',
    description: 'Finds the deals named exactly as given, in one pipeline or in all of them.',
    hidden: true,
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
