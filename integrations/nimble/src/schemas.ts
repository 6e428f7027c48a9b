import { z } from 'zod';

/** Responses are checked loosely: the keys we map, with the rest passed through untouched. */

export const MyselfSchema = z
  .object({
    user_id: z.string(),
    name: z.string().optional(),
    email: z.string().optional(),
    company_id: z.string().optional(),
    company_size: z.number().optional(),
  })
  .loose();

export const TokenSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().optional(),
    expires_in: z.number().optional(),
    token_type: z.string().optional(),
    scope: z.string().optional(),
  })
  .loose();

/** The modifiers (types) Nimble gives a contact's emails, phones and addresses. */
export const EMAIL_TYPES = ['work', 'personal', 'other'] as const;
export const PHONE_TYPES = ['mobile', 'work', 'home', 'main', 'other'] as const;
export const ADDRESS_TYPES = ['work', 'home', 'other'] as const;

/** One value of a contact field: `{value, modifier, label?, field_id?, is_primary?}`. */
const FieldValueSchema = z
  .object({
    value: z.string().nullable().optional(),
    modifier: z.string().nullable().optional(),
    label: z.string().optional(),
    field_id: z.string().optional(),
    is_primary: z.boolean().optional(),
  })
  .loose();
export type FieldValue = z.infer<typeof FieldValueSchema>;

/** Tags come as `["a"]` (schema) or `[{tag, id}]` (guide). */
const TagSchema = z.union([z.string(), z.object({ tag: z.string() }).loose()]);

export const ContactSchema = z
  .object({
    id: z.string(),
    record_type: z.string().optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
    creator: z.string().nullable().optional(),
    updater: z.string().nullable().optional(),
    owner_id: z.string().nullable().optional(),
    avatar_url: z.string().nullable().optional(),
    fields: z.record(z.string(), z.array(FieldValueSchema)),
    tags: z.array(TagSchema).nullable().optional(),
  })
  .loose();
export type NimbleContact = z.infer<typeof ContactSchema>;

/**
 * What `PUT /api/v1/contacts/{id}/tags` answers: the contact (OpenAPI document) or `{}` (Nimble's
 * legacy docs, `docs/contacts/tags/update.rst`); nimble.md §1b says accept both. An answer with an
 * `id` must be a contact; one without is read as "no contact given".
 */
export const TagsAnswerSchema = z.union([
  ContactSchema,
  z
    .object({ id: z.undefined().optional() })
    .loose()
    .transform(() => undefined),
]);

export const ContactListSchema = z.object({ resources: z.array(ContactSchema) }).loose();

const ShortUserSchema = z
  .object({ user_id: z.string(), name: z.string().optional(), email: z.string().optional() })
  .loose();

const ShortContactSchema = z.object({ id: z.string(), name: z.string().optional() }).loose();

export const NoteSchema = z
  .object({
    id: z.string(),
    note: z.string(),
    note_preview: z.string().optional(),
    author_name: z.string().optional(),
    owner_id: z.string().optional(),
    contacts: z.array(ShortContactSchema).optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
  })
  .loose();
export type NimbleNote = z.infer<typeof NoteSchema>;

export const TaskSchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    notes: z.string().nullable().optional(),
    due_date: z.string().nullable().optional(),
    completed: z.boolean().optional(),
    is_important: z.boolean().optional(),
    owner_id: z.string().optional(),
    assigned_to: ShortUserSchema.nullable().optional(),
    related: z
      .object({ contacts: z.array(ShortContactSchema).optional() })
      .loose()
      .optional(),
    /** The legacy endpoint's link: contact ids. */
    related_to: z.array(z.string()).nullable().optional(),
    tags: z.array(z.string()).optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
  })
  .loose();
export type NimbleTask = z.infer<typeof TaskSchema>;

