import { parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { dealIdField, DealIdInput } from '../src/inputs';
import { dealOutputFields, flattenDeal } from '../src/map';
import { DEAL } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...dealIdField,
    label: 'Deal ID',
    helpText:
      'The ID of the LunarSend pipeline deal, a uuid like `8d1f3a52-4c7e-4b9a-a2f6-1e0d5c3b7a94`: map it from an earlier step, or pick a deal from the list. When no deal has this ID the search finds nothing.',
  },
]);

/** `GET /pipeline?id=`: one request. */
const perform = (async (z, bundle) => {
  const { deal_id } = parseInput(z, DealIdInput, bundle.inputData, inputFields);
  const deal = await lunarsend(z).getDeal(deal_id);
  return deal ? [flattenDeal(deal)] : [];
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_deal_by_id',
  noun: 'Deal',
  display: {
    label: 'Find Deal by ID',
    description: 'Finds a LunarSend pipeline deal by its ID, to get its current stage, size and dates.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal(DEAL),
    outputFields: dealOutputFields,
  },
});
