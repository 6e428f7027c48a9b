import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { companyInputFields, companyInputShape, toCompanyBody } from '../src/companyInputs';
import { companyField, companyOutputFields } from '../src/fields';
import { COMPANY_GROUPS } from '../src/groups';
import { flattenCompany } from '../src/map';
import { COMPANY } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...companyField,
    required: true,
    search: 'find_company.id',
    helpText:
      'The company to update. Pick one, search for it by name with **Find Company**, or map a Company ID from an earlier step.',
  },
  ...companyInputFields(false),
]);

const UpdateCompanyInput = lazySchema((zod) =>
  zod
    .object({ company_id: inputs.id(), name: inputs.optional(inputs.text()), ...companyInputShape(zod) })
    .refine((i) => Object.entries(i).some(([k, x]) => k !== 'company_id' && x !== undefined), {
      message: 'Fill in at least one field to change',
      path: ['company_id'],
    }),
);

/**
 * Two requests, as Update Contact: PATCH sends only the fields filled in, Apideck answers with the
 * id alone, so the company is read back (`GET /crm/companies/{id}`) and output as the CRM has it.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateCompanyInput, bundle.inputData, inputFields);
  const client = apideck(z);
  const updated = await client.updateCompany(input.company_id, toCompanyBody(input));
  return flattenCompany(await client.company(updated.id));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_company',
  noun: 'Company',
  display: {
    label: 'Update Company',
    description: 'Updates an existing company in your CRM: only the fields you fill in are changed.',
  },
  operation: {
    inputFields,
    inputFieldGroups: COMPANY_GROUPS,
    perform,
    sample: flattenCompany(COMPANY),
    outputFields: companyOutputFields,
  },
});
