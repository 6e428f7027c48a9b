import { inputs, type ZodNamespace } from '@crm-zapier/kit';
import { defineInputFields } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import { joinName } from './contactInputs';
import {
  channelInputFields,
  channelInputShape,
  companyField,
  compact,
  currencyCode,
  optionalText,
  ownerField,
  toChannels,
} from './fields';
import type { LeadBody } from './schemas';

/** The lead inputs Create Lead and Update Lead share (the API requires only a name, on create). */
export const leadInputFields = defineInputFields([
  { key: 'first_name', label: 'First Name', required: false, group: 'person' },
  { key: 'last_name', label: 'Last Name', required: false, group: 'person' },
  {
    key: 'name',
    label: 'Full Name',
    required: false,
    group: 'person',
    helpText: 'The full name. Leave empty to use First Name and Last Name.',
  },
  { key: 'prefix', label: 'Prefix', required: false, group: 'person', helpText: 'e.g. `Dr.`' },
  { key: 'title', label: 'Job Title', required: false, group: 'person', helpText: 'e.g. `CEO`.' },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    group: 'person',
    helpText: "The lead's company, as text. Freshsales requires one.",
  },
  {
    ...companyField,
    group: 'person',
    helpText:
      'A company record to link. Pick one, or map a Company ID from a **Find Company** step. Pipedrive requires an existing company.',
  },
  { ...ownerField, group: 'details' },
  {
    key: 'lead_source',
    label: 'Lead Source',
    required: false,
    group: 'details',
    helpText: 'Where the lead came from, e.g. `Website`.',
  },
  { key: 'status', label: 'Status', required: false, group: 'details', helpText: 'As your CRM names it, e.g. `New`.' },
  {
    key: 'monetary_amount',
    label: 'Amount',
    type: 'number',
    required: false,
    group: 'details',
    helpText: 'The potential value of the lead, e.g. `75000`.',
  },
  {
    key: 'currency',
    label: 'Currency',
    required: false,
    group: 'details',
    helpText: 'Three-letter ISO 4217 code, e.g. `USD`.',
  },
  { key: 'description', label: 'Description', type: 'text', required: false, group: 'details' },
  ...channelInputFields,
]);

/** The lead input rules; call only inside a `lazySchema` builder. */
export const leadInputShape = (z: ZodNamespace) => ({
  name: inputs.optional(inputs.text()),
  first_name: inputs.optional(inputs.text()),
  last_name: inputs.optional(inputs.text()),
  prefix: inputs.optional(inputs.text()),
  title: inputs.optional(inputs.text()),
  company_name: inputs.optional(inputs.text()),
  company_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
  lead_source: inputs.optional(inputs.text()),
  status: inputs.optional(inputs.text()),
  monetary_amount: inputs.optional(inputs.number()),
  currency: inputs.optional(currencyCode(z)),
  description: optionalText(z),
  ...channelInputShape(z),
});
export type LeadInput = Zod.output<Zod.ZodObject<ReturnType<typeof leadInputShape>>>;

/**
 * A lead body with only what the user gave. On create `name` is built from first + last name when
 * left empty (the document requires it); on update it is sent only when given.
 */
export const toLeadBody = (i: LeadInput, mode: 'create' | 'update'): LeadBody =>
  compact({
    name: mode === 'create' ? (i.name ?? joinName(i)) : i.name,
    first_name: i.first_name,
    last_name: i.last_name,
    prefix: i.prefix,
    title: i.title,
    company_name: i.company_name,
    company_id: i.company_id,
    owner_id: i.owner_id,
    lead_source: i.lead_source,
    status: i.status,
    monetary_amount: i.monetary_amount,
    currency: i.currency,
    description: i.description,
    ...compact(toChannels(i)),
  });
