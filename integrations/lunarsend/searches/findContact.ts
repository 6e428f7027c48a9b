import { parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, SEARCH_PAGE_SIZE } from '../src/constants';
import { FindContactInput } from '../src/inputs';
import { contactOutputFields, contactValues, exactFirst, flattenContact } from '../src/map';
import { SEARCH_CONTACT } from '../src/samples';

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
      'The value to look for, for example `elena.moreno@outlook.com` or `Brightwave Solutions`. An exact match (ignoring case) comes first.',
  },
]);

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindContactInput, bundle.inputData, inputFields);
  const { data } = await lunarsend(z).searchContacts({
    search_term: input.search_term,
    search_by: input.search_by,
    query_amount: SEARCH_PAGE_SIZE,
    page: 0,
  });
  return exactFirst(data, input.search_term, (c) => contactValues(c, input.search_by)).map(flattenContact);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact in LunarSend by email, company, first name, last name or tag.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenContact(SEARCH_CONTACT),
    outputFields: contactOutputFields,
  },
});
