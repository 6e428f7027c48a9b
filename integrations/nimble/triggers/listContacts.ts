import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { flattenContact } from '../src/map';
import type { NimbleContact } from '../src/schemas';

/** "Name (email)", or whichever of the two the contact has, or its id. */
export const contactChoiceLabel = (c: NimbleContact): string => {
  const { name, email } = flattenContact(c);
  const n = typeof name === 'string' && name.trim() ? name.trim() : undefined;
  const e = typeof email === 'string' && email.trim() ? email.trim() : undefined;
  return n && e ? `${n} (${e})` : (n ?? e ?? c.id);
};

/**
 * The contact dropdown: one request per page, newest first. Zapier asks for the next page
 * (`bundle.meta.page`, 0-based; Nimble's `page` is 1-based) when the user scrolls for more.
 */
const perform = (async (z, bundle) => {
  const page = (bundle.meta?.page ?? 0) + 1;
  const contacts = await nimble(z).contactPage(page);
  return contacts.map((c) => ({ id: c.id, name: contactChoiceLabel(c) }));
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_contacts',
  noun: 'Contact',
  display: { label: 'List Contacts', description: 'Lists contacts, newest first, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: { id: '5049fb849b85f669e40000dc', name: 'Maria Lopez (maria.lopez@brightwave.io)' },
    outputFields: [
      { key: 'id', label: 'Contact ID' },
      { key: 'name', label: 'Contact' },
    ],
  },
});
