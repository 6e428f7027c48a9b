import { lazySchema, zod, type Infer } from '@crm-zapier/kit';
import type { z } from 'zod';

/**
 * An object, or a one-element array holding it: the reference wraps some answers in an array and
 * documents others as a bare object, so both are accepted (and nothing else). It builds a schema:
 * call it inside a `lazySchema` builder.
 */
export const objectOrSingleton = <S extends z.ZodType>(schema: S) =>
  zod()
    .union([schema, zod().array(schema).length(1, 'expected exactly one item')])
    .transform((v) => (Array.isArray(v) ? v[0] : v) as z.output<S>);

const text = lazySchema((z) => z.string().nullish());
/** The v1 text calls phone an integer; v2 answers strings. Either becomes text. */
const phone = lazySchema((z) =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (typeof v === 'number' ? String(v) : v)),
);
/** deal_size is documented as a number; a numeric string is read as one. */
const amount = lazySchema((z) =>
  z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)),
);

/** The fields every contact answer has (call inside a `lazySchema` builder). */
const contactFields = () => ({
  user_id: text.schema,
  email: text.schema,
  first_name: text.schema,
  last_name: text.schema,
  phone: phone.schema,
  company: text.schema,
  job_title: text.schema,
  notes: text.schema,
  owner: text.schema,
  created_at: text.schema,
  last_activity: text.schema,
});

/**
 * A tag as the tag endpoints answer it (lunarsend.md, "Tags": create-tag's `data`, search-tag's
 * items): the name is `tag_name`, never `name`.
 */
export const TagSchema = lazySchema((z) =>
  z.object({
    id: z.string(),
    tag_name: z.string(),
    color: text.schema,
    user_id: text.schema,
    owner: text.schema,
    created_at: text.schema,
  }),
);
export type Tag = Infer<typeof TagSchema>;
/** A tag inside a contact search result: `{ id, name, color }`, the one place the name is `name`. */
export const ContactTagSchema = lazySchema((z) => z.object({ id: z.string(), name: z.string(), color: text.schema }));
export type ContactTag = Infer<typeof ContactTagSchema>;
/** `POST /tags` answers `[{ status, data: tag }]` (either level accepted as an object or a one-element array). */
export const TagAnswerSchema = lazySchema((z) =>
  objectOrSingleton(z.object({ data: objectOrSingleton(TagSchema.schema) })).transform((a) => a.data),
);
/**
 * The link `POST /tag/contacts` answers in `data` (lunarsend.md, "Tags", link tag to contact). What
 * identifies the link, and the tag name the action outputs, are required: a success of another
 * shape is an unexpected answer, not a tag added. Who made it and when may be empty.
 */
export const TagLinkSchema = lazySchema((z) =>
  z.object({
    id: z.string(),
    tag_id: z.string(),
    contact_id: z.string(),
    tag_name: z.string(),
    created_at: text.schema,
    user_id: text.schema,
    owner: text.schema,
  }),
);
export type TagLink = Infer<typeof TagLinkSchema>;
/** `POST /tag/contacts` answers `[{ status: "success", data: link }]`. */
export const TagLinkAnswerSchema = lazySchema((z) =>
  objectOrSingleton(z.object({ data: objectOrSingleton(TagLinkSchema.schema) })).transform((a) => a.data),
);

/** A contact as create, update and get answer it. */
export const ContactSchema = lazySchema((z) => z.object({ id: z.string(), ...contactFields() }));
export type Contact = Infer<typeof ContactSchema>;

/** A contact as search answers it: `contact_id` instead of `id`, plus its tags. */
export const SearchContactSchema = lazySchema((z) =>
  z.object({
    contact_id: z.string(),
    ...contactFields(),
    tags: z.array(ContactTagSchema.schema).nullish(),
  }),
);
export type SearchContact = Infer<typeof SearchContactSchema>;

/** Create/update answers: `{ status|success, data: contact }`, either level possibly a one-element array. */
export const ContactAnswerSchema = lazySchema((z) =>
  objectOrSingleton(z.object({ data: objectOrSingleton(ContactSchema.schema) })).transform((a) => a.data),
);

