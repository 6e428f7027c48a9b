/** What LunarSend answers (lunarsend.md), as zod schemas; each type is inferred from its schema. */
import { z } from 'zod';

/** The message of an array that is not exactly one item long (other issues keep zod's own). */
const oneItem = (issue: { code?: string }) =>
  issue.code === 'too_big' || issue.code === 'too_small' ? 'expected exactly one item' : undefined;

/**
 * An object, or a one-element array holding it: the reference wraps some answers in an array and
 * documents others as a bare object, so both are accepted (and nothing else).
 */
export const objectOrSingleton = <S extends z.ZodType>(schema: S) =>
  z.union([schema, z.tuple([schema], { error: oneItem }).transform(([only]) => only)]);

const text = z.string().nullish();
/** The v1 text calls phone an integer; v2 answers strings. Either becomes text. */
const phone = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (typeof v === 'number' ? String(v) : v));
/** deal_size is documented as a number; a numeric string is read as one. */
const amount = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v));

/** The fields every contact answer has. */
const contactFields = {
  user_id: text,
  email: text,
  first_name: text,
  last_name: text,
  phone,
  company: text,
  job_title: text,
  notes: text,
  owner: text,
  created_at: text,
  last_activity: text,
};
/** Search answers: `data` is the page of results; an absent or null `data` is an empty page. */
const searchAnswer = <S extends z.ZodType>(item: S) =>
  z.object({
    data: z
      .array(item)
      .nullish()
      .transform((v) => v ?? []),
    total_count: z.number().optional(),
    page: z.number().optional(),
    per_page: z.number().optional(),
  });

/* ---------- tags ---------- */

/**
 * A tag as the tag endpoints answer it (lunarsend.md, "Tags": create-tag's `data`, search-tag's
 * items): the name is `tag_name`, never `name`.
 */
export const TagSchema = z.object({
  id: z.string(),
  tag_name: z.string(),
  color: text,
  user_id: text,
  owner: text,
  created_at: text,
});
export type Tag = z.infer<typeof TagSchema>;
/** A tag inside a contact search result: `{ id, name, color }`, the one place the name is `name`. */
export const ContactTagSchema = z.object({ id: z.string(), name: z.string(), color: text });
/** `POST /tags` answers `[{ status, data: tag }]` (either level accepted as an object or a one-element array). */
export const TagAnswerSchema = objectOrSingleton(z.object({ data: objectOrSingleton(TagSchema) })).transform(
  (a) => a.data,
);
/** `GET /tags/search`: a page of tags (`tag_name`). */
export const TagSearchSchema = searchAnswer(TagSchema);

/**
 * The link `POST /tag/contacts` answers in `data` (lunarsend.md, "Tags", link tag to contact). What
 * identifies the link is required: a success of another shape is an unexpected answer, not a tag
 * added. The tag's name may be missing or null (Add Tag to Contact then reads the contact's tags);
 * who made it and when may be empty.
 */
export const TagLinkSchema = z.object({
  id: z.string(),
  tag_id: z.string(),
  contact_id: z.string(),
  tag_name: text,
  created_at: text,
  user_id: text,
  owner: text,
});
export type TagLink = z.infer<typeof TagLinkSchema>;
/** `POST /tag/contacts` answers `[{ status: "success", data: link }]`. */
export const TagLinkAnswerSchema = objectOrSingleton(z.object({ data: objectOrSingleton(TagLinkSchema) })).transform(
  (a) => a.data,
);

/**
 * One tag of `GET /contacts/tags?id=` (lunarsend.md, "Contacts", contact's tags): a link, its tag
 * named `tag_name`.
 */
export const ContactTagLinkSchema = z.object({ tag_id: z.string(), tag_name: z.string(), color: text });
export type ContactTagLink = z.infer<typeof ContactTagLinkSchema>;
/** `[{ status: "success", id: "<contact id>", data: [ … ] }]`; an absent or null `data` is no tags. */
export const ContactTagsAnswerSchema = objectOrSingleton(
  z.object({
    data: z
      .array(ContactTagLinkSchema)
      .nullish()
      .transform((v) => v ?? []),
  }),
).transform((a) => a.data);

/* ---------- contacts ---------- */

/** A contact as create, update and get answer it. */
export const ContactSchema = z.object({ id: z.string(), ...contactFields });
export type Contact = z.infer<typeof ContactSchema>;

/** A contact as search answers it: `contact_id` instead of `id`, plus its tags. */
export const SearchContactSchema = z.object({
  contact_id: z.string(),
  ...contactFields,
  tags: z.array(ContactTagSchema).nullish(),
});
export type SearchContact = z.infer<typeof SearchContactSchema>;

/**
 * Create/update answers `{ status|success, data: contact }`; `GET /contacts?id=` answers
 * `[{ success: true, id: "<id asked for>", data: contact }]` (lunarsend.md, "Contacts", get).
 */
export const ContactAnswerSchema = objectOrSingleton(z.object({ data: objectOrSingleton(ContactSchema) })).transform(
  (a) => a.data,
);
export const ContactSearchSchema = searchAnswer(SearchContactSchema);

/* ---------- pipeline deals ---------- */

/** The fields every deal answer has. */
const dealFields = {
  company: text,
  stage: text,
  deal_size: amount,
  open_date: text,
  close_date: text,
  est_close_date: text,
  primary_contact: text,
  contact_email: text,
  notes: text,
  user_id: text,
  owner: text,
  created_at: text,
};
export const DealSchema = z.object({ id: z.string(), ...dealFields });
export type Deal = z.infer<typeof DealSchema>;
export const SearchDealSchema = z.object({ deal_id: z.string(), ...dealFields });
export type SearchDeal = z.infer<typeof SearchDealSchema>;
export const DealAnswerSchema = objectOrSingleton(z.object({ data: objectOrSingleton(DealSchema) })).transform(
  (a) => a.data,
);
export const DealSearchSchema = searchAnswer(SearchDealSchema);

/** One envelope of `GET /pipeline?id=`: its `data` a deal, a list of deals or empty. */
const dealEnvelope = z.object({
  id: text,
  data: z
    .union([z.array(DealSchema), DealSchema])
    .nullish()
    .transform((d) => (d == null ? [] : [d].flat())),
});
/**
 * `GET /pipeline?id=` answers `[{ success: true, id: "<id asked for>", data: deal }]` (lunarsend.md,
 * "Pipeline deals"; wrapped in an array like get-contact). The id may repeat, so every shape the
 * envelope allows is read: one envelope or a list of them. The result is every deal found;
 * `getDeal` keeps only the one with the id asked for.
 */
export const DealGetSchema = z
  .union([dealEnvelope, z.array(dealEnvelope)])
  .transform((a) => [a].flat().flatMap((e) => e.data));

/* ---------- team users ---------- */

export const TeamUserSchema = z.object({
  user_id: z.string(),
  name: text,
  display_name: text,
  email: text,
  created_at: text,
});
export type TeamUser = z.infer<typeof TeamUserSchema>;
export const TeamUserSearchSchema = searchAnswer(TeamUserSchema);
