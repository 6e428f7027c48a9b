import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { flatContact } from '../src/contacts';
import {
  contactCustomInputFields,
  contactCustomOutputFields,
  contactIdField,
  contactInputFieldGroups,
  contactShape,
  contactStandardFields,
  changedAddressTypeField,
} from '../src/inputs';
import {
  contactOutputFields,
  flattenContact,
  mergesIntoCurrent,
  staticSample,
  toContactFields,
  unmergeable,
} from '../src/map';
import { CONTACT } from '../src/samples';
import type { NimbleContact } from '../src/schemas';

export const inputFields = defineInputFields([
  contactIdField,
  {
    key: 'mode',
    label: 'How To Change Fields',
    required: false,
    default: 'extend',
    choices: [
      { value: 'extend', label: 'Add or change the values given (keep the rest)', sample: 'extend' },
      { value: 'replace', label: 'Replace all values of each field given', sample: 'replace' },
    ],
    helpText:
      "**Add or change** updates only the value of the type you give (a new personal email keeps the work email). **Replace** makes each field you fill in hold just your value (the work email goes). Fields you leave empty are never touched. Company Name and Job Title change the person's current job either way (the other one stays); the address parts you fill in change the address of the Address Type given (its other parts stay).",
  },
  ...contactStandardFields,
  changedAddressTypeField,
  contactCustomInputFields,
]);

const UpdateContactInput = z
  .object({
    contact_id: inputs.id(),
    mode: inputs.optional(z.enum(['extend', 'replace'])).transform((v) => v ?? 'extend'),
    ...contactShape,
  })
  .loose();

/**
 * The contact as Nimble has it: its type decides what Company Name means (a company's own name, a
 * person's employer; Job Title is a person's only), and a person's current employment is what
 * Company Name and Job Title change.
 */
const currentContact = async (z: ZObject, contactId: string): Promise<NimbleContact> => {
  const [contact] = await nimble(z).getContact(contactId);
  if (!contact) {
    throw new z.errors.Error(
      'Nimble could not find this contact: it may have been deleted, or be hidden from you. Pick another Contact.',
      'NotFound',
      404,
    );
  }
  return contact;
};

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateContactInput, bundle.inputData, inputFields);
  if (Object.keys(toContactFields(input, 'person')).length === 0) {
    throw new z.errors.Error('Please fill in at least one field to update the contact.', 'InvalidInput', 400);
  }
  // Only the employment and the address depend on the contact: it is read only when one is filled in.
  const contact = mergesIntoCurrent(input) ? await currentContact(z, input.contact_id) : undefined;
  const recordType = contact?.record_type === 'company' ? 'company' : 'person';
  if (recordType === 'company' && input.title) {
    throw new z.errors.Error(
      'Job Title: this contact is a company, and only people have a job title. Leave it empty.',
      'InvalidInput',
      400,
    );
  }
  // A person's employment is one value holding company and title, an address one value holding its
  // parts: what is given merges into the current one (the rest stays), instead of replacing it; one
  // that cannot be read is not overwritten with some of its parts.
  const cannotMerge = contact && unmergeable(input, contact);
  if (cannotMerge) throw new z.errors.Error(cannotMerge, 'InvalidInput', 400);
  const fields = toContactFields(input, recordType, contact);
  const updated = await nimble(z).updateContact(input.contact_id, { fields }, input.mode === 'replace');
  return flatContact(z, updated);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description:
      'Updates the fields you fill in on an existing contact (a person or a company); the others stay as they are.',
  },
  operation: {
    inputFields,
    inputFieldGroups: contactInputFieldGroups,
    perform,
    // The employment and address merge read the contact and write it back: two runs on one contact
    // at once would each write what they read. Runs for one contact go one at a time (Zapier's lock).
    lock: { key: 'nimble:update_contact:{{bundle.inputData.contact_id}}', scope: ['auth'], timeout: 60 },
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});
