import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { exactMatches, sameText, severalMatches } from '../src/exact';
import { flattenContact } from '../src/map';
import { CONTACT, OWNER_NAMES } from '../src/samples';
import { contactOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText:
      'Find the one contact with exactly this email (any case) and update it. Without an email, or when no contact has it, a new contact is created; when several have it, the step stops with an error.',
  },
]);

const FindContactExactInput = zod.object({ email: inputs.optional(inputs.email()) });

/**
 * The search behind Find or Create Contact (see `src/exact.ts`): `filter[email]`, then only the
 * contacts that really have that email. Other inputs (a name, a phone number) are not used: they
 * do not identify one contact.
 */
const perform = (async (z, bundle) => {
  const { email } = parseInput(z, FindContactExactInput, bundle.inputData, inputFields);
  if (email === undefined) return [];
  const client = apideck(z);
  const found = await exactMatches(
    z,
    (page) => client.contacts({ filter: { email }, ...page }),
    (c) => (c.emails ?? []).some((e) => sameText(e.email, email)),
    `the email ${email}`,
  );
  if (found.length > 1) throw severalMatches(z, 'contact', `the email ${email} (Email)`);
  const names = await ownerNames(z, found);
  return found.map((r) => flattenContact(r, names(r)));
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact_exact',
  noun: 'Contact',
  display: {
    label: 'Find Contact by Exact Email',
    description: 'Finds the one contact with exactly this email, for Find or Create Contact.',
    hidden: true,
  },
  operation: {
    inputFields,
    perform,
    sample: flattenContact(CONTACT, OWNER_NAMES),
    outputFields: contactOutputs,
  },
});
