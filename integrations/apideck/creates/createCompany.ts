import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { apideck } from '../src/client';
import {
  channelInputFields,
  channelInputShape,
  companyOutputFields,
  compact,
  optional,
  ownerField,
  toChannels,
} from '../src/fields';
import { flattenCompany } from '../src/map';
import { COMPANY } from '../src/samples';
import type { CompanyBody } from '../src/schemas';

export const inputFields = defineInputFields([
  { key: 'name', label: 'Company Name', required: true },
  ownerField,
  { key: 'industry', label: 'Industry', required: false, helpText: 'e.g. `Aerospace`.' },
  { key: 'description', label: 'Description', type: 'text', required: false },
  {
    key: 'number_of_employees',
    label: 'Number of Employees',
    required: false,
    helpText: 'Free text, e.g. `500-1000`.',
  },
  { key: 'annual_revenue', label: 'Annual Revenue', required: false, helpText: 'Free text, e.g. `+$35m`.' },
  { key: 'vat_number', label: 'VAT Number', required: false },
  ...channelInputFields,
]);

const CreateCompanyInput = zod.object({
  name: inputs.text(),
  owner_id: optional(inputs.id()),
  industry: optional(inputs.text()),
  description: optional(zod.string().trim().min(1)),
  number_of_employees: optional(inputs.text()),
  annual_revenue: optional(inputs.text()),
  vat_number: optional(inputs.text()),
  ...channelInputShape,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateCompanyInput, bundle.inputData, inputFields);
  const body: CompanyBody = compact({
    name: input.name,
    owner_id: input.owner_id,
    industry: input.industry,
    description: input.description,
    number_of_employees: input.number_of_employees,
    annual_revenue: input.annual_revenue,
    vat_number: input.vat_number,
    ...compact(toChannels(input)),
  });
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
    perform,
    sample: flattenCompany(COMPANY),
    outputFields: companyOutputFields,
  },
});
