import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import {
  connectedUserId,
  contactIdsField,
  dealCustomInputFields,
  dealCustomOutputFields,
  dealValuesShape,
  filledDealFields,
  idList,
  ownerIdField,
  tagList,
} from '../src/inputs';
import { dealOutputFields, flattenDeal, staticSample } from '../src/map';
import { customDealValues, dealFieldsValues, inputError, stageProblem } from '../src/deals';
import { DEAL } from '../src/samples';
import type { DealBody } from '../src/schemas';

export const inputFields = defineInputFields([
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: true,
    dynamic: 'list_pipelines.id.name',
    altersDynamicFields: true,
    helpText: 'The pipeline to add the deal to.',
  },
  {
    key: 'stage_id',
    label: 'Stage',
    required: true,
    dynamic: 'list_stages.id.name',
    helpText:
      "The stage the deal starts in: one of the pipeline's open stages (with their default probability). A deal cannot start won or lost.",
  },
  { key: 'name', label: 'Deal Name', required: true },
  { key: 'amount', label: 'Amount', type: 'number', required: false, helpText: 'The value of the deal (0 or more).' },
  {
    key: 'currency',
    label: 'Currency',
    required: false,
    helpText: "Three-letter ISO 4217 code such as USD or EUR. Leave empty for the pipeline's default currency.",
  },
  {
    key: 'probability',
    label: 'Probability (%)',
    type: 'integer',
    required: false,
    helpText: "0 to 100. Leave empty to use the stage's default probability (needed if the stage has none).",
  },
  {
    key: 'expected_close_date',
    label: 'Expected Close Date',
    type: 'datetime',
    required: false,
    helpText: "When the deal is expected to close: only the date is kept, as a date in your Zap's time zone.",
  },
  { key: 'description', label: 'Description', type: 'text', required: false },
  {
    ...contactIdsField,
    label: 'Related Contacts',
    helpText: 'The people or companies taking part in the deal: pick them, or map them from an earlier step.',
  },
  { key: 'tags', label: 'Tags', list: true, required: false },
  ownerIdField,
  // The Pipeline's custom deal fields (`fields__<slug>`).
  dealCustomInputFields(false),
]);

const CreateDealInput = z.object({
  pipeline_id: inputs.id(),
  stage_id: inputs.id(),
  name: inputs.text(),
  ...dealValuesShape,
  contact_ids: inputs.optional(idList()),
  tags: inputs.optional(tagList()),
  owner_id: inputs.optional(inputs.id()),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateDealInput, bundle.inputData, inputFields);
  const api = nimble(z);
  // Custom fields: the account's deal fields are read first, and each value checked (by the field's
  // kind, in this pipeline) before anything else is read or written.
  const filled = filledDealFields(bundle.inputData);
  const custom = filled.length
    ? await customDealValues(z, filled, input.pipeline_id, 'the', bundle.meta?.timezone)
    : undefined;
  // The stage rules (nimble.md §12.3) are checked on the pipeline as it is now, before the create: a
  // stage of this pipeline, open (not archived, not won or lost), and a probability when it has none.
  const pipeline = await api.pipeline(input.pipeline_id);
  if (pipeline.archived_at) {
    throw inputError(z, 'Pipeline', `"${pipeline.name}" is archived in Nimble: pick another pipeline`);
  }
  const problem = stageProblem(pipeline, input.stage_id, 'the');
  if (problem) throw inputError(z, 'Stage', problem);
  const stage = pipeline.stages.find((s) => s.stage_id === input.stage_id)!;
  if (input.probability === undefined && typeof stage.default_probability !== 'number') {
    throw inputError(z, 'Probability (%)', `is needed: the stage "${stage.name}" has no default probability`);
  }
  // fields_values is keyed by field ID (from the deal fields list, kept per connection, or just read).
  const fields_values = await dealFieldsValues(z, input, bundle.meta?.timezone, custom);
  const body: DealBody = {
    pipeline_id: input.pipeline_id,
    stage_id: input.stage_id,
    // The spec requires an owner: the connected user unless another is picked.
    owner_id: input.owner_id ?? (await connectedUserId(z, bundle.authData)),
    fields_values,
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.contact_ids?.length ? { related_contacts: input.contact_ids.map((contact_id) => ({ contact_id })) } : {}),
    ...(input.tags?.length ? { tags: input.tags } : {}),
  };
  return flattenDeal(await api.createDeal(body));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_deal',
  noun: 'Deal',
  display: { label: 'Create Deal', description: 'Creates a deal in a stage of a pipeline.' },
  operation: {
    inputFields,
    perform,
    sample: staticSample(flattenDeal(DEAL)),
    outputFields: [...dealOutputFields, dealCustomOutputFields],
  },
});
