import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { triggerThrottle } from '../src/constants';
import { flattenListedContact, listedContactOutputFields } from '../src/map';
import { SEARCH_CONTACT } from '../src/samples';

/**
 * `GET /contacts/search` without a term: the first page of 100 and, with more contacts, the last
 * page (client `pollContacts`). LunarSend documents no change feed, no sort order and no creation
 * date in search results, so the contacts keep the API's order and "new" means a contact id Zapier
 * has not seen before (its de-duplication does the rest).
 */
const perform = (async (z) =>
  (await lunarsend(z).pollContacts()).map(flattenListedContact)) satisfies PollingTriggerPerform<[]>;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a new contact is added.',
  },
  operation: {
    type: 'polling',
    perform,
    throttle: triggerThrottle(),
    sample: flattenListedContact(SEARCH_CONTACT),
    outputFields: listedContactOutputFields,
  },
});
