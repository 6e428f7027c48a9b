import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { apideck } from '../src/client';
import { contactInputFields, contactInputShape, toContactBody } from '../src/contactInputs';
import { contactOutputFields } from '../src/fields';
import { flattenContact } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([...contactInputFields]);

const CreateContactInput = zod
  .object(contactInputShape)
  .refine((i) => i.name !== undefined || i.first_name !== undefined || i.last_name !== undefined, {
    message: 'Enter a First Name, Last Name or Full Name',
    path: ['last_name'],
  });

/**
 * One request: Apideck answers a create with the new id only, so the output is that id with what
 * was sent, in the same flat shape as a contact read from the CRM.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateContactInput, bundle.inputData, inputFields);
  const body = toContactBody(input, 'create');
  const created = await apideck(z).createContact(body);
  return flattenContact({ ...body, id: created.id });
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_contact',
  noun: 'Contact',
  display: {
    label: 'Create Contact',
    description: 'Creates a contact in your CRM, with emails, phone numbers, address and tags.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenContact(CONTACT),
    outputFields: contactOutputFields,
  },
});
