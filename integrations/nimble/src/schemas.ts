import { lazySchema, type Infer } from '@crm-zapier/kit';

/** Responses are checked loosely: the keys we map, with the rest passed through untouched. */

export const MyselfSchema = lazySchema((z) =>
  z
    .object({
      user_id: z.string(),
      name: z.string().optional(),
      email: z.string().optional(),
      company_id: z.string().optional(),
      company_size: z.number().optional(),
    })
    .loose(),
);
export type Myself = Infer<typeof MyselfSchema>;

export const TokenSchema = lazySchema((z) =>
  z
    .object({
      access_token: z.string().min(1),
      refresh_token: z.string().optional(),
      expires_in: z.number().optional(),
      token_type: z.string().optional(),
      scope: z.string().optional(),
    })
    .loose(),
);
export type TokenAnswer = Infer<typeof TokenSchema>;

/** One value of a contact field: `{value, modifier, label?, field_id?, is_primary?}`. */
export const FieldValueSchema = lazySchema((z) =>
  z
    .object({
      value: z.string().nullable().optional(),
      modifier: z.string().nullable().optional(),
      label: z.string().optional(),
      field_id: z.string().optional(),
      is_primary: z.boolean().optional(),
    })
    .loose(),
);
export type FieldValue = Infer<typeof FieldValueSchema>;

/** Tags come as `["a"]` (schema) or `[{tag, id}]` (guide). */
export const TagSchema = lazySchema((z) => z.union([z.string(), z.object({ tag: z.string() }).loose()]));

export const ContactSchema = lazySchema((z) =>
  z
    .object({
      id: z.string(),
      record_type: z.string().optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
      creator: z.string().nullable().optional(),
      updater: z.string().nullable().optional(),
      owner_id: z.string().nullable().optional(),
      avatar_url: z.string().nullable().optional(),
      fields: z.record(z.string(), z.array(FieldValueSchema.schema)),
      tags: z.array(TagSchema.schema).nullable().optional(),
    })
    .loose(),
);
export type NimbleContact = Infer<typeof ContactSchema>;

/**
 * What `PUT /api/v1/contacts/{id}/tags` answers: the contact (OpenAPI document) or `{}` (Nimble's
 * legacy docs, `docs/contacts/tags/update.rst`); nimble.md §1b says accept both. An answer with an
 * `id` must be a contact; one without is read as "no contact given".
 */
export const TagsAnswerSchema = lazySchema((z) =>
  z.union([
    ContactSchema.schema,
    z
      .object({ id: z.undefined().optional() })
      .loose()
      .transform(() => undefined),
  ]),
);

export const ContactListSchema = lazySchema((z) => z.object({ resources: z.array(ContactSchema.schema) }).loose());
export const ContactByIdSchema = lazySchema((z) => z.object({ resources: z.array(ContactSchema.schema) }).loose());

const ShortUserSchema = lazySchema((z) =>
  z.object({ user_id: z.string(), name: z.string().optional(), email: z.string().optional() }).loose(),
);

const ShortContactSchema = lazySchema((z) => z.object({ id: z.string(), name: z.string().optional() }).loose());

export const NoteSchema = lazySchema((z) =>
  z
    .object({
      id: z.string(),
      note: z.string(),
      note_preview: z.string().optional(),
      author_name: z.string().optional(),
      owner_id: z.string().optional(),
      contacts: z.array(ShortContactSchema.schema).optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
    })
    .loose(),
);
export type NimbleNote = Infer<typeof NoteSchema>;

export const TaskSchema = lazySchema((z) =>
  z
    .object({
      id: z.string(),
      subject: z.string(),
      notes: z.string().nullable().optional(),
      due_date: z.string().nullable().optional(),
      completed: z.boolean().optional(),
      is_important: z.boolean().optional(),
      owner_id: z.string().optional(),
      assigned_to: ShortUserSchema.schema.nullable().optional(),
      related: z
        .object({ contacts: z.array(ShortContactSchema.schema).optional() })
        .loose()
        .optional(),
      /** The legacy endpoint's link: contact ids. */
      related_to: z.array(z.string()).nullable().optional(),
      tags: z.array(z.string()).optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
    })
    .loose(),
);
export type NimbleTask = Infer<typeof TaskSchema>;

