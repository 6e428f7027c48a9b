import { inputs, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { type ContactSearch, nimble } from '../src/client';
import { flatContacts } from '../src/contacts';
import { contactCustomOutputFields } from '../src/inputs';
import { contactOutputFields, flattenContact, staticSample } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'record_type',
    label: 'Contact Type',
    required: false,
    choices: [
      { value: 'person', label: 'Person', sample: 'person' },
      { value: 'company', label: 'Company', sample: 'company' },
    ],
    helpText:
      'Look only for people or only for companies. Leave empty for both (a Company Name search looks for companies).',
  },
  { key: 'email', label: 'Email', required: false, helpText: 'Find the contact with exactly this email address.' },
  {
    key: 'name',
    label: 'Name',
    required: false,
    helpText: "Find contacts whose name contains these words (first, middle and last name, or a company's name).",
  },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    helpText: 'Find the company contact with exactly this name.',
  },
  {
    key: 'keyword',
    label: 'Free Text',
    required: false,
    helpText:
      "Search every field (names, emails, phones, addresses…) for this text. Can't be combined with Email, Name or Company Name.",
  },
]);

const FindContactInput = z
  .object({
    record_type: inputs.optional(z.enum(['person', 'company'])),
    email: inputs.optional(inputs.email()),
    name: inputs.optional(inputs.text()),
    company_name: inputs.optional(inputs.text()),
    keyword: inputs.optional(inputs.text()),
  })
  .refine((i) => i.email || i.name || i.company_name || i.keyword, {
    message: 'Enter an Email, a Name, a Company Name or Free Text to search for',
    path: ['email'],
  })
  .refine((i) => !i.keyword || !(i.email || i.name || i.company_name), {
    message: "can't be combined with Email, Name or Company Name: search by one or the other",
    path: ['keyword'],
  })
  .refine((i) => !(i.company_name && i.record_type === 'person'), {
    message: 'a Company Name search finds companies; leave Contact Type empty or pick Company',
    path: ['record_type'],
  });
type FindContactInput = z.infer<typeof FindContactInput>;

/** The search in Nimble's query language (§8), or a keyword search with its own type filter. */
export const toContactSearch = (i: FindContactInput): ContactSearch => {
  if (i.keyword) return { keyword: i.keyword, recordType: i.record_type };
  const clauses: Record<string, unknown>[] = [];
  if (i.email) clauses.push({ email: { is: i.email } });
  if (i.name) clauses.push({ names: { contain: i.name } });
  if (i.company_name) clauses.push({ 'company name': { is: i.company_name } });
  const recordType = i.company_name ? 'company' : i.record_type;
  if (recordType) clauses.push({ 'record type': { is: recordType } });
  return { query: clauses.length === 1 ? clauses[0]! : { and: clauses } };
};

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindContactInput, bundle.inputData, inputFields);
  const contacts = await nimble(z).searchContacts(toContactSearch(input));
  return flatContacts(z, contacts);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact (a person or a company) by email, name, company name or free text.',
  },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});
