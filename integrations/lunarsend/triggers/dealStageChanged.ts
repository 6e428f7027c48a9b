import { newestFirst, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { triggerThrottle } from '../src/constants';
import { DealStageChangedInput, watchedStageField } from '../src/inputs';
import { dealInStageOutputFields, flattenDealInStage } from '../src/map';
import { SEARCH_DEAL } from '../src/samples';

const inputFields = defineInputFields([watchedStageField]);

/**
 * LunarSend has no change feed, no stage history and no `updated_at`: a deal search result tells
 * only the stage a deal is in now. So each deal is output with the id "<deal id>-<stage>", and
 * Zapier's de-duplication fires once for each stage a deal is seen in. With a stage picked, the
 * search asks for that stage (`search_by=stage`, documented) and the answer is kept to exact matches
 * (the search may match parts of words); without one, every deal is read, as New Deal does. Newest
 * deal first by `created_at`: no change time exists to sort by.
 */
const perform = (async (z, bundle) => {
  const { stage } = parseInput(z, DealStageChangedInput, bundle.inputData, inputFields);
  const deals = await lunarsend(z).pollDeals(stage);
  const inStage =
    stage === undefined ? deals : deals.filter((d) => d.stage?.trim().toLowerCase() === stage.toLowerCase());
  return newestFirst(inStage, (d) => d.created_at).map(flattenDealInStage);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'deal_stage_changed',
  noun: 'Deal',
  display: {
    label: 'Deal Stage Changed',
    description:
      'Triggers when a pipeline deal moves to a stage (the one you pick, or any), once per deal and stage; a new deal counts for the stage it starts in.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    throttle: triggerThrottle(),
    sample: flattenDealInStage(SEARCH_DEAL),
    outputFields: dealInStageOutputFields,
  },
});
