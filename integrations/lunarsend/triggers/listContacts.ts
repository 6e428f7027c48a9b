import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { MAX_PAGE_SIZE, triggerThrottle } from '../src/constants';
import { contactChoice } from '../src/map';
import { SEARCH_CONTACT } from '../src/samples';

/**
 * The contact dropdown: one page of `GET /contacts/search` per request. The document does not say
 * what a search without a term answers; LunarSend's search then lists every contact.
 */
const perform = (async (z, bundle) => {
  const { data } = await lunarsend(z).searchContacts({ query_amount: MAX_PAGE_SIZE, page: bundle.meta?.page ?? 0 });
  return data.map(contactChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_contacts',
  noun: 'Contact',
  display: {
    label: 'List Contacts',
    description: 'Lists contacts for dropdowns, one page of 100 at a time.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    throttle: triggerThrottle(),
    sample: contactChoice(SEARCH_CONTACT),
    outputFields: [
      { key: 'id', label: 'Contact ID' },
      { key: 'name', label: 'Contact' },
    ],
  },
});
