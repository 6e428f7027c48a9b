import { z } from 'zod';

/**
 * Apideck CRM's wire shapes (apideck-crm.openapi.yml, components.schemas), as far as this app reads
 * them. Every field but `id` may be missing or null: connectors fill in what their CRM has. Enums
 * are read as open strings, because connectors pass through values the document does not list.
 */
const text = z.string().nullish();
const flag = z.boolean().nullish();
const num = z.number().nullish();
/** Ids are strings on the wire; a number from a sloppy connector is accepted and made a string. */
const Id = z.union([z.string().min(1), z.number()]).transform(String);
const strings = z.array(z.string()).nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

export const EmailSchema = z.object({ id: text, email: text, type: text });
export const PhoneNumberSchema = z.object({
  id: text,
  country_code: text,
  area_code: text,
  number: text,
  extension: text,
  type: text,
});
export const AddressSchema = z.object({
  id: text,
  type: text,
  string: text,
  name: text,
  line1: text,
  line2: text,
  line3: text,
  street_number: text,
  city: text,
  state: text,
  postal_code: text,
  country: text,
  county: text,
});
export const WebsiteSchema = z.object({ id: text, url: text, type: text });
export const SocialLinkSchema = z.object({ id: text, url: text, type: text });
export type Email = z.infer<typeof EmailSchema>;
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>;
export type Address = z.infer<typeof AddressSchema>;

/**
 * A custom field as records carry it (apideck-crm.openapi.yml `CustomField`, apideck-crm.md §6.1):
 * `id` or `name` names it, `value` is a string, number, boolean, object, list or null. Ids and names
 * are the downstream CRM's, so a number is accepted for either (and read as text).
 */
const ref = z.union([z.string(), z.number()]).nullish();
export const CustomFieldSchema = z.object({ id: ref, name: ref, description: text, value: z.unknown() });
export type CustomField = z.infer<typeof CustomFieldSchema>;

/**
 * A connection's custom fields for one resource, as Vault lists them (apideck-vault.openapi.yml
 * `GetCustomFieldsResponse`, items `CustomFieldFinder`: `id`, `name` "to use as a label if
 * provided", `description`, a sampled `value`, and the downstream JSONPath `finder`).
 */
export const CustomFieldListSchema = z.object({
  status_code: z.number().int().optional(),
  status: z.string().optional(),
  data: z.array(z.object({ id: ref, name: ref, description: text, value: z.unknown(), finder: text })),
});
export type ListedCustomField = z.infer<typeof CustomFieldListSchema>['data'][number];

/** The contact channels Contact, Company and Lead share. */
export const ChannelsSchema = z.object({
  emails: list(EmailSchema),
  phone_numbers: list(PhoneNumberSchema),
  addresses: list(AddressSchema),
  websites: list(WebsiteSchema),
  social_links: list(SocialLinkSchema),
  tags: strings,
});
export type Channels = z.infer<typeof ChannelsSchema>;
const channels = ChannelsSchema.shape;

export const ContactSchema = z.object({
  id: Id,
  name: text,
  owner_id: text,
  type: text,
  company_id: text,
  company_name: text,
  lead_id: text,
  first_name: text,
  middle_name: text,
  last_name: text,
  prefix: text,
  suffix: text,
  title: text,
  department: text,
  language: text,
  gender: text,
  birthday: text,
  photo_url: text,
  lead_source: text,
  description: text,
  status: text,
  active: flag,
  email_domain: text,
  ...channels,
  last_activity_at: text,
  custom_fields: list(CustomFieldSchema),
  updated_at: text,
  created_at: text,
});
export type Contact = z.infer<typeof ContactSchema>;

export const CompanySchema = z.object({
  id: Id,
  name: text,
  owner_id: text,
  description: text,
  industry: text,
  vat_number: text,
  currency: text,
  status: text,
  annual_revenue: text,
  number_of_employees: text,
  ownership: text,
  parent_id: text,
  ...channels,
  last_activity_at: text,
  custom_fields: list(CustomFieldSchema),
  updated_at: text,
  created_at: text,
});
export type Company = z.infer<typeof CompanySchema>;

