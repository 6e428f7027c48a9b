import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { SEARCH_PAGE_SIZE } from '../src/constants';
import { flattenCompany } from '../src/map';
import { COMPANY } from '../src/samples';
import { companyOutputs } from '../src/outputs';

export const inputFields = defineInputFields([
  { key: 'name', label: 'Company Name', required: true, helpText: 'Find the company with this name, e.g. `SpaceX`.' },
]);

const FindCompanyInput = zod.object({ name: inputs.text() });

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindCompanyInput, bundle.inputData, inputFields);
  const page = await apideck(z).companies({ filter: { name: input.name }, limit: SEARCH_PAGE_SIZE });
  return page.items.map(flattenCompany);
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
    sample: flattenCompany(COMPANY),
    outputFields: companyOutputs,
  },
});
