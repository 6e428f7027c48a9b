import { inputs, nonBlank, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import {
  defineInputFields,
  defineTrigger,
  type Bundle,
  type PollingTriggerPerform,
  type ZObject,
} from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import { newestPage } from '../src/polling';
import { flattenOpportunityUpdate } from '../src/map';
import { dealNames } from '../src/names';
import { DEAL_NAMES, OPPORTUNITY } from '../src/samples';
import type { Opportunity } from '../src/schemas';
import { customOutputFields, eventIdField, opportunityOutputFields } from '../src/outputs';

export const ONLY_WHEN = ['any', 'stage'] as const;

export const inputFields = defineInputFields([
  {
    key: 'only_when',
    label: 'Only When',
    required: false,
    choices: [
      { value: 'any', label: 'Any field changes (default)', sample: 'any' },
      { value: 'stage', label: 'The stage changes', sample: 'stage' },
    ],
    helpText:
      "**The stage changes**: the Zap runs once for each stage change, and not for other edits of the deal. It needs a CRM that records when a deal's stage last changed (the deal's **Stage Changed At**); deals without it are left out. A move to another pipeline counts, since it puts the deal in a stage of that pipeline.",
  },
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    altersDynamicFields: true,
    helpText: 'Only deals in this pipeline. Leave empty for every pipeline.',
  },
  {
    key: 'pipeline_stage_id',
    label: 'Stage',
    required: false,
    dynamic: 'list_pipeline_stages.id.label',
    helpText:
      'Only deals that moved into this stage: the Zap runs once each time a deal enters it (as **Only When** "The stage changes"). Pick a pipeline first to see its stages.',
  },
]);

const UpdatedDealInput = zod.object({
  only_when: inputs.optional(zod.enum(ONLY_WHEN)),
  pipeline_id: inputs.optional(inputs.id()),
  pipeline_stage_id: inputs.optional(inputs.id()),
});

/**
 * Which updated deals count, from the trigger's inputs: `keeps` a deal in the pipeline and stage
 * asked for (and, for stage changes only, one that dates its last stage change), and `changedAt`
 * is the time its update id is built from — the stage change's when only stage changes count.
 */
export const dealUpdateFilter = (z: ZObject, bundle: Bundle) => {
  const input = parseInput(z, UpdatedDealInput, bundle.inputData, inputFields);
  const stageOnly = input.only_when === 'stage' || input.pipeline_stage_id !== undefined;
  return {
    stageOnly,
    keeps: (o: Opportunity) =>
      (input.pipeline_id === undefined || o.pipeline_id === input.pipeline_id) &&
      (input.pipeline_stage_id === undefined || o.pipeline_stage_id === input.pipeline_stage_id) &&
      (!stageOnly || nonBlank(o.date_stage_changed) !== undefined),
    changedAt: (o: Opportunity) => (stageOnly ? o.date_stage_changed : (o.updated_at ?? o.created_at)),
  };
};

/**
 * Opportunities have no `updated_since` filter in any version of the document, and their list
 * filters have no pipeline or stage (apideck-crm.md §2.1): the sort finds the newest updates, and
 * the pipeline, the stage and "only stage changes" are applied to that page here. A stage change is
 * told apart from other edits by the deal's `date_stage_changed`: its update id is built from that
 * time, so Zapier's dedupe lets each stage change through once. The pipeline and stage names come
 * from one more request, the pipeline list (`src/names.ts`).
 */
const perform = (async (z, bundle) => {
  const filter = dealUpdateFilter(z, bundle);
  const deals = (
    await newestPage(
      apideck(z).opportunities,
      { sort: { by: 'updated_at', direction: 'desc' }, limit: POLL_PAGE_SIZE },
      (o) => o.updated_at ?? o.created_at,
    )
  ).filter(filter.keeps);
  const names = await dealNames(z, deals);
  return deals.map((o) => flattenOpportunityUpdate(o, names(o), filter.changedAt(o)));
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'updated_deal',
  noun: 'Deal',
  display: {
    label: 'Updated Deal',
    description:
      'Triggers when a deal (opportunity) in the connected CRM is updated, or only when its stage changes. Outputs the whole deal. Checks for updates every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenOpportunityUpdate(OPPORTUNITY, DEAL_NAMES),
    outputFields: [
      eventIdField('Update ID'),
      { key: 'opportunity_id', label: 'Deal ID', type: 'string' },
      ...opportunityOutputFields.filter((f) => f.key !== 'id'),
      customOutputFields('opportunities'),
    ],
  },
});
