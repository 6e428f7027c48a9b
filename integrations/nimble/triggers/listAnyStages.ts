import { inputs, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import type { Pipeline } from '../src/schemas';

const inputFields = defineInputFields([
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    helpText: 'The deal pipeline whose stages to list.',
  },
]);

const ListAnyStagesInput = z.object({ pipeline_id: inputs.optional(inputs.id()) });

type Choice = { id: string; name: string };
/** Every live stage, won and lost included: a deal can be moved there in Nimble, so a Zap can watch for it. */
const liveStages = (p: Pipeline, prefix = ''): Choice[] =>
  p.stages.filter((s) => !s.archived_at).map((s) => ({ id: s.stage_id, name: `${prefix}${s.name}` }));

/**
 * The stages a deal can be in, for watching (Deal Stage Changed): the Pipeline's, or else every live
 * pipeline's, named "Pipeline › Stage". Unlike the stages a deal can be put in (`list_stages`), won and
 * lost are listed.
 */
const perform = (async (z, bundle) => {
  const { pipeline_id } = parseInput(z, ListAnyStagesInput, bundle.inputData, inputFields);
  const api = nimble(z);
  if (pipeline_id) return liveStages(await api.pipeline(pipeline_id));
  return (await api.pipelines()).filter((p) => !p.archived_at).flatMap((p) => liveStages(p, `${p.name} › `));
}) satisfies PollingTriggerPerform<typeof inputFields, Choice>;

export default defineTrigger({
  key: 'list_any_stages',
  noun: 'Stage',
  display: {
    label: 'List Deal Stages (Won and Lost Included)',
    description: 'Lists every live stage of a deal pipeline, won and lost included, for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: { id: '62fd6587048065ca3510c6d5', name: 'Qualified' },
    outputFields: [
      { key: 'id', label: 'Stage ID' },
      { key: 'name', label: 'Stage Name' },
    ],
  },
});
