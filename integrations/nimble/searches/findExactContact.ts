import { inputs, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { EXACT_SEARCH_PAGE_SIZE, nimble } from '../src/client';
import { flatContacts } from '../src/contacts';
import { contactCustomOutputFields } from '../src/inputs';
import { contactOutputFields, flattenContact, staticSample } from '../src/map';
import { CONTACT } from '../src/samples';
import { toContactSearch } from './findContact';

export const inputFields = defineInputFields([
  {
    key: 'record_type',
    label: 'Contact Type',
    required: false,
    choices: [
      { value: 'person', label: 'Person', sample: 'person' },
      { value: 'company', label: 'Company', sample: 'company' },
    ],
    helpText: 'Look only for people or only for companies. Leave empty for both.',
  },
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText: 'The contact with exactly this email address (any of its addresses, upper and lower case aside).',
  },
  {
    key: 'name',
    label: 'Name',
    required: false,
    helpText:
      "The contact whose whole name is exactly this (first and last name, or a company's name; upper and lower case aside). `Doe` does not match John Doe.",
  },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    helpText: 'The company contact with exactly this name.',
  },
]);

/** Free Text is Find Contact's; a Find or Create step made with it still sends it. */
const labels = [...inputFields, { key: 'keyword', label: 'Free Text' }];

const FindExactContactInput = z
  .object({
    record_type: inputs.optional(z.enum(['person', 'company'])),
    email: inputs.optional(inputs.email()),
    name: inputs.optional(inputs.text()),
    company_name: inputs.optional(inputs.text()),
    keyword: inputs.optional(z.string()),
  })
  .refine((i) => i.keyword === undefined, {
    message:
      "can't be used to find the contact to update: free text can match several contacts. Search by Email, Name or Company Name",
    path: ['keyword'],
  })
  .refine((i) => i.email || i.name || i.company_name, {
    message: 'Enter an Email, a Name or a Company Name to search for',
    path: ['email'],
  })
  .refine((i) => !(i.company_name && i.record_type === 'person'), {
    message: 'a Company Name search finds companies; leave Contact Type empty or pick Company',
    path: ['record_type'],
  });

/** Text compared as a person reads it: spaces around and between words, and letter case, aside. */
const norm = (s: string | null | undefined): string => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindExactContactInput, bundle.inputData, labels);
  const found = await nimble(z).searchContacts(toContactSearch(input), EXACT_SEARCH_PAGE_SIZE);
  const exact = found.filter((raw) => {
    const c = flattenContact(raw);
    const fullName = [c.first_name, c.middle_name, c.last_name].filter(Boolean).join(' ');
    return (
      (!input.record_type || c.record_type === input.record_type) &&
      (!input.email || c.emails.some((e) => norm(e) === norm(input.email))) &&
      (!input.name || norm(c.name) === norm(input.name) || norm(fullName) === norm(input.name)) &&
      (!input.company_name || (c.record_type === 'company' && norm(c.name) === norm(input.company_name)))
    );
  });
  const what = [
    input.email && `email ${input.email}`,
    input.name && `name "${input.name}"`,
    input.company_name && `company name "${input.company_name}"`,
  ]
    .filter(Boolean)
    .join(' and ');
  if (exact.length > 1) {
    throw new z.errors.Error(
      `${exact.length} contacts in Nimble have ${what}, so Find or Create Contact cannot tell which one to update. Search by a value only one contact has (like an email address), or pick the contact in an Update Contact step.`,
      'MultipleMatches',
      409,
    );
  }
  if (found.length >= EXACT_SEARCH_PAGE_SIZE) {
    throw new z.errors.Error(
      `Nimble found ${EXACT_SEARCH_PAGE_SIZE} or more contacts for ${what}, too many to check that only one matches exactly. Search by a value only one contact has (like an email address).`,
      'MultipleMatches',
      409,
    );
  }
  return flatContacts(z, exact);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact_exact',
  noun: 'Contact',
  display: {
    label: 'Find Contact by Exact Match',
    description:
      'Finds the one contact with exactly an email, a name or a company name. Used by Find or Create Contact.',
    hidden: true,
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});
