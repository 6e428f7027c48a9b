import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { exactMatches, sameText, severalMatches } from '../src/exact';
import { flattenCompany } from '../src/map';
import { COMPANY, OWNER_NAMES } from '../src/samples';
import { companyOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Company Name',
    required: true,
    helpText:
      'Find the one company with exactly this name (any case, e.g. `spacex` finds `SpaceX` but not `SpaceX Starbase`) and update it. When none has it, a new company is created; when several have it, the step stops with an error.',
  },
]);

const FindCompanyExactInput = zod.object({ name: inputs.text() });

/**
 * The search behind Find or Create Company (see `src/exact.ts`): `filter[name]`, which the
 * connector may match on part of the name, then only the companies whose whole name is the input.
 */
const perform = (async (z, bundle) => {
  const { name } = parseInput(z, FindCompanyExactInput, bundle.inputData, inputFields);
  const client = apideck(z);
  const found = await exactMatches(
    z,
    (page) => client.companies({ filter: { name }, ...page }),
    (c) => sameText(c.name, name),
    `the name ${name}`,
  );
  if (found.length > 1) throw severalMatches(z, 'company', `the name ${name} (Company Name)`);
  const names = await ownerNames(z, found);
  return found.map((r) => flattenCompany(r, names(r)));
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_company_exact',
  noun: 'Company',
  display: {
    label: 'Find Company by Exact Name',
    description: 'Finds the one company with exactly this name, for Find or Create Company.',
    hidden: true,
  },
  operation: {
    inputFields,
    perform,
    sample: flattenCompany(COMPANY, OWNER_NAMES),
    outputFields: companyOutputs,
  },
});
