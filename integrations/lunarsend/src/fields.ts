import { inputs, zod } from '@crm-zapier/kit';
import { defineInputField } from 'zapier-platform-core';
import { DEAL_STAGES } from './constants';

/*
 * ---------- input rules (zod), checked before any request ----------
 * Each builds a zod schema: call them only inside a `lazySchema` builder, never at module load.
 */

/** Free text, trimmed. */
export const text = () => inputs.text();
/** A phone number as text (the v1 text says integer; real numbers need +, spaces and dashes). */
export const phoneText = () =>
  zod()
    .union([zod().string(), zod().number()])
    .transform((v) => String(v).trim())
    .pipe(text());
/** A LunarSend uuid-like id. */
export const id = inputs.id;
/** An ISO 8601 date-time, sent as UTC ISO 8601. */
export const isoDateTime = () => inputs.isoDateTime().transform((v) => new Date(v).toISOString());
/**
 * A deal size: a number, or one typed as text, that LunarSend can store — finite (`1e999` and
 * `-Infinity` are refused, never sent as `null`) and not negative.
 */
export const dealSize = () => inputs.number().pipe(zod().number().min(0, 'must not be negative'));
/** A documented stage, matched without regard to case ("won" → "Won"). */
export const stage = () =>
  zod()
    .string()
    .trim()
    .transform((v) => DEAL_STAGES.find((s) => s.toLowerCase() === v.toLowerCase()) ?? v)
    .pipe(zod().enum(DEAL_STAGES, { message: `must be one of ${DEAL_STAGES.join(', ')}` }));

/** A tag color as a hex code: `#28a745` or `#fff`. */
export const tagColor = () =>
  zod()
    .string()
    .trim()
    .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a hex color like #28a745');

/* ---------- input fields shared between operations ---------- */

export const contactIdField = defineInputField({
  key: 'contact_id',
  label: 'Contact',
  required: true,
  dynamic: 'list_contacts.id.name',
  search: 'find_contact.id',
  helpText:
    'The LunarSend contact. Pick one from the list, or map a Contact ID (a uuid like `150c081d-5d5f-401d-abd1-727c35222054`) from a **Find Contact** step or an earlier step.',
});

export const dealIdField = defineInputField({
  key: 'deal_id',
  label: 'Deal',
  required: true,
  dynamic: 'list_deals.id.name',
  search: 'find_deal.id',
  helpText:
    'The LunarSend pipeline deal. Pick one from the list, or map a Deal ID (a uuid like `8d1f3a52-4c7e-4b9a-a2f6-1e0d5c3b7a94`) from a **Find Deal** step or an earlier step.',
});

export const ownerField = defineInputField({
  key: 'user_id',
  label: 'Owner',
  required: false,
  dynamic: 'list_team_users.id.name',
  helpText: 'The LunarSend team member who owns this record. Leave empty to make the connected account the owner.',
});

export const stageChoices = DEAL_STAGES.map((s) => ({ value: s, label: s, sample: s }));

export const tagOutputFields = [
  { key: 'id', label: 'Tag ID', type: 'string' as const },
  { key: 'name', label: 'Tag Name', type: 'string' as const },
  { key: 'color', label: 'Tag Color', type: 'string' as const },
  { key: 'user_id', label: 'Owner ID', type: 'string' as const },
  { key: 'owner', label: 'Owner Name', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
];

export const contactOutputFields = [
  { key: 'id', label: 'Contact ID', type: 'string' as const },
  { key: 'first_name', label: 'First Name', type: 'string' as const },
  { key: 'last_name', label: 'Last Name', type: 'string' as const },
  { key: 'full_name', label: 'Full Name', type: 'string' as const },
  { key: 'email', label: 'Email', type: 'string' as const },
  { key: 'phone', label: 'Phone', type: 'string' as const },
  { key: 'company', label: 'Company', type: 'string' as const },
  { key: 'job_title', label: 'Job Title', type: 'string' as const },
  { key: 'notes', label: 'Notes', type: 'string' as const },
  { key: 'user_id', label: 'Owner ID', type: 'string' as const },
  { key: 'owner', label: 'Owner Name', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
  { key: 'last_activity', label: 'Last Activity', type: 'datetime' as const },
  { key: 'tags', label: 'Tags', type: 'string' as const, list: true },
  { key: 'tag_ids', label: 'Tag IDs', type: 'string' as const, list: true },
];

export const dealOutputFields = [
  { key: 'id', label: 'Deal ID', type: 'string' as const },
  { key: 'company', label: 'Company', type: 'string' as const },
  { key: 'stage', label: 'Stage', type: 'string' as const },
  { key: 'deal_size', label: 'Deal Size', type: 'number' as const },
  { key: 'open_date', label: 'Open Date', type: 'datetime' as const },
  { key: 'close_date', label: 'Close Date', type: 'datetime' as const },
  { key: 'primary_contact', label: 'Primary Contact ID', type: 'string' as const },
  { key: 'contact_email', label: 'Contact Email', type: 'string' as const },
  { key: 'notes', label: 'Notes', type: 'string' as const },
  { key: 'user_id', label: 'Owner ID', type: 'string' as const },
  { key: 'owner', label: 'Owner Name', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
];

/** The contact fields besides first name and email, the same on create and update. */
export const contactDetailFields = [
  { key: 'last_name', label: 'Last Name', required: false },
  {
    key: 'phone',
    label: 'Phone',
    required: false,
    helpText: 'Phone number as text; international format (E.164) is best, for example `+12025550123`.',
  },
  { key: 'company', label: 'Company', required: false, helpText: 'The company the contact works at.' },
  { key: 'job_title', label: 'Job Title', required: false },
  { key: 'notes', label: 'Notes', required: false, type: 'text' },
] as const;

/** Input rules of the contact fields besides first name and email (call inside a `lazySchema` builder). */
export const contactDetailRules = () => ({
  last_name: inputs.optional(text()),
  phone: inputs.optional(phoneText()),
  company: inputs.optional(text()),
  job_title: inputs.optional(text()),
  notes: inputs.optional(text()),
  user_id: inputs.optional(id()),
});
