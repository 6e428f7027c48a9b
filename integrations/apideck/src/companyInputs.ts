import { inputs, type ZodNamespace } from '@crm-zapier/kit';
import { defineInputFields } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import { channelInputFields, channelInputShape, compact, optionalText, ownerField, toChannels } from './fields';
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

/** The company input rules; call only inside a `lazySchema` builder. */
export const companyInputShape = (z: ZodNamespace) => ({
  owner_id: inputs.optional(inputs.id()),
  industry: inputs.optional(inputs.text()),
  description: optionalText(z),
  number_of_employees: inputs.optional(inputs.text()),
  annual_revenue: inputs.optional(inputs.text()),
  vat_number: inputs.optional(inputs.text()),
  ...channelInputShape(z),
});
type CompanyInput = Zod.output<Zod.ZodObject<ReturnType<typeof companyInputShape>>> & { name?: string };

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
