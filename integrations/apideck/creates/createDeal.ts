import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { apideck } from '../src/client';
import {
  companyField,
  compact,
  contactIdField,
  currencyCode,
  isoDate,
  opportunityOutputFields,
  optional,
  ownerField,
  tagsField,
  textList,
} from '../src/fields';
import { flattenOpportunity } from '../src/map';
import { OPPORTUNITY } from '../src/samples';
import type { OpportunityBody } from '../src/schemas';

export const inputFields = defineInputFields([
  { key: 'title', label: 'Deal Title', required: true, helpText: 'The name of the deal, e.g. `New Rocket`.' },
  {
    key: 'pipeline_id',
    label: 'Pipeline',
    required: false,
    dynamic: 'list_pipelines.id.name',
    altersDynamicFields: true,
    helpText:
      'The pipeline the deal belongs to. Only some CRMs list pipelines through Apideck (HubSpot, Pipedrive, Salesforce); you can enter an ID instead.',
  },
  {
    key: 'pipeline_stage_id',
    label: 'Stage',
    required: false,
    dynamic: 'list_pipeline_stages.id.label',
    helpText: 'The stage in the chosen pipeline. Pick a pipeline first to see its stages.',
  },
  {
    key: 'monetary_amount',
    label: 'Amount',
    type: 'number',
    required: false,
    helpText: 'The deal value, as your CRM shows it (e.g. `75000`).',
  },
  { key: 'currency', label: 'Currency', required: false, helpText: 'Three-letter ISO 4217 code, e.g. `USD`, `EUR`.' },
  {
    key: 'close_date',
    label: 'Expected Close Date',
    type: 'datetime',
    required: false,
    helpText: 'Sent as a date (YYYY-MM-DD).',
  },
  {
    ...contactIdField,
    key: 'primary_contact_id',
    label: 'Primary Contact',
    helpText:
      "The deal's main contact. Pick one, search for it by email or name with **Find Contact**, or map a Contact ID from a **Create Contact** step.",
  },
  companyField,
  ownerField,
  { key: 'win_probability', label: 'Win Probability (%)', type: 'number', required: false, helpText: 'From 0 to 100.' },
  { key: 'status', label: 'Status', required: false, helpText: 'Free text your CRM understands, e.g. `Open`.' },
  { key: 'description', label: 'Description', type: 'text', required: false },
  tagsField,
]);

const CreateDealInput = zod.object({
  title: inputs.text(),
  pipeline_id: optional(inputs.id()),
  pipeline_stage_id: optional(inputs.id()),
  monetary_amount: optional(inputs.number()),
  currency: optional(currencyCode()),
  close_date: optional(isoDate()),
  primary_contact_id: optional(inputs.id()),
  company_id: optional(inputs.id()),
  owner_id: optional(inputs.id()),
  win_probability: optional(
    inputs.number().pipe(zod.number().min(0, 'must be 0 or more').max(100, 'must be 100 or less')),
  ),
  status: optional(inputs.text()),
  description: optional(zod.string().trim().min(1)),
  tags: textList(),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateDealInput, bundle.inputData, inputFields);
  const body: OpportunityBody = compact({
    title: input.title,
    // The 10.3.6 document requires the key (null allowed); later ones do not mind it.
    primary_contact_id: input.primary_contact_id ?? null,
    pipeline_id: input.pipeline_id,
    pipeline_stage_id: input.pipeline_stage_id,
    monetary_amount: input.monetary_amount,
    currency: input.currency,
    close_date: input.close_date,
    company_id: input.company_id,
    owner_id: input.owner_id,
    win_probability: input.win_probability,
    status: input.status,
    description: input.description,
    tags: input.tags && input.tags.length > 0 ? input.tags : undefined,
  });
  const created = await apideck(z).createOpportunity(body);
  return flattenOpportunity({ ...body, id: created.id });
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_deal',
  noun: 'Deal',
  display: {
    label: 'Create Deal',
    description: 'Creates a deal (opportunity) in your CRM, in the pipeline and stage you choose.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenOpportunity(OPPORTUNITY),
    outputFields: opportunityOutputFields,
  },
});
