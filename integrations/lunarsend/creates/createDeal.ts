import { parseInput } from '@crm-zapier/kit';
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle } from '../src/constants';
import { dealFields, NewDealInput } from '../src/inputs';
import { dealOutputFields, flattenDeal } from '../src/map';
import { DEAL } from '../src/samples';

export const inputFields = dealFields;

const perform = (async (z, bundle) => {
  const input = parseInput(z, NewDealInput, bundle.inputData, inputFields);
  const deal = await lunarsend(z).createDeal(input);
  return flattenDeal(deal);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_deal',
  noun: 'Deal',
  display: { label: 'Create Deal', description: 'Creates a new deal in the pipeline.' },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenDeal(DEAL),
    outputFields: dealOutputFields,
  },
});
