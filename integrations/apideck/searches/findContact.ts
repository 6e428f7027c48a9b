import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { SEARCH_PAGE_SIZE } from '../src/constants';
import { flattenContact } from '../src/map';
import { CONTACT, OWNER_NAMES } from '../src/samples';
import { contactOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  { key: 'email', label: 'Email', required: false, helpText: 'Find the contact with this email address.' },
  {
    key: 'phone_number',
    label: 'Phone Number',
    required: false,
    helpText:
      'Find the contact with this phone number. How numbers are matched depends on your CRM: Zoho CRM matches digits only (`9898989898`, not `989-989-989`).',
  },
  {
    key: 'name',
    label: 'Full Name',
    required: false,
    helpText: 'Find contacts with this full name, e.g. `Elon Musk`.',
  },
  { key: 'first_name', label: 'First Name', required: false },
  { key: 'last_name', label: 'Last Name', required: false },
]);

const FindContactInput = zod
  .object({
    email: inputs.optional(inputs.email()),
    phone_number: inputs.optional(inputs.text()),
    name: inputs.optional(inputs.text()),
    first_name: inputs.optional(inputs.text()),
    last_name: inputs.optional(inputs.text()),
  })
  .refine((i) => Object.values(i).some((x) => x !== undefined), {
    message: 'Enter at least one of Email, Phone Number, Full Name, First Name or Last Name',
    path: ['email'],
  });

/** Every field filled in becomes one documented `filter[...]`; the CRM combines them. */
const perform = (async (z, bundle) => {
  const input = parseInput(z, FindContactInput, bundle.inputData, inputFields);
  const page = await apideck(z).contacts({
    filter: {
      email: input.email,
      phone_number: input.phone_number,
      name: input.name,
      first_name: input.first_name,
      last_name: input.last_name,
    },
    limit: SEARCH_PAGE_SIZE,
  });
  const names = await ownerNames(z, page.items);
  return page.items.map((r) => flattenContact(r, names(r)));
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact in your CRM by email, phone number or name.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenContact(CONTACT, OWNER_NAMES),
    outputFields: contactOutputs,
  },
});
