import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';

const inputFields = defineInputFields([
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: true,
    dynamic: 'list_pipelines.id.name',
    helpText: 'The deal pipeline whose stages to list.',
  },
]);

const ListStagesInput = lazySchema((zod) => zod.object({ pipeline_id: inputs.id() }));

const perform = (async (z, bundle) => {
  const { pipeline_id } = parseInput(z, ListStagesInput, bundle.inputData, inputFields);
  const pipeline = await nimble(z).pipeline(pipeline_id);
  return pipeline.stages
    .filter((s) => !s.archived_at)
    .map((s) => ({
      id: s.stage_id,
      name: typeof s.default_probability === 'number' ? `${s.name} (${s.default_probability}%)` : s.name,
    }));
}) satisfies PollingTriggerPerform<typeof inputFields, { id: string; name: string }>;

export default defineTrigger({
  key: 'list_stages',
  noun: 'Stage',
  display: { label: 'List Deal Stages', description: "Lists a deal pipeline's stages, for dropdowns.", hidden: true },
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
