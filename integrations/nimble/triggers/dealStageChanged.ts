import { inputs, newestFirst, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { dealCustomOutputFields } from '../src/inputs';
import { dealOutputFields, flattenDealUpdate, lastMove, staticSample } from '../src/map';
import { MOVED_DEAL } from '../src/samples';
import type { NimbleDeal } from '../src/schemas';

const inputFields = defineInputFields([
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    altersDynamicFields: true,
    helpText: 'Only deals in this pipeline. Leave empty for every pipeline.',
  },
  {
    key: 'stage_id',
    label: 'Stage',
    required: false,
    dynamic: 'list_any_stages.id.name',
    helpText:
      'Only deals moved into this stage (won and lost included). Leave empty to trigger on a move into any stage.',
  },
]);

const DealStageChangedInput = z.object({
  pipeline_id: inputs.optional(inputs.id()),
  stage_id: inputs.optional(inputs.id()),
});

/**
 * One request per poll. With a Pipeline: that pipeline's deals, most recently changed first, up to 50
 * per stage (or in the Stage alone); without: the 50 most recently changed deals of the account, of
 * which those in the Stage are kept. A deal whose stage never changed (it is still where it was created)
 * is left out: New Deal covers it.
 */
const perform = (async (z, bundle) => {
  const { pipeline_id, stage_id } = parseInput(z, DealStageChangedInput, bundle.inputData, inputFields);
  const api = nimble(z);
  const deals: NimbleDeal[] = pipeline_id
    ? await api.pipelineDeals(pipeline_id, { stageId: stage_id })
    : await api.recentlyChangedDeals();
  const changes = deals
    .filter((d) => {
      const move = lastMove(d);
      return move && (!stage_id || move.to_stage?.stage_id === stage_id);
    })
    .map(flattenDealUpdate);
  return newestFirst(changes, (c) => c.updated);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'deal_stage_changed',
  noun: 'Deal',
  display: {
    label: 'Deal Stage Changed',
    description:
      'Triggers when a deal moves to another stage, optionally only in one pipeline or into one stage (such as Won). Only deals the connected user can see are included.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: staticSample(flattenDealUpdate(MOVED_DEAL)),
    outputFields: [
      { key: 'id', label: 'Stage Change ID', type: 'string' as const },
      { key: 'deal_id', label: 'Deal ID', type: 'string' as const },
      ...dealOutputFields.filter((f) => f.key !== 'id'),
      { key: 'previous_stage_id', label: 'Previous Stage ID' },
      { key: 'previous_stage_name', label: 'Previous Stage' },
      { key: 'stage_changed_on', label: 'Stage Changed On', type: 'datetime' as const },
      { key: 'stage_changed_by', label: 'Stage Changed By' },
      dealCustomOutputFields,
    ],
  },
});
