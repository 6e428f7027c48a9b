import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenCompany } from '../src/map';
import { COMPANY, OWNER_NAMES } from '../src/samples';
import { COMPANY_GROUPS, companyInputFields, companyInputShape, toCompanyBody } from '../src/inputs';
import { companyOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([...companyInputFields(true), customFieldInputs('companies')]);

const CreateCompanyInput = zod.object({ name: inputs.text(), ...companyInputShape });

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateCompanyInput, withCustomFields(z, bundle.inputData), inputFields);
  const body = toCompanyBody(input);
  const created = await apideck(z).createCompany(body);
  // The owner is an id the user picked: its name comes from the user list.
  const names = await ownerNames(z, [body]);
  return flattenCompany({ ...body, id: created.id }, names(body));
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
    sample: flattenCompany(COMPANY, OWNER_NAMES),
    outputFields: companyOutputs,
  },
});
