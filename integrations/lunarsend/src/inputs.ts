/**
 * What users type, resource by resource: the input fields shared between operations beside the zod
 * rules checked before any request, and the rules of each write (their inferred types are the
 * request bodies `client.ts` sends).
 */
import { booleanText, inputs } from '@crm-zapier/kit';
import { defineInputField, defineInputFields } from 'zapier-platform-core';
import { z } from 'zod';
import { CONTACT_SEARCH_BY, DEAL_SEARCH_BY, DEAL_STAGES } from './constants';

/* ---------- rules every resource uses ---------- */

/** Free text, trimmed, not blank. */
const text = inputs.text();
/** A LunarSend uuid-like id. */
const id = inputs.id();
const optionalText = inputs.optional(text);
const optionalId = inputs.optional(id);
/** An ISO 8601 date-time, sent as UTC ISO 8601. */
const isoDateTime = inputs.isoDateTime().transform((v) => new Date(v).toISOString());

/** The team member who owns a record (`user_id`), picked from the team's users. */
export const ownerField = defineInputField({
  key: 'user_id',
  label: 'Owner',
  required: false,
  dynamic: 'list_team_users.id.name',
  helpText:
    'The team member who owns this record. Leave empty to make the team member whose API key this connection uses the owner.',
});

/** Update actions' owner: an empty field keeps the record's owner. */
export const newOwnerField = defineInputField({
  ...ownerField,
  helpText: 'The team member who owns this record from now on. Leave empty to keep its current owner.',
});

/* ---------- contacts ---------- */

export const contactIdField = defineInputField({
  key: 'contact_id',
  label: 'Contact',
  required: true,
  dynamic: 'list_contacts.id.name',
  search: 'find_contact.id',
  helpText:
    'The contact. Pick one from the list, or map a Contact ID from a **Find Contact** step or another earlier step.',
});

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

/** A phone number as text (the v1 text says integer; real numbers need +, spaces and dashes). */
const phone = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(text);

/** The rules of the contact details and the owner, the same on create and update. */
const contactDetails = {
  last_name: optionalText,
  phone: inputs.optional(phone),
  company: optionalText,
  job_title: optionalText,
  notes: optionalText,
  user_id: optionalId,
};

/** Create Contact: first name and email required. The parsed input is the `data` LunarSend gets. */
export const NewContactInput = z.object({ first_name: text, email: inputs.email(), ...contactDetails });
export type NewContact = z.infer<typeof NewContactInput>;

/** Update Contact: the contact, and only the fields to change. */
export const ContactChangesInput = z.object({
  contact_id: id,
  first_name: optionalText,
  email: inputs.optional(inputs.email()),
  ...contactDetails,
});
/** `PATCH /contacts`'s `data`: the id and the changes. */
export type ContactChanges = Omit<z.infer<typeof ContactChangesInput>, 'contact_id'> & { id: string };

export const ContactIdInput = z.object({ contact_id: id });

export const FindContactInput = z.object({
  search_by: z.enum(CONTACT_SEARCH_BY, { message: `must be one of ${CONTACT_SEARCH_BY.join(', ')}` }),
  search_term: text,
});

/* ---------- pipeline deals ---------- */

export const dealIdField = defineInputField({
  key: 'deal_id',
  label: 'Deal',
  required: true,
  dynamic: 'list_deals.id.name',
  search: 'find_deal.id',
  helpText:
    'The pipeline deal. Pick one from the list, or map a Deal ID from a **Find Deal** step or another earlier step.',
});

const stageChoices = DEAL_STAGES.map((s) => ({ value: s, label: s, sample: s }));

/** The deal fields, as Create Deal asks for them (Update Deal makes them all optional). */
export const dealFields = defineInputFields([
  { key: 'company', label: 'Company', required: true, helpText: 'The company the deal is with.' },
  {
    key: 'stage',
    label: 'Stage',
    required: true,
    choices: stageChoices,
    helpText: 'The pipeline stage the deal starts in.',
  },
  {
    key: 'deal_size',
    label: 'Deal Size',
    type: 'number',
    required: false,
    helpText:
      'The value of the deal as a plain number, without a currency symbol (for example `12000`). LunarSend uses 0 when empty.',
  },
  {
    key: 'open_date',
    label: 'Open Date',
    type: 'datetime',
    required: false,
    helpText: 'When the deal was opened. LunarSend uses the current time when empty.',
  },
  {
    key: 'close_date',
    label: 'Close Date',
    type: 'datetime',
    required: false,
    helpText: 'When the deal closed or is expected to close.',
  },
  {
    ...contactIdField,
    key: 'primary_contact',
    label: 'Primary Contact',
    required: false,
    helpText:
      "The deal's main contact in LunarSend. LunarSend can also set it from **Contact Email**; when both are filled in they should name the same contact.",
  },
  {
    key: 'contact_email',
    label: 'Contact Email',
    required: false,
    helpText: "The email address of the deal's contact.",
  },
  { key: 'notes', label: 'Notes', required: false, type: 'text' },
  ownerField,
]);

