import { lazySchema, schemaOf, type AnySchema, type Infer, type LazySchema, type ZodNamespace } from '@crm-zapier/kit';
import type { z as Zod } from 'zod';

/**
 * Apideck CRM's wire shapes (apideck-crm.openapi.yml, components.schemas), as far as this app reads
 * them. Every field but `id` may be missing or null: connectors fill in what their CRM has. Enums
 * are read as open strings, because connectors pass through values the document does not list.
 *
 * Every schema is declared with `lazySchema`: zod is loaded and the schema built on first use, not
 * when the app is required (bench/RESULTS.md, section 1). The building blocks below are made once,
 * by the first builder that asks for them.
 */
const blocks = (z: ZodNamespace) => {
  const text = z.string().nullish();
  return {
    text,
    flag: z.boolean().nullish(),
    num: z.number().nullish(),
    /** Ids are strings on the wire; a number from a sloppy connector is accepted and made a string. */
    Id: z.union([z.string().min(1), z.number()]).transform(String),
    strings: z.array(z.string()).nullish(),
  };
};
let built: ReturnType<typeof blocks> | undefined;
/** The shared building blocks; call only inside a `lazySchema` builder. */
const parts = (z: ZodNamespace) => (built ??= blocks(z));

const list = <T extends Zod.ZodType>(z: ZodNamespace, item: T) => z.array(item).nullish();