const StageSchema = z
  .object({
    stage_id: z.string(),
    name: z.string(),
    default_probability: z.number().nullable().optional(),
    archived_at: z.string().nullable().optional(),
    /** A final stage (`is_final`) is a won or lost one: no deal is put there through the API (§12.3). */
    role: z
      .object({ name: z.string().nullable().optional(), is_final: z.boolean().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();
export type Stage = z.infer<typeof StageSchema>;

export const PipelineSchema = z
  .object({
    pipeline_id: z.string(),
    name: z.string(),
    default_currency: z.string().nullable().optional(),
    archived_at: z.string().nullable().optional(),
    stages: z.array(StageSchema).default([]),
  })
  .loose();
export type Pipeline = z.infer<typeof PipelineSchema>;
export const PipelineListSchema = z.object({ pipelines: z.array(PipelineSchema) }).loose();

const DealFieldSchema = z.object({ field_id: z.string(), field_name: z.string() }).loose();
export const DealFieldsSchema = z
  .object({
    standard_fields: z.array(DealFieldSchema).default([]),
    /** Custom fields per pipeline, in a shape documented loosely (see `customDealFieldNames`). */
    pipelines_tabs: z.unknown().optional(),
  })
  .loose();

const TransitionStageSchema = z
  .object({ stage_id: z.string().optional(), name: z.string().optional() })
  .loose()
  .nullable()
  .optional();
/** `Deals.DealStageTransition`: `from_stage` is null on "the very first transition" (the deal's creation). */
const TransitionSchema = z
  .object({
    from_stage: TransitionStageSchema,
    to_stage: TransitionStageSchema,
    who: z.object({ user_id: z.string().optional(), name: z.string().optional() }).loose().nullable().optional(),
    /** `format: date` (a day, no time). */
    when: z.string().optional(),
  })
  .loose();

export const DealSchema = z
  .object({
    deal_id: z.string(),
    deal_number: z.number().optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
    currency: z.string().nullable().optional(),
    owner: ShortUserSchema.nullable().optional(),
    related_contacts: z
      .array(z.object({ contact: ShortContactSchema.nullable().optional() }).loose())
      .nullable()
      .optional(),
    /** Documented three ways (a map by id or name, one `{field_id, values}`, one `{field_name, values}`). */
    fields_values: z.unknown().optional(),
    fields_values_with_names: z.unknown().optional(),
    stage_transitions: z
      .object({
        pipeline_id: z.string().optional(),
        pipeline_name: z.string().optional(),
        transitions: z.array(TransitionSchema).optional(),
      })
      .loose()
      .nullable()
      .optional(),
    tags: z.array(z.string()).nullable().optional(),
    final_probability: z.number().nullable().optional(),
    age_in_days: z.number().nullable().optional(),
  })
  .loose();
export type NimbleDeal = z.infer<typeof DealSchema>;
export const DealListSchema = z.object({ resources: z.array(DealSchema) }).loose();
/** `GET /api/v2/deals/pipelines/{id}/deals` (`Deals.DealsStageGroup`): a pipeline's deals, grouped by stage. */
export const PipelineDealsSchema = z
  .object({ stages: z.array(z.object({ deals: z.array(DealSchema) }).loose()) })
  .loose();

/** `Deals.DealNote`: a deal's note has a title and a body (contact notes have neither). */
export const DealNoteSchema = z
  .object({
    note_id: z.string(),
    title: z.string().optional(),
    body: z.string().nullable().optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
    creator: ShortUserSchema.nullable().optional(),
  })
  .loose();
export type NimbleDealNote = z.infer<typeof DealNoteSchema>;

/** Contact field metadata (`GET /api/v1/contacts/fields`): tabs → groups or fields → fields. */
const MetaFieldSchema = z
  .object({
    type: z.literal('field').optional(),
    name: z.string(),
    field_id: z.string().optional(),
    modifier: z.string().optional(),
    multiples: z.boolean().optional(),
    read_only: z.boolean().optional(),
    available_actions: z.string().optional(),
    field_type: z
      .object({
        field_kind: z.string(),
        values: z
          .object({ values: z.array(z.object({ id: z.string(), value: z.string() }).loose()).default([]) })
          .loose()
          .optional(),
      })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();
export type MetaField = z.infer<typeof MetaFieldSchema>;
const MemberSchema = z.union([
  z
    .object({
      type: z.literal('group'),
      name: z.string().optional(),
      fields: z.array(MetaFieldSchema).default([]),
    })
    .loose(),
  MetaFieldSchema,
]);
export const FieldsMetadataSchema = z
  .object({
    tabs: z.array(
      z
        .object({
          tab_name: z.string().optional(),
          available_actions: z.string().optional(),
          members: z.array(MemberSchema).default([]),
        })
        .loose(),
    ),
  })
  .loose();
export type FieldsMetadata = z.infer<typeof FieldsMetadataSchema>;

/*
 * Request bodies: what the integration sends, typed for the client's methods.
 */

/** One value to write into a contact field. */
interface FieldWrite {
  value: string | null;
  modifier: string;
}
export type ContactFieldsBody = Record<string, FieldWrite[]>;

export interface CreateContactBody {
  record_type: 'person' | 'company';
  type: 'person' | 'company';
  fields: ContactFieldsBody;
  tags?: string;
  owner_id?: string;
}
export interface UpdateContactBody {
  fields: ContactFieldsBody;
}
export interface NoteBody {
  contact_ids: string[];
  note: string;
  note_preview: string;
}
/** `POST /api/v1/tasks` (`Tasks.NewTaskSpecification`): contacts through `related.contacts`, never `related_to`. */
export interface TaskBody {
  subject: string;
  notes?: string;
  due_date?: string;
  assigned_to?: string;
  is_important?: boolean;
  related?: { contacts: string[] };
}
/** `POST /api/v1/activities/task` (legacy docs, Pipedream, GearPlug): only these keys are documented. */
export interface LegacyTaskBody {
  subject: string;
  notes?: string;
  due_date?: string;
  related_to?: string[];
}
/**
 * `Deals.EditDealRequest` as we send it: `fields_values` keyed like a create (see `updateDeal.ts`); a
 * stage of the deal's own pipeline only, never a `pipeline_id` (nimble.md §12.3).
 */
export interface DealUpdateBody {
  stage_id?: string;
  currency?: string;
  fields_values?: Record<string, { value: string }[]>;
}
export interface DealNoteBody {
  title: string;
  body?: string;
}
export interface DealBody {
  pipeline_id: string;
  stage_id: string;
  owner_id: string;
  fields_values: Record<string, { value: string }[]>;
  currency?: string;
  related_contacts?: { contact_id: string }[];
  tags?: string[];
}