/** Search answers: `data` is the page of results; an absent or null `data` is an empty page. */
const searchAnswer = <S extends z.ZodType>(item: S) =>
  zod().object({
    data: zod()
      .array(item)
      .nullish()
      .transform((v) => v ?? []),
    total_count: zod().number().optional(),
    page: zod().number().optional(),
    per_page: zod().number().optional(),
  });

export const ContactSearchSchema = lazySchema(() => searchAnswer(SearchContactSchema.schema));
/** `GET /tags/search`: a page of tags (`tag_name`). */
export const TagSearchSchema = lazySchema(() => searchAnswer(TagSchema.schema));

/** The fields every deal answer has (call inside a `lazySchema` builder). */
const dealFields = () => ({
  company: text.schema,
  stage: text.schema,
  deal_size: amount.schema,
  open_date: text.schema,
  close_date: text.schema,
  est_close_date: text.schema,
  primary_contact: text.schema,
  contact_email: text.schema,
  notes: text.schema,
  user_id: text.schema,
  owner: text.schema,
  created_at: text.schema,
});
export const DealSchema = lazySchema((z) => z.object({ id: z.string(), ...dealFields() }));
export type Deal = Infer<typeof DealSchema>;
export const SearchDealSchema = lazySchema((z) => z.object({ deal_id: z.string(), ...dealFields() }));
export type SearchDeal = Infer<typeof SearchDealSchema>;
export const DealAnswerSchema = lazySchema((z) =>
  objectOrSingleton(z.object({ data: objectOrSingleton(DealSchema.schema) })).transform((a) => a.data),
);
export const DealSearchSchema = lazySchema(() => searchAnswer(SearchDealSchema.schema));
/**
 * `GET /pipeline?id=` answers `[{ success: true, id: "<id asked for>", data: deal }]` (lunarsend.md,
 * "Pipeline deals"; wrapped in an array like get-contact). The id may repeat, so every shape the
 * envelope allows is read: one envelope or a list of them, each `data` a deal, a list of deals or
 * empty. The result is every deal found; `getDeal` keeps only the one with the id asked for.
 */
export const DealGetSchema = lazySchema((z) => {
  const envelope = z.object({
    id: text.schema,
    data: z.union([z.array(DealSchema.schema), DealSchema.schema]).nullish(),
  });
  return z
    .union([envelope, z.array(envelope)])
    .transform((a) =>
      (Array.isArray(a) ? a : [a]).flatMap((e) => (e.data == null ? [] : Array.isArray(e.data) ? e.data : [e.data])),
    );
});
/**
 * `GET /contacts?id=` answers `[{ success: true, id: "<id asked for>", data: contact }]` (lunarsend.md,
 * "Contacts", get): one contact in the `data` envelope, object or one-element array at either level.
 */
export const ContactGetSchema = ContactAnswerSchema;

export const TeamUserSchema = lazySchema((z) =>
  z.object({
    user_id: z.string(),
    name: text.schema,
    display_name: text.schema,
    email: text.schema,
    created_at: text.schema,
  }),
);
export type TeamUser = Infer<typeof TeamUserSchema>;
export const TeamUserSearchSchema = lazySchema(() => searchAnswer(TeamUserSchema.schema));

/** The fields a contact body may carry (create: first_name and email required; update: any). */
export interface ContactBody {
  first_name?: string;
  email?: string;
  last_name?: string;
  phone?: string;
  company?: string;
  job_title?: string;
  notes?: string;
  user_id?: string;
}
export interface NewContactBody extends ContactBody {
  first_name: string;
  email: string;
}
export interface ContactUpdateBody extends ContactBody {
  id: string;
}

/** `POST /tags`: `{ data: { tag_name, color?, user_id? } }` (lunarsend.md, "Tags", create tag). */
export interface NewTagBody {
  tag_name: string;
  color?: string;
  user_id?: string;
}

export interface NewDealBody {
  company: string;
  stage: string;
  deal_size?: number;
  open_date?: string;
  close_date?: string;
  primary_contact?: string;
  contact_email?: string;
  notes?: string;
  user_id?: string;
}

/** `PATCH /pipeline`: the id and only the fields to change. */
export type DealUpdateBody = Partial<NewDealBody> & { id: string };

/** Query of every search endpoint: zero-based `page`, `query_amount` up to 100. */
export interface SearchParams {
  [key: string]: string | number | undefined;
  search_term?: string;
  search_by?: string;
  query_amount: number;
  page?: number;
}
