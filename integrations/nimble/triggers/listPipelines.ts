import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';

const perform = (async (z) =>
  (await nimble(z).pipelines())
    .filter((p) => !p.archived_at)
    .map((p) => ({ id: p.pipeline_id, name: p.name }))) satisfies PollingTriggerPerform<
  [],
  { id: string; name: string }
>;

export default defineTrigger({
  key: 'list_pipelines',
  noun: 'Pipeline',
  display: { label: 'List Deal Pipelines', description: 'Lists the deal pipelines, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    perform,
    sample: { id: '630f34cfa34058dea76c0c0e', name: 'Sales' },
    outputFields: [
      { key: 'id', label: 'Pipeline ID' },
      { key: 'name', label: 'Pipeline Name' },
    ],
  },
});
