import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { sameText } from '../src/exact';
import { SEARCH_PAGE_SIZE } from '../src/constants';
import { flattenLead } from '../src/map';
import { LEAD } from '../src/samples';
import { leadOutputs } from '../src/outputs';

export const inputFields = defineInputFields([
  { key: 'email', label: 'Email', required: false, helpText: 'Find the lead with this email address.' },
  {
    key: 'phone_number',
    label: 'Phone Number',
    required: false,
    helpText:
      'Find the lead with this phone number. How numbers are matched depends on your CRM: Zoho CRM matches digits only (`9898989898`, not `+989-989-989`).',
  },
  { key: 'name', label: 'Full Name', required: false, helpText: 'Find leads with this full name, e.g. `Elon Musk`.' },
  { key: 'first_name', label: 'First Name', required: false },
  { key: 'last_name', label: 'Last Name', required: false },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    helpText:
      'Keep only leads at this company (same name, any case). It narrows what the other fields found (the first 10 matches): leads cannot be searched by company alone.',
  },
]);

const FindLeadInput = zod
  .object({
    email: inputs.optional(inputs.email()),
    phone_number: inputs.optional(inputs.text()),
    name: inputs.optional(inputs.text()),
    first_name: inputs.optional(inputs.text()),
    last_name: inputs.optional(inputs.text()),
    company_name: inputs.optional(inputs.text()),
  })
  .refine((i) => [i.email, i.phone_number, i.name, i.first_name, i.last_name].some((x) => x !== undefined), {
    message: 'Enter at least one of Email, Phone Number, Full Name, First Name or Last Name',
    path: ['email'],
  });

/** Every field filled in becomes one documented `filter[...]` (LeadsFilter); the company narrows the result. */
const perform = (async (z, bundle) => {
  const input = parseInput(z, FindLeadInput, bundle.inputData, inputFields);
  const page = await apideck(z).leads({
    filter: {
      email: input.email,
      phone_number: input.phone_number,
      name: input.name,
      first_name: input.first_name,
      last_name: input.last_name,
    },
    limit: SEARCH_PAGE_SIZE,
  });
  const company = input.company_name;
  return page.items.filter((l) => company === undefined || sameText(l.company_name, company)).map(flattenLead);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_lead',
  noun: 'Lead',
  display: {
    label: 'Find Lead',
    description: 'Finds a lead in your CRM by email, phone number or name, optionally at a given company.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenLead(LEAD),
    outputFields: leadOutputs,
  },
});
