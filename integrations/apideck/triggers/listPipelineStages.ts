import { nonBlank } from '@crm-zapier/kit';
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck, itemsOfPage } from '../src/client';
import { DROPDOWN_PAGE_SIZE } from '../src/constants';
import { stageChoices } from '../src/map';

/**
 * Stages come embedded in the pipeline list (`GET /crm/pipelines/{id}` is "Upcoming" in the
 * document), so this lists pipelines and keeps the stages of the pipeline chosen in the Zap, or of
 * every pipeline when none is chosen yet.
 */
const perform = (async (z, bundle) => {
  const pipelineId = nonBlank(bundle.inputData.pipeline_id);
  const pipelines = await itemsOfPage(
    z,
    (cursor) => apideck(z).pipelines({ limit: DROPDOWN_PAGE_SIZE, cursor }),
    bundle.meta?.page ?? 0,
  );
  return pipelines.filter((p) => pipelineId === undefined || p.id === pipelineId).flatMap(stageChoices);
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'list_pipeline_stages',
  noun: 'Stage',
  display: {
    label: 'List Pipeline Stages',
    description: 'Lists the stages of the chosen pipeline, for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: {
      id: 'contractsent',
      name: 'Contract Sent',
      label: 'Sales Pipeline › Contract Sent',
      pipeline_id: 'default',
      pipeline_name: 'Sales Pipeline',
    },
    outputFields: [
      { key: 'id', label: 'Stage ID' },
      { key: 'name', label: 'Stage Name' },
      { key: 'label', label: 'Pipeline and Stage' },
      { key: 'pipeline_id', label: 'Pipeline ID' },
      { key: 'pipeline_name', label: 'Pipeline Name' },
    ],
  },
});
