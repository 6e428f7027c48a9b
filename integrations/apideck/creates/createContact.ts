import { parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenContact } from '../src/map';
import { CONTACT, OWNER_NAMES } from '../src/samples';
import {
  PERSON_GROUPS,
  channelLineFields,
  channelLineShape,
  contactInputFields,
  contactInputShape,
  toContactBody,
  withChannelLines,
} from '../src/inputs';
import { contactOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  ...contactInputFields,
  ...channelLineFields,
  customFieldInputs('contacts'),
]);

const CreateContactInput = zod
  .object({ ...contactInputShape, ...channelLineShape })
  .refine((i) => i.name !== undefined || i.first_name !== undefined || i.last_name !== undefined, {
    message: 'Enter a First Name, Last Name or Full Name',
    path: ['last_name'],
  });

/**
 * One request: Apideck answers a create with the new id only, so the output is that id with what
 * was sent, in the same flat shape as a contact read from the CRM.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateContactInput, withCustomFields(z, bundle.inputData), inputFields);
  const body = withChannelLines(toContactBody(input, 'create'), input);
  const created = await apideck(z).createContact(body);
  // The owner is an id the user picked: its name comes from the user list.
  const names = await ownerNames(z, [body]);
  return flattenContact({ ...body, id: created.id }, names(body));
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
    inputFieldGroups: PERSON_GROUPS,
    perform,
    // Find or Create Contact: two runs of one Zap with the same email must not both create the
    // contact. Zapier runs creates under one key one at a time per connection (enforced by Zapier's
    // infrastructure, not by core). Without an email the key is the same for every such create, so
    // those run one at a time too.
    lock: { key: 'apideck:create_contact:{{bundle.inputData.email}}', scope: ['auth'], timeout: 60 },
    sample: flattenContact(CONTACT, OWNER_NAMES),
    outputFields: contactOutputs,
  },
});
