import { inputs, type ZodNamespace } from '@crm-zapier/kit';
import { defineInputFields } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import {
  channelInputFields,
  channelInputShape,
  companyField,
  compact,
  optionalText,
  ownerField,
  toChannels,
} from './fields';
import type { ContactBody } from './schemas';

export const CONTACT_TYPES = ['customer', 'supplier', 'employee', 'personal'] as const;

/** The contact inputs Create Contact and Update Contact share (none required by the API). */
export const contactInputFields = defineInputFields([
  { key: 'first_name', label: 'First Name', required: false, group: 'person' },
  { key: 'last_name', label: 'Last Name', required: false, group: 'person' },
  {
    key: 'name',
    label: 'Full Name',
    required: false,
    group: 'person',
    helpText: 'The full name. Leave empty to use First Name and Last Name.',
  },
  { key: 'title', label: 'Job Title', required: false, group: 'person', helpText: 'e.g. `CEO`.' },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    group: 'person',
    helpText:
      'The name of the company the contact works for, as text. To link an existing company record use **Company**.',
  },
  { ...companyField, group: 'person' },
  { ...ownerField, group: 'details' },
  {
    key: 'type',
    label: 'Contact Type',
    required: false,
    group: 'details',
    choices: [
      { value: 'customer', label: 'Customer', sample: 'customer' },
      { value: 'supplier', label: 'Supplier', sample: 'supplier' },
      { value: 'employee', label: 'Employee', sample: 'employee' },
      { value: 'personal', label: 'Personal', sample: 'personal' },
    ],
  },
  ...channelInputFields,
  {
    key: 'lead_source',
    label: 'Lead Source',
    required: false,
    group: 'details',
    helpText: 'Where the contact came from, e.g. `Cold Call`.',
  },
  { key: 'description', label: 'Description', type: 'text', required: false, group: 'details' },
]);

/** The contact input rules; call only inside a `lazySchema` builder. */
export const contactInputShape = (z: ZodNamespace) => ({
  name: inputs.optional(inputs.text()),
  first_name: inputs.optional(inputs.text()),
  last_name: inputs.optional(inputs.text()),
  title: inputs.optional(inputs.text()),
  company_name: inputs.optional(inputs.text()),
  company_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
  type: inputs.optional(z.enum(CONTACT_TYPES)),
  ...channelInputShape(z),
  lead_source: inputs.optional(inputs.text()),
  description: optionalText(z),
});
export type ContactInput = Zod.output<Zod.ZodObject<ReturnType<typeof contactInputShape>>>;

export const joinName = (i: { first_name?: string; last_name?: string }): string | undefined =>
  [i.first_name, i.last_name].filter(Boolean).join(' ') || undefined;

/**
 * A contact body with only what the user gave. `name` is built from first + last name when left
 * empty; on create it is always sent (null when there is no name at all), because the 10.3.6
 * document made the key required.
 */
export const toContactBody = (i: ContactInput, mode: 'create' | 'update'): ContactBody => {
  const name = i.name ?? joinName(i);
  return compact({
    name: mode === 'create' ? (name ?? null) : i.name,
    first_name: i.first_name,
    last_name: i.last_name,
    title: i.title,
    company_name: i.company_name,
    company_id: i.company_id,
    owner_id: i.owner_id,
    type: i.type,
    lead_source: i.lead_source,
    description: i.description,
    ...compact(toChannels(i)),
  });
};
