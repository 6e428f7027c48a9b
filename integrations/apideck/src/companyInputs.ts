import { inputs } from '@crm-zapier/kit';
import { defineInputFields } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { channelInputFields, channelInputShape, compact, optional, ownerField, toChannels } from './fields';
import type { CompanyBody } from './schemas';

/** The company inputs Create Company and Update Company share; `name` is required on create only. */
export const companyInputFields = (nameRequired: boolean) =>
  defineInputFields([
    {
      key: 'name',
      label: 'Company Name',
      required: nameRequired,
      group: 'company',
      ...(nameRequired ? {} : { helpText: 'A new name for the company. Leave empty to keep the current one.' }),
    },
    { ...ownerField, group: 'details' },
    { key: 'industry', label: 'Industry', required: false, group: 'company', helpText: 'e.g. `Aerospace`.' },
    { key: 'description', label: 'Description', type: 'text', required: false, group: 'company' },
    {
      key: 'number_of_employees',
      label: 'Number of Employees',
      required: false,
      group: 'company',
      helpText: 'Free text, e.g. `500-1000`.',
    },
    {
      key: 'annual_revenue',
      label: 'Annual Revenue',
      required: false,
      group: 'company',
      helpText: 'Free text, e.g. `+$35m`.',
    },
    { key: 'vat_number', label: 'VAT Number', required: false, group: 'company' },
    ...channelInputFields,
  ]);

export const companyInputShape = {
  owner_id: optional(inputs.id()),
  industry: optional(inputs.text()),
  description: optional(zod.string().trim().min(1)),
  number_of_employees: optional(inputs.text()),
  annual_revenue: optional(inputs.text()),
  vat_number: optional(inputs.text()),
  ...channelInputShape,
};
type CompanyInput = zod.output<zod.ZodObject<typeof companyInputShape>> & { name?: string };

/** A company body with only what the user gave. */
export const toCompanyBody = (i: CompanyInput): CompanyBody =>
  compact({
    name: i.name,
    owner_id: i.owner_id,
    industry: i.industry,
    description: i.description,
    number_of_employees: i.number_of_employees,
    annual_revenue: i.annual_revenue,
    vat_number: i.vat_number,
    ...compact(toChannels(i)),
  });
