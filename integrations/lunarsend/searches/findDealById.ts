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
    helpText:
      'The deal to read: pick one from the list, or map a Deal ID from an earlier step. When no deal has this ID, the search finds nothing.',
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
    description: 'Finds a pipeline deal by its ID, with its current stage, size and dates.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal(DEAL),
    outputFields: dealOutputFields,
  },
});
