import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { SEARCH_PAGE_SIZE } from '../src/constants';
import { flattenCompany } from '../src/map';
import { COMPANY, OWNER_NAMES } from '../src/samples';
import { companyOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  { key: 'name', label: 'Company Name', required: true, helpText: 'Find the company with this name, e.g. `SpaceX`.' },
]);

const FindCompanyInput = zod.object({ name: inputs.text() });

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindCompanyInput, bundle.inputData, inputFields);
  const page = await apideck(z).companies({ filter: { name: input.name }, limit: SEARCH_PAGE_SIZE });
  const names = await ownerNames(z, page.items);
  return page.items.map((r) => flattenCompany(r, names(r)));
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_company',
  noun: 'Company',
  display: {
    label: 'Find Company',
    description: 'Finds a company in your CRM by name.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenCompany(COMPANY, OWNER_NAMES),
    outputFields: companyOutputs,
  },
});