export const OpportunitySchema = z.object({
  id: Id,
  title: text,
  description: text,
  type: text,
  monetary_amount: num,
  currency: text,
  win_probability: num,
  expected_revenue: num,
  close_date: text,
  pipeline_id: text,
  pipeline_stage_id: text,
  status: text,
  primary_contact_id: text,
  contact_ids: strings,
  company_id: text,
  company_name: text,
  owner_id: text,
  lead_id: text,
  lead_source: text,
  priority: text,
  loss_reason: text,
  won_reason: text,
  tags: strings,
  date_stage_changed: text,
  last_activity_at: text,
  custom_fields: list(CustomFieldSchema),
  updated_at: text,
  created_at: text,
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

/** A lead (apideck-crm.openapi.yml `Lead`): a prospect not yet qualified into a contact. */
export const LeadSchema = z.object({
  id: Id,
  name: text,
  company_name: text,
  owner_id: text,
  owner_name: text,
  company_id: text,
  contact_id: text,
  lead_source: text,
  first_name: text,
  last_name: text,
  description: text,
  prefix: text,
  title: text,
  language: text,
  status: text,
  monetary_amount: num,
  currency: text,
  fax: text,
  ...channels,
  custom_fields: list(CustomFieldSchema),
  updated_at: text,
  created_at: text,
});
export type Lead = z.infer<typeof LeadSchema>;

export const NoteSchema = z.object({
  id: Id,
  title: text,
  content: text,
  owner_id: text,
  contact_id: text,
  company_id: text,
  opportunity_id: text,
  lead_id: text,
  active: flag,
  updated_at: text,
  created_at: text,
});
export type Note = z.infer<typeof NoteSchema>;

export const ActivitySchema = z.object({
  id: Id,
  type: text,
  title: text,
  description: text,
  activity_datetime: text,
  start_datetime: text,
  end_datetime: text,
  duration_seconds: num,
  contact_id: text,
  company_id: text,
  opportunity_id: text,
  owner_id: text,
  done: flag,
  updated_at: text,
  created_at: text,
});
export type Activity = z.infer<typeof ActivitySchema>;

export const PipelineStageSchema = z.object({ id: Id, name: text, value: text, display_order: num });
export const PipelineSchema = z.object({
  id: Id,
  name: text,
  active: flag,
  archived: flag,
  display_order: num,
  stages: list(PipelineStageSchema),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

export const UserSchema = z.object({
  id: Id,
  name: text,
  username: text,
  first_name: text,
  last_name: text,
  emails: list(EmailSchema),
});
export type User = z.infer<typeof UserSchema>;

/** `Webhook` (apideck-webhook.openapi.yml) as far as the app reads it; the id is always returned. */
export const WebhookSchema = z.object({
  id: Id,
  status: text,
  disabled_reason: text,
  delivery_url: text,
  events: strings,
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** `CrmWebhookEvent`: every key optional in the document; an event without a type or entity is not one. */
export const WebhookEventSchema = z.object({
  event_type: z.string().min(1),
  unified_api: text,
  service_id: text,
  consumer_id: text,
  event_id: text,
  entity_id: Id,
  entity_type: text,
  entity_url: text,
  execution_attempt: num,
  occurred_at: text,
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** The envelope of every success answer (`status_code`, `status`, `service`, `data`, `meta`, `links`). */
const envelope = {
  status_code: z.number().int().optional(),
  status: z.string().optional(),
  /** The connector that answered, e.g. `hubspot`. */
  service: z.string().nullish(),
};
const CursorsSchema = z.object({ previous: text, current: text, next: text });

/** A list answer (`GET /crm/<resource>`): the records under `data`, the next cursor under `meta`. */
export const listEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({
    ...envelope,
    data: z.array(item),
    meta: z.object({ items_on_page: num, cursors: CursorsSchema.nullish() }).nullish(),
  });

/** A one-record answer (`GET /crm/<resource>/{id}`, the Webhook API's answers): the record under `data`. */
export const oneEnvelope = <T extends z.ZodType>(item: T) => z.object({ ...envelope, data: item });

export const IdEnvelopeSchema = oneEnvelope(z.object({ id: Id }));

/** Apideck's error body (BadRequestResponse, UnprocessableResponse, …): all fields optional. */
export const ErrorBodySchema = z.object({
  status_code: z.number().optional(),
  error: z.string().optional(),
  type_name: z.string().optional(),
  message: z.string().optional(),
  detail: z.unknown().optional(),
  ref: z.string().optional(),
  downstream_errors: z.array(z.object({ message: z.string().optional() })).optional(),
});

/**
 * A record's channel lists as read before an update merges into them. Each item is kept whole (as
 * the CRM sent it), so the merge can write back every documented part of the items it keeps,
 * including parts this app never shows (an address's `line4`, `latitude`, `row_version` …).
 */
const items = z.array(z.record(z.string(), z.unknown())).nullish();
export const ChannelListsSchema = z.object({ emails: items, phone_numbers: items, addresses: items, websites: items });
export type ChannelLists = z.infer<typeof ChannelListsSchema>;

/**
 * Request bodies: only the writable fields this app sends. A list item may carry the `id` and the
 * other documented parts of an item read from the record (an update keeps them when it merges).
 */
export interface EmailBody {
  id?: string;
  email: string;
  type?: string;
}
export interface PhoneNumberBody {
  id?: string;
  country_code?: string;
  area_code?: string;
  number: string;
  extension?: string;
  type?: string;
}
export interface AddressBody {
  type?: string;
  line1?: string;
  city?: string;
  state?: string;
  postal_code?: string;
  country?: string;
  /** The other documented parts (`id`, `line2` … `row_version`), as read from the record. */
  [part: string]: unknown;
}
export interface WebsiteBody {
  id?: string;
  url: string;
  type?: string;
}
export interface ChannelsBody {
  emails?: EmailBody[];
  phone_numbers?: PhoneNumberBody[];
  addresses?: AddressBody[];
  websites?: WebsiteBody[];
  tags?: string[];
}
/** A custom field as a create or update writes it (apideck-crm.md §6.1): the downstream field's id and its value. */
export interface CustomFieldBody {
  id: string;
  value: string | number | boolean;
}
export interface ContactBody extends ChannelsBody {
  name?: string | null;
  first_name?: string;
  last_name?: string;
  title?: string;
  company_name?: string;
  company_id?: string;
  owner_id?: string;
  type?: string;
  lead_source?: string;
  description?: string;
  custom_fields?: CustomFieldBody[];
}
export interface CompanyBody extends ChannelsBody {
  /** Required on create; an update sends it only when given. */
  name?: string;
  owner_id?: string;
  industry?: string;
  description?: string;
  custom_fields?: CustomFieldBody[];
  number_of_employees?: string;
  annual_revenue?: string;
  vat_number?: string;
}
export interface OpportunityBody {
  title: string;
  /** Always sent (null when empty): the 10.3.6 document requires the key. */
  primary_contact_id: string | null;
  pipeline_id?: string;
  pipeline_stage_id?: string;
  monetary_amount?: number;
  currency?: string;
  close_date?: string;
  win_probability?: number;
  company_id?: string;
  owner_id?: string;
  status?: string;
  description?: string;
  custom_fields?: CustomFieldBody[];
  tags?: string[];
}
export interface OpportunityPatch extends Partial<Omit<OpportunityBody, 'primary_contact_id'>> {
  primary_contact_id?: string;
}
export interface LeadBody extends ChannelsBody {
  name?: string;
  first_name?: string;
  last_name?: string;
  prefix?: string;
  title?: string;
  company_name?: string;
  company_id?: string;
  owner_id?: string;
  lead_source?: string;
  status?: string;
  monetary_amount?: number;
  currency?: string;
  language?: string;
  description?: string;
  custom_fields?: CustomFieldBody[];
}
export interface NoteBody {
  content: string;
  title?: string;
  contact_id?: string;
  company_id?: string;
  opportunity_id?: string;
  owner_id?: string;
}
export interface ActivityBody {
  type: string;
  title?: string;
  description?: string;
  activity_datetime?: string;
  start_datetime?: string;
  end_datetime?: string;
  duration_seconds?: number;
  contact_id?: string;
  company_id?: string;
  opportunity_id?: string;
  owner_id?: string;
}
