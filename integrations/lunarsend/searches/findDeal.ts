import { parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, SEARCH_PAGE_SIZE } from '../src/constants';
import { FindDealInput } from '../src/inputs';
import { dealOutputFields, dealValues, exactFirst, flattenDeal } from '../src/map';
import { SEARCH_DEAL } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'search_by',
    label: 'Search By',
    required: true,
    default: 'company',
    choices: [
      { value: 'company', label: 'Company', sample: 'company' },
      { value: 'stage', label: 'Stage', sample: 'stage' },
      { value: 'owner', label: 'Owner Name', sample: 'owner' },
      { value: 'email', label: 'Contact Email', sample: 'email' },
    ],
    helpText: "Which deal field to search. **Owner Name** is the team member's name as LunarSend shows it.",
  },
  {
    key: 'search_term',
    label: 'Search Term',
    required: true,
    helpText:
      'The value to look for, for example `Brightwave Solutions`. When searching by **Stage**, one of: Qualification, Discovery, Interested, Verbal, Proposal, Negotiation, Won, Lost.',
  },
]);

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindDealInput, bundle.inputData, inputFields);
  const { data } = await lunarsend(z).searchDeals({
    search_term: input.search_term,
    search_by: input.search_by,
    query_amount: SEARCH_PAGE_SIZE,
    page: 0,
  });
  return exactFirst(data, input.search_term, (d) => dealValues(d, input.search_by)).map(flattenDeal);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_deal',
  noun: 'Deal',
  display: {
    label: 'Find Deal',
    description: 'Finds a pipeline deal by company, stage, owner or contact email.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal(SEARCH_DEAL),
    outputFields: dealOutputFields,
  },
});
