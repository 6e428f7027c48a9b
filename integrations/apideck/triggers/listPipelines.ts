import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { pipelineChoice } from '../src/map';

const perform = (async (z, bundle) => {
  const items = await itemsOfPage(
    z,
    (cursor) => apideck(z).pipelines({ limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return items.map(pipelineChoice);
}) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_pipelines',
  noun: 'Pipeline',
  display: { label: 'List Pipelines', description: 'Lists the deal pipelines, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: { id: 'default', name: 'Sales Pipeline' },
    outputFields: [
      { key: 'id', label: 'Pipeline ID' },
      { key: 'name', label: 'Pipeline Name' },
    ],
  },
});