/** A documented stage, matched without regard to case ("won" → "Won"). */
const stage = z
  .string()
  .trim()
  .transform((v) => DEAL_STAGES.find((s) => s.toLowerCase() === v.toLowerCase()) ?? v)
  .pipe(z.enum(DEAL_STAGES, { message: `must be one of ${DEAL_STAGES.join(', ')}` }));

/**
 * A deal size: a number, or one typed as text, that LunarSend can store — finite (`1e999` and
 * `-Infinity` are refused, never sent as `null`) and not negative.
 */
const dealSize = inputs.number().pipe(z.number().min(0, 'must not be negative'));

/** The rules of the deal fields besides company and stage, the same on create and update. */
const dealDetails = {
  deal_size: inputs.optional(dealSize),
  open_date: inputs.optional(isoDateTime),
  close_date: inputs.optional(isoDateTime),
  primary_contact: optionalId,
  contact_email: inputs.optional(inputs.email()),
  notes: optionalText,
  user_id: optionalId,
};

/** Create Deal: company and stage required. The parsed input is the `data` LunarSend gets. */
export const NewDealInput = z.object({ company: text, stage, ...dealDetails });
export type NewDeal = z.infer<typeof NewDealInput>;

/** Update Deal: the deal, and only the fields to change. */
export const DealChangesInput = z.object({
  deal_id: id,
  company: optionalText,
  stage: inputs.optional(stage),
  ...dealDetails,
});
/** `PATCH /pipeline`'s `data`: the id and the changes. */
export type DealChanges = Omit<z.infer<typeof DealChangesInput>, 'deal_id'> & { id: string };

export const DealIdInput = z.object({ deal_id: id });

/** Find Deal: a stage search term is sent in its documented spelling, and must be a stage. */
export const FindDealInput = z
  .object({
    search_by: z.enum(DEAL_SEARCH_BY, { message: `must be one of ${DEAL_SEARCH_BY.join(', ')}` }),
    search_term: text,
  })
  .transform((i, ctx) => {
    if (i.search_by !== 'stage') return i;
    const parsed = stage.safeParse(i.search_term);
    if (parsed.success) return { ...i, search_term: parsed.data as string };
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: ['search_term'], message: issue.message });
    return z.NEVER;
  });

/** Deal Stage Changed: the stage to watch, from the documented stages; empty watches every stage. */
export const watchedStageField = defineInputField({
  key: 'stage',
  label: 'Stage',
  required: false,
  choices: stageChoices,
  helpText:
    'Trigger when a deal moves to this stage. Leave empty to trigger when a deal moves to any stage (a new deal counts as moving to the stage it starts in).',
});

export const DealStageChangedInput = z.object({ stage: inputs.optional(stage) });

/* ---------- tags ---------- */

/** A tag color as a hex code: `#28a745` or `#fff`. */
const tagColor = z
  .string()
  .trim()
  .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a hex color like #28a745');

/** Create Tag. LunarSend calls the name `tag_name` (`client.createTag`). */
export const NewTagInput = z.object({ name: text, color: inputs.optional(tagColor), user_id: optionalId });
/** `POST /tags`'s `data`. */
export type NewTag = Omit<z.infer<typeof NewTagInput>, 'name'> & { tag_name: string };

export const FindTagInput = z.object({ name: text });

/** Zapier sends a boolean field as true/false or as text ("true", "false", "yes", "no"). */
const yes = z.preprocess((v) => booleanText(v) ?? v, z.boolean({ message: 'must be true or false' }));

/**
 * Add Tag to Contact: a tag picked by id (used when both are filled in), or a tag named, then
 * created when missing unless Create Tag If Missing is false.
 */
export const AddTagInput = z
  .object({
    contact_id: id,
    tag_id: optionalId,
    tag_name: optionalText,
    create_tag: inputs.optional(yes),
  })
  .transform(({ contact_id, tag_id, tag_name, create_tag }, ctx) => {
    if (tag_id !== undefined) return { contact_id, tag: { id: tag_id } };
    if (tag_name !== undefined) return { contact_id, tag: { name: tag_name, create: create_tag !== false } };
    ctx.addIssue({ code: 'custom', path: ['tag_id'], message: 'pick a Tag, or fill in Tag Name' });
    return z.NEVER;
  });