const StageSchema = lazySchema((z) =>
  z
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
    .loose(),
);
export type Stage = Infer<typeof StageSchema>;

export const PipelineSchema = lazySchema((z) =>
  z
    .object({
      pipeline_id: z.string(),
      name: z.string(),
      default_currency: z.string().nullable().optional(),
      archived_at: z.string().nullable().optional(),
      stages: z.array(StageSchema.schema).default([]),
    })
    .loose(),
);
export type Pipeline = Infer<typeof PipelineSchema>;
export const PipelineListSchema = lazySchema((z) => z.object({ pipelines: z.array(PipelineSchema.schema) }).loose());

export const DealFieldSchema = lazySchema((z) => z.object({ field_id: z.string(), field_name: z.string() }).loose());
export const DealFieldsSchema = lazySchema((z) =>
  z
    .object({
      standard_fields: z.array(DealFieldSchema.schema).default([]),
      /** Custom fields per pipeline, in a shape documented loosely (see `customDealFieldNames`). */
      pipelines_tabs: z.unknown().optional(),
    })
    .loose(),
);

const TransitionSchema = lazySchema((z) =>
  z
    .object({
      to_stage: z
        .object({ stage_id: z.string().optional(), name: z.string().optional() })
        .loose()
        .nullable()
        .optional(),
      when: z.string().optional(),
    })
    .loose(),
);

export const DealSchema = lazySchema((z) =>
  z
    .object({
      deal_id: z.string(),
      deal_number: z.number().optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
      currency: z.string().nullable().optional(),
      owner: ShortUserSchema.schema.nullable().optional(),
      related_contacts: z
        .array(z.object({ contact: ShortContactSchema.schema.nullable().optional() }).loose())
        .nullable()
        .optional(),
      /** Documented three ways (a map by id or name, one `{field_id, values}`, one `{field_name, values}`). */
      fields_values: z.unknown().optional(),
      fields_values_with_names: z.unknown().optional(),
      stage_transitions: z
        .object({
          pipeline_id: z.string().optional(),
          pipeline_name: z.string().optional(),
          transitions: z.array(TransitionSchema.schema).optional(),
        })
        .loose()
        .nullable()
        .optional(),
      tags: z.array(z.string()).nullable().optional(),
      final_probability: z.number().nullable().optional(),
      age_in_days: z.number().nullable().optional(),
    })
    .loose(),
);
export type NimbleDeal = Infer<typeof DealSchema>;
export const DealListSchema = lazySchema((z) => z.object({ resources: z.array(DealSchema.schema) }).loose());

/** `Deals.DealNote`: a deal's note has a title and a body (contact notes have neither). */
export const DealNoteSchema = lazySchema((z) =>
  z
    .object({
      note_id: z.string(),
      title: z.string().optional(),
      body: z.string().nullable().optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
      creator: ShortUserSchema.schema.nullable().optional(),
    })
    .loose(),
);
export type NimbleDealNote = Infer<typeof DealNoteSchema>;

/** Contact field metadata (`GET /api/v1/contacts/fields`): tabs → groups or fields → fields. */
export const MetaFieldSchema = lazySchema((z) =>
  z
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
    .loose(),
);
export type MetaField = Infer<typeof MetaFieldSchema>;
const MemberSchema = lazySchema((z) =>
  z.union([
    z
      .object({
        type: z.literal('group'),
        name: z.string().optional(),
        fields: z.array(MetaFieldSchema.schema).default([]),
      })
      .loose(),
    MetaFieldSchema.schema,
  ]),
);
export const FieldsMetadataSchema = lazySchema((z) =>
  z
    .object({
      tabs: z.array(
        z
          .object({
            tab_name: z.string().optional(),
            available_actions: z.string().optional(),
            members: z.array(MemberSchema.schema).default([]),
          })
          .loose(),
      ),
    })
    .loose(),
);
export type FieldsMetadata = Infer<typeof FieldsMetadataSchema>;

/** One value to write into a contact field. */
export interface FieldWrite {
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
