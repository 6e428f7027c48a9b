import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { contactInputFields, contactInputShape, toContactBody } from '../src/contactInputs';
import { contactIdField, contactOutputFields } from '../src/fields';
import { PERSON_GROUPS } from '../src/groups';
import { flattenContact } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    required: true,
    helpText:
      'The contact to update. Pick one, search for it by email or name with **Find Contact**, or map a Contact ID from a contact trigger.',
  },
  ...contactInputFields.map((f) =>
    f.key === 'email' || f.key === 'phone_number'
      ? {
          ...f,
          helpText: `${f.helpText} Sent as the contact's ${f.key === 'email' ? 'email' : 'number'} of the chosen type.`,
        }
      : f,
  ),
]);

const UpdateContactInput = lazySchema((zod) =>
  zod
    .object({ contact_id: inputs.id(), ...contactInputShape(zod) })
    .refine((i) => Object.entries(i).some(([k, x]) => k !== 'contact_id' && x !== undefined), {
      message: 'Fill in at least one field to change',
      path: ['contact_id'],
    }),
);

/**
 * Two requests. PATCH sends only the fields filled in (empty inputs leave the CRM's values alone),
 * and Apideck answers it with the id alone; so the contact is then read back with
 * `GET /crm/contacts/{id}`, and the step outputs the whole contact as the CRM now has it, in the
 * same flat shape as Find Contact (a later step mapping e.g. its email gets the real email, not null).
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateContactInput, bundle.inputData, inputFields);
  const body = toContactBody(input, 'update');
  const client = apideck(z);
  const updated = await client.updateContact(input.contact_id, body);
  return flattenContact(await client.contact(updated.id));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description: 'Updates an existing contact in your CRM: only the fields you fill in are changed.',
  },
  operation: {
    inputFields,
    inputFieldGroups: PERSON_GROUPS,
    perform,
    sample: flattenContact(CONTACT),
    outputFields: contactOutputFields,
  },
});
