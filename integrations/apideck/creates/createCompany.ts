import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { companyInputFields, companyInputShape, toCompanyBody } from '../src/companyInputs';
import { companyOutputs } from '../src/fields';
import { COMPANY_GROUPS } from '../src/groups';
import { flattenCompany } from '../src/map';
import { COMPANY } from '../src/samples';

export const inputFields = companyInputFields(true);

const CreateCompanyInput = lazySchema((zod) => zod.object({ name: inputs.text(), ...companyInputShape(zod) }));

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateCompanyInput, bundle.inputData, inputFields);
  const body = toCompanyBody(input);
  const created = await apideck(z).createCompany(body);
  return flattenCompany({ ...body, id: created.id });
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_company',
  noun: 'Company',
  display: {
    label: 'Create Company',
    description: 'Creates a company (account) in your CRM.',
  },
  operation: {
    inputFields,
    inputFieldGroups: COMPANY_GROUPS,
    perform,
    // Find or Create Company: two runs of one Zap with the same company name must not both create
    // it. Zapier runs creates under one key one at a time per connection (enforced by Zapier's
    // infrastructure, not by core).
    lock: { key: 'apideck:create_company:{{bundle.inputData.name}}', scope: ['auth'], timeout: 60 },
    sample: flattenCompany(COMPANY),
    outputFields: companyOutputs,
  },
});
