import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { flatContact } from '../src/contacts';
import {
  contactCustomInputFields,
  contactCustomOutputFields,
  contactInputFieldGroups,
  contactShape,
  contactStandardFields,
  newAddressTypeField,
  MAX_CREATE_TAGS,
  connectedUserId,
  ownerIdField,
  tagList,
} from '../src/inputs';
import { contactOutputFields, flattenContact, staticSample, toContactFields, toTagList } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'record_type',
    label: 'Contact Type',
    required: true,
    default: 'person',
    choices: [
      { value: 'person', label: 'Person', sample: 'person' },
      { value: 'company', label: 'Company', sample: 'company' },
    ],
    helpText: 'A person needs a first or last name; a company needs a company name.',
  },
  ...contactStandardFields,
  newAddressTypeField,
  {
    key: 'tags',
    label: 'Tags',
    list: true,
    required: false,
    helpText: `Up to ${MAX_CREATE_TAGS} tags for the new contact.`,
  },
  ownerIdField,
  contactCustomInputFields,
]);

const CreateContactInput = z
  .object({
    record_type: inputs.optional(z.enum(['person', 'company'])).transform((v) => v ?? 'person'),
    ...contactShape,
    tags: inputs.optional(
      tagList().pipe(z.array(z.string()).max(MAX_CREATE_TAGS, `takes at most ${MAX_CREATE_TAGS} tags`)),
    ),
    owner_id: inputs.optional(inputs.id()),
  })
  .loose()
  .refine((i) => i.record_type !== 'person' || i.first_name || i.last_name, {
    message: 'a person needs a First Name or a Last Name',
    path: ['first_name'],
  })
  .refine((i) => i.record_type !== 'company' || i.company_name, {
    message: 'a company needs a Company Name',
    path: ['company_name'],
  });

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateContactInput, bundle.inputData, inputFields);
  const created = await nimble(z).createContact({
    record_type: input.record_type,
    type: input.record_type,
    fields: toContactFields(input, input.record_type),
    ...(input.tags?.length ? { tags: toTagList(input.tags) } : {}),
    // The connected user unless another owner is picked (Nimble would otherwise give the company's default owner).
    owner_id: input.owner_id ?? (await connectedUserId(z, bundle.authData)),
  });
  return flatContact(z, created);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_contact',
  noun: 'Contact',
  display: { label: 'Create Contact', description: 'Creates a new contact: a person or a company.' },
  operation: {
    inputFields,
    inputFieldGroups: contactInputFieldGroups,
    perform,
    // Find or Create Contact: two runs of one Zap racing on the same email must not both create.
    // Zapier runs creates with the same key on the same connection one at a time (its infrastructure
    // enforces this, not core). Runs without an email share the key `nimble:create_contact:` and so
    // also queue, which only costs time.
    lock: { key: 'nimble:create_contact:{{bundle.inputData.email}}', scope: ['auth'], timeout: 60 },
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});
