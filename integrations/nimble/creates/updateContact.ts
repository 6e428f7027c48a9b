import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import {
  contactCustomInputFields,
  contactCustomOutputFields,
  contactIdField,
  contactInputFieldGroups,
  contactOutputFields,
  contactStandardFields,
} from '../src/fields';
import { contactShape } from '../src/inputs';
import { flattenContact, toContactFields, staticSample } from '../src/map';
import { CONTACT } from '../src/samples';

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
      '**Add or change** updates only the value of the type you give (a new personal email keeps the work email). **Replace** makes each field you fill in hold just your value (the work email goes). Fields you leave empty are never touched.',
  },
  {
    key: 'record_type',
    label: 'Contact Type',
    required: false,
    default: 'person',
    choices: [
      { value: 'person', label: 'Person', sample: 'person' },
      { value: 'company', label: 'Company', sample: 'company' },
    ],
    helpText:
      "Whether the contact is a person or a company: decides where Company Name goes (a company's own name, or a person's employer).",
  },
  ...contactStandardFields,
  contactCustomInputFields,
]);

const UpdateContactInput = lazySchema((zod) =>
  zod
    .object({
      contact_id: inputs.id(),
      mode: zod.enum(['extend', 'replace']).default('extend'),
      record_type: zod.enum(['person', 'company']).default('person'),
      ...contactShape(),
    })
    .loose(),
);

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateContactInput, bundle.inputData, inputFields);
  const fields = toContactFields(input, input.record_type);
  if (Object.keys(fields).length === 0) {
    throw new z.errors.Error('Please fill in at least one field to update the contact.', 'InvalidInput', 400);
  }
  const updated = await nimble(z).updateContact(input.contact_id, { fields }, input.mode === 'replace');
  return flattenContact(updated);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: { label: 'Update Contact', description: 'Updates the fields of an existing Nimble contact.' },
  operation: {
    inputFields,
    inputFieldGroups: contactInputFieldGroups,
    perform,
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});
