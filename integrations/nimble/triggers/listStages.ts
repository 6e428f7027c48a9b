import { inputs, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { openStages } from '../src/deals';
import type { Stage } from '../src/schemas';

const inputFields = defineInputFields([
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    helpText: 'The deal pipeline whose stages to list.',
  },
]);

/** `deal_id` is not an input of this trigger: it is the Deal of the form the dropdown fills (Update Deal). */
const ListStagesInput = z.object({ pipeline_id: inputs.optional(inputs.id()), deal_id: z.unknown().optional() });
/**
 * The Deal of the form this dropdown fills (Update Deal), when it is a deal's id (Nimble's ids are
 * 24-hex ObjectIds, nimble.md §0) rather than a value mapped from an earlier step.
 */
const dealIdOf = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v.trim()) ? v.trim() : undefined;

type Choice = { id: string; name: string };
const choice = (s: Stage, prefix = ''): Choice => ({
  id: s.stage_id,
  name: `${prefix}${typeof s.default_probability === 'number' ? `${s.name} (${s.default_probability}%)` : s.name}`,
});

/**
 * Only the stages a deal can be put in through the API (nimble.md §12.3): not archived and not
 * final (won and lost are set in Nimble). Whose stages: the Pipeline's (Create Deal); else, in
 * Update Deal, the picked deal's own pipeline (a deal stays in its pipeline); else every live
 * pipeline's, named "Pipeline › Stage" (a deal mapped from an earlier step).
 */
const perform = (async (z, bundle) => {
  const { pipeline_id, deal_id } = parseInput(z, ListStagesInput, bundle.inputData, inputFields);
  const api = nimble(z);
  if (pipeline_id) return openStages(await api.pipeline(pipeline_id)).map((s) => choice(s));
  const dealId = dealIdOf(deal_id);
  if (dealId) {
    const own = (await api.getDeal(dealId)).stage_transitions?.pipeline_id;
    if (own) return openStages(await api.pipeline(own)).map((s) => choice(s));
  }
  return (await api.pipelines())
    .filter((p) => !p.archived_at)
    .flatMap((p) => openStages(p).map((s) => choice(s, `${p.name} › `)));
}) satisfies PollingTriggerPerform<typeof inputFields, Choice>;

export default defineTrigger({
  key: 'list_stages',
  noun: 'Stage',
  display: {
    label: 'List Deal Stages',
    description: "Lists the open stages of a deal pipeline (or of a deal's own pipeline), for dropdowns.",
    hidden: true,
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: { id: '62fd6587048065ca3510c6d5', name: 'Qualified (20%)' },
    outputFields: [
      { key: 'id', label: 'Stage ID' },
      { key: 'name', label: 'Stage Name' },
    ],
  },
});
