import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenContact } from '../src/map';
import { CONTACT, OWNER_NAMES } from '../src/samples';
import { updateBody } from '../src/channels';
import {
  CHANNEL_MODES,
  PERSON_GROUPS,
  changesSomething,
  channelModeField,
  contactIdField,
  contactInputFields,
  contactInputShape,
  forUpdate,
  toContactBody,
} from '../src/inputs';
import { contactOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    required: true,
    helpText:
      'The contact to update. Pick one, search for it by email or name with **Find Contact**, or map a Contact ID from a contact trigger.',
  },
  ...forUpdate(contactInputFields),
  channelModeField,
  customFieldInputs('contacts'),
]);

const UpdateContactInput = zod
  .object({
    contact_id: inputs.id(),
    ...contactInputShape,
    channel_mode: inputs.optional(zod.enum(CHANNEL_MODES)),
  })
  .refine((i) => changesSomething(i, 'contact_id'), {
    message: 'Fill in at least one field to change',
    path: ['contact_id'],
  });

/**
 * PATCH sends only the fields filled in (empty inputs leave the CRM's values alone). An email,
 * phone number, address or website is merged into the contact's list of that kind, read first
 * with `GET /crm/contacts/{id}` (see `channels.ts`), unless the user chose "Replace all"; without
 * one of them there is no read. Apideck answers the PATCH with the id alone, so the contact is then
 * read back, and the step outputs the whole contact as the CRM now has it, in the same flat shape as
 * Find Contact (a later step mapping e.g. its email gets the real email, not null).
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateContactInput, withCustomFields(z, bundle.inputData), inputFields);
  const client = apideck(z);
  const body = await updateBody(toContactBody(input, 'update'), input.channel_mode, () =>
    client.contactLists(input.contact_id),
  );
  const updated = await client.updateContact(input.contact_id, body);
  const contact = await client.contact(updated.id);
  return flattenContact(contact, (await ownerNames(z, [contact]))(contact));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description:
      "Updates an existing contact in your CRM: only the fields you fill in are changed, and an email, phone number, address or website is added or changed by type, keeping the contact's others.",
  },
  operation: {
    inputFields,
    inputFieldGroups: PERSON_GROUPS,
    perform,
    // An update reads the contact's lists and writes them back merged: two runs on one contact at
    // once could each write back a list without the other's item. Zapier runs creates under one
    // key one at a time per connection (its infrastructure enforces this, not core).
    lock: { key: 'apideck:update_contact:{{bundle.inputData.contact_id}}', scope: ['auth'], timeout: 60 },
    sample: flattenContact(CONTACT, OWNER_NAMES),
    outputFields: contactOutputs,
  },
});
