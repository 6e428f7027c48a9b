import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { dealCustomOutputFields } from '../src/inputs';
import { dealOutputFields, flattenDeal, staticSample } from '../src/map';
import { DEAL } from '../src/samples';

const perform = (async (z) => (await nimble(z).recentDeals()).map(flattenDeal)) satisfies PollingTriggerPerform<[]>;

export default defineTrigger({
  key: 'new_deal',
  noun: 'Deal',
  display: {
    label: 'New Deal',
    description: 'Triggers when a new deal is created. Only deals the connected user can see are included.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