export const EmailSchema = lazySchema((z) => {
  const { text } = parts(z);
  return z.object({ id: text, email: text, type: text });
});
export const PhoneNumberSchema = lazySchema((z) => {
  const { text } = parts(z);
  return z.object({ id: text, country_code: text, area_code: text, number: text, extension: text, type: text });
});
export const AddressSchema = lazySchema((z) => {
  const { text } = parts(z);
  return z.object({
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
});
export const WebsiteSchema = lazySchema((z) => {
  const { text } = parts(z);
  return z.object({ id: text, url: text, type: text });
});
export const SocialLinkSchema = lazySchema((z) => {
  const { text } = parts(z);
  return z.object({ id: text, url: text, type: text });
});
export type Email = Infer<typeof EmailSchema>;
export type PhoneNumber = Infer<typeof PhoneNumberSchema>;
export type Address = Infer<typeof AddressSchema>;

/**
 * A custom field as records carry it (apideck-crm.openapi.yml `CustomField`, apideck-crm.md §6.1):
 * `id` or `name` names it, `value` is a string, number, boolean, object, list or null. Ids and names
 * are the downstream CRM's, so a number is accepted for either (and read as text).
 */
export const CustomFieldSchema = lazySchema((z) => {
  const { text } = parts(z);
  const ref = z.union([z.string(), z.number()]).nullish();
  return z.object({ id: ref, name: ref, description: text, value: z.unknown() });
});
export type CustomField = Infer<typeof CustomFieldSchema>;

/** The contact channels Contact, Company and Lead share; call only inside a builder. */
const channels = (z: ZodNamespace) => ({
  emails: list(z, EmailSchema.schema),
  phone_numbers: list(z, PhoneNumberSchema.schema),
  addresses: list(z, AddressSchema.schema),
  websites: list(z, WebsiteSchema.schema),
  social_links: list(z, SocialLinkSchema.schema),
  tags: parts(z).strings,
});
type ChannelShape = ReturnType<typeof channels>;
export type Channels = { [K in keyof ChannelShape]?: Zod.output<ChannelShape[K]> };

export const ContactSchema = lazySchema((z) => {
  const { text, flag, Id } = parts(z);
  return z.object({
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
    ...channels(z),
    last_activity_at: text,
    custom_fields: list(z, CustomFieldSchema.schema),
    updated_at: text,
    created_at: text,
  });
});
export type Contact = Infer<typeof ContactSchema>;

export const CompanySchema = lazySchema((z) => {
  const { text, Id } = parts(z);
  return z.object({
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
    ...channels(z),
    last_activity_at: text,
    custom_fields: list(z, CustomFieldSchema.schema),
    updated_at: text,
    created_at: text,
  });
});
export type Company = Infer<typeof CompanySchema>;

export const OpportunitySchema = lazySchema((z) => {
  const { text, num, Id, strings } = parts(z);
  return z.object({
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
    custom_fields: list(z, CustomFieldSchema.schema),
    updated_at: text,
    created_at: text,
  });
});
export type Opportunity = Infer<typeof OpportunitySchema>;

/** A lead (apideck-crm.openapi.yml `Lead`): a prospect not yet qualified into a contact. */
export const LeadSchema = lazySchema((z) => {
  const { text, num, Id } = parts(z);
  return z.object({
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
    ...channels(z),
    custom_fields: list(z, CustomFieldSchema.schema),
    updated_at: text,
    created_at: text,
  });
});
export type Lead = Infer<typeof LeadSchema>;

export const NoteSchema = lazySchema((z) => {
  const { text, flag, Id } = parts(z);
  return z.object({
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
});
export type Note = Infer<typeof NoteSchema>;

export const ActivitySchema = lazySchema((z) => {
  const { text, flag, num, Id } = parts(z);
  return z.object({
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
});
export type Activity = Infer<typeof ActivitySchema>;

export const PipelineStageSchema = lazySchema((z) => {
  const { text, num, Id } = parts(z);
  return z.object({ id: Id, name: text, value: text, display_order: num });
});
export const PipelineSchema = lazySchema((z) => {
  const { text, flag, num, Id } = parts(z);
  return z.object({
    id: Id,
    name: text,
    active: flag,
    archived: flag,
    display_order: num,
    stages: list(z, PipelineStageSchema.schema),
  });
});
export type Pipeline = Infer<typeof PipelineSchema>;

export const UserSchema = lazySchema((z) => {
  const { text, Id } = parts(z);
  return z.object({
    id: Id,
    name: text,
    username: text,
    first_name: text,
    last_name: text,
    emails: list(z, EmailSchema.schema),
  });
});
export type User = Infer<typeof UserSchema>;

/** The envelope of every success answer (`status_code`, `status`, `service`, `data`, `meta`, `links`). */
const envelope = (z: ZodNamespace) => ({
  status_code: z.number().int().optional(),
  status: z.string().optional(),
  /** The connector that answered, e.g. `hubspot`. */
  service: z.string().nullish(),
});
const CursorsSchema = lazySchema((z) => {
  const { text } = parts(z);
  return z.object({ previous: text, current: text, next: text });
});

/** One lazy schema per item schema, so an envelope is built once, on its first use. */
const perItem = <R extends Zod.ZodType>(wrap: (z: ZodNamespace, item: Zod.ZodType) => R) => {
  const cache = new WeakMap<object, LazySchema<R>>();
  return <T extends Zod.ZodType>(item: AnySchema<T>) => {
    let lazy = cache.get(item);
    if (!lazy) {
      lazy = lazySchema((z) => wrap(z, schemaOf(item)));
      cache.set(item, lazy);
    }
    return lazy;
  };
};

const listWrap = (z: ZodNamespace, item: Zod.ZodType) =>
  z.object({
    ...envelope(z),
    data: z.array(item),
    meta: z.object({ items_on_page: parts(z).num, cursors: CursorsSchema.schema.nullish() }).nullish(),
  });
const oneWrap = (z: ZodNamespace, item: Zod.ZodType) => z.object({ ...envelope(z), data: item });

type ListEnvelope<T extends Zod.ZodType> = Omit<Zod.output<ReturnType<typeof listWrap>>, 'data'> & {
  data: Zod.output<T>[];
};
type OneEnvelope<T extends Zod.ZodType> = Omit<Zod.output<ReturnType<typeof oneWrap>>, 'data'> & {
  data: Zod.output<T>;
};

const listEnvelopes = perItem(listWrap);
const oneEnvelopes = perItem(oneWrap);

/** A list answer (`GET /crm/<resource>`): the records under `data`. Declared lazily; built on first use. */
export const listEnvelope = <T extends Zod.ZodType>(item: AnySchema<T>) =>
  listEnvelopes(item) as unknown as LazySchema<Zod.ZodType<ListEnvelope<T>>>;

/** A one-record answer (`GET /crm/<resource>/{id}`): the record under `data`. Declared lazily. */
export const oneEnvelope = <T extends Zod.ZodType>(item: AnySchema<T>) =>
  oneEnvelopes(item) as unknown as LazySchema<Zod.ZodType<OneEnvelope<T>>>;

export const IdEnvelopeSchema = lazySchema((z) => z.object({ ...envelope(z), data: z.object({ id: parts(z).Id }) }));

/** Apideck's error body (BadRequestResponse, UnprocessableResponse, …): all fields optional. */
export const ErrorBodySchema = lazySchema((z) =>
  z.object({
    status_code: z.number().optional(),
    error: z.string().optional(),
    type_name: z.string().optional(),
    message: z.string().optional(),
    detail: z.unknown().optional(),
    ref: z.string().optional(),
    downstream_errors: z.array(z.object({ message: z.string().optional() })).optional(),
  }),
);

/**
 * A record's channel lists as read before an update merges into them. Each item is kept whole (as
 * the CRM sent it), so the merge can write back every documented part of the items it keeps,
 * including parts this app never shows (an address's `line4`, `latitude`, `row_version` …).
 */
export const ChannelListsSchema = lazySchema((z) => {
  const items = z.array(z.record(z.string(), z.unknown())).nullish();
  return z.object({ emails: items, phone_numbers: items, addresses: items, websites: items });
});
export type ChannelLists = Infer<typeof ChannelListsSchema>;

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
}
export interface CompanyBody extends ChannelsBody {
  /** Required on create; an update sends it only when given. */
  name?: string;
  owner_id?: string;
  industry?: string;
  description?: string;
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
