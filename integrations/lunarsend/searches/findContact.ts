import { parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, SEARCH_PAGE_SIZE } from '../src/constants';
import { FindContactInput } from '../src/inputs';
import {
  contactTags,
  contactValues,
  exactFirst,
  flattenContact,
  searchResultTags,
  taggedContactOutputFields,
} from '../src/map';
import { ELENA, SEARCH_CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'search_by',
    label: 'Search By',
    required: true,
    default: 'email',
    choices: [
      { value: 'email', label: 'Email', sample: 'email' },
      { value: 'company', label: 'Company', sample: 'company' },
      { value: 'first_name', label: 'First Name', sample: 'first_name' },
      { value: 'last_name', label: 'Last Name', sample: 'last_name' },
      { value: 'tag', label: 'Tag', sample: 'tag' },
    ],
    helpText:
      'Which contact field to search. **Tag** finds contacts that carry a tag of that name. In **Find or Create Contact**, search by **Email**: the email is what makes a contact unique in LunarSend, and Zapier updates only a found contact whose email equals the search term.',
  },
  {
    key: 'search_term',
    label: 'Search Term',
    required: true,
    helpText:
      'The value to look for, for example `elena.moreno@brightwavesolutions.com` or `Brightwave Solutions`. When several contacts match, one whose field equals it exactly (ignoring case) is used.',
  },
]);

/**
 * `GET /contacts/search`, then the best match read in full with `GET /contacts?id=`: a search result
 * has no job title, notes or creation date (lunarsend.md, "Contacts"), and a get has no tags, so the
 * output is the get's contact with the search result's tags. Zapier uses only the first result, so
 * only the best match (an exact match of the searched field first) is read and returned: 1 request
 * when nothing matches, 2 otherwise. A match gone by the time it is read is nothing found.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, FindContactInput, bundle.inputData, inputFields);
  const api = lunarsend(z);
  const { data } = await api.searchContacts({
    search_term: input.search_term,
    search_by: input.search_by,
    query_amount: SEARCH_PAGE_SIZE,
    page: 0,
  });
  const [best] = exactFirst(data, input.search_term, (c) => contactValues(c, input.search_by));
  if (!best) return [];
  const contact = await api.getContact(best.contact_id);
  return contact ? [{ ...flattenContact(contact), ...contactTags(searchResultTags(best)) }] : [];
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by email, company, first name, last name or tag.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: { ...flattenContact(ELENA), ...contactTags(searchResultTags(SEARCH_CONTACT)) },
    outputFields: taggedContactOutputFields,
  },
});
