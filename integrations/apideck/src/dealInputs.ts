import { inputs, type ZodNamespace } from '@crm-zapier/kit';
import { defineInputFields } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import {
  companyField,
  compact,
  contactIdField,
  currencyCode,
  isoDate,
  optionalText,
  ownerField,
  tagsField,
  textList,
} from './fields';
import type { OpportunityPatch } from './schemas';

/** The deal inputs Create Deal and Update Deal share; the title is required on create only. */
export const dealInputFields = (titleRequired: boolean) =>
  defineInputFields([
    {
      key: 'title',
      label: 'Deal Title',
      required: titleRequired,
      helpText: titleRequired
        ? 'The name of the deal, e.g. `New Rocket`.'
        : 'A new name for the deal. Leave empty to keep the current one.',
    },
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
      helpText: titleRequired
        ? 'The stage in the chosen pipeline. Pick a pipeline first to see its stages. Salesforce requires a stage.'
        : 'Move the deal to this stage. Pick a pipeline first to see its stages.',
    },
    {
      key: 'monetary_amount',
      label: 'Amount',
      type: 'number',
      required: false,
      helpText: 'The deal value, as your CRM shows it (e.g. `75000`).',
    },
    {
      key: 'currency',
      label: 'Currency',
      required: false,
      helpText: 'Three-letter ISO 4217 code, e.g. `USD`, `EUR`.',
    },
    {
      key: 'close_date',
      label: 'Expected Close Date',
      type: 'datetime',
      required: false,
      helpText: titleRequired
        ? 'Sent as a date (YYYY-MM-DD). Salesforce requires one: Apideck puts 2021-12-31 when it is left empty.'
        : 'Sent as a date (YYYY-MM-DD).',
    },
    {
      ...contactIdField,
      key: 'primary_contact_id',
      label: 'Primary Contact',
      helpText:
        "The deal's main contact. Pick one, search for it by email or name with **Find Contact**, or map a Contact ID from a **Create Contact** step." +
        (titleRequired
          ? ' Required by Pipedrive, ActiveCampaign, Copper, Microsoft Dynamics, Teamleader, Act! and Zoho Books.'
          : ''),
    },
    companyField,
    ownerField,
    {
      key: 'win_probability',
      label: 'Win Probability (%)',
      type: 'number',
      required: false,
      helpText: 'From 0 to 100.',
    },
    {
      key: 'status',
      label: 'Status',
      required: false,
      helpText: 'Free text your CRM understands, e.g. `Open`. Planhat takes only `active`, `won` or `lost`.',
    },
    { key: 'description', label: 'Description', type: 'text', required: false },
    tagsField,
  ]);

/** The deal input rules; call only inside a `lazySchema` builder. */
export const dealInputShape = (z: ZodNamespace) => ({
  pipeline_id: inputs.optional(inputs.id()),
  pipeline_stage_id: inputs.optional(inputs.id()),
  monetary_amount: inputs.optional(inputs.number()),
  currency: inputs.optional(currencyCode(z)),
  close_date: inputs.optional(isoDate(z)),
  primary_contact_id: inputs.optional(inputs.id()),
  company_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
  win_probability: inputs.optional(
    inputs.number().pipe(z.number().min(0, 'must be 0 or more').max(100, 'must be 100 or less')),
  ),
  status: inputs.optional(inputs.text()),
  description: optionalText(z),
  tags: textList(z),
});
type DealInput = Zod.output<Zod.ZodObject<ReturnType<typeof dealInputShape>>> & { title?: string };

/** A deal body with only what the user gave (create adds `primary_contact_id: null` itself). */
export const toDealBody = (i: DealInput): OpportunityPatch =>
  compact({
    title: i.title,
    primary_contact_id: i.primary_contact_id,
    pipeline_id: i.pipeline_id,
    pipeline_stage_id: i.pipeline_stage_id,
    monetary_amount: i.monetary_amount,
    currency: i.currency,
    close_date: i.close_date,
    company_id: i.company_id,
    owner_id: i.owner_id,
    win_probability: i.win_probability,
    status: i.status,
    description: i.description,
    tags: i.tags && i.tags.length > 0 ? i.tags : undefined,
  });
