import { z } from 'zod';

/**
 * An object, or a one-element array holding it: the reference wraps some answers in an array and
 * documents others as a bare object, so both are accepted (and nothing else).
 */
export const objectOrSingleton = <S extends z.ZodType>(schema: S) =>
  z
    .union([schema, z.array(schema).length(1, 'expected exactly one item')])
    .transform((v) => (Array.isArray(v) ? v[0] : v) as z.output<S>);

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

export const TagSchema = z.object({ id: z.string(), name: z.string(), color: text });
export type Tag = z.infer<typeof TagSchema>;
/** `GET /tags/search`: a page of tags. */
export const TagSearchSchema = z.object({
  data: z
    .array(TagSchema)
    .nullish()
    .transform((v) => v ?? []),
});
/** `POST /tags` answers the new tag in the `data` envelope (object or one-element array at either level). */
export const TagAnswerSchema = objectOrSingleton(z.object({ data: objectOrSingleton(TagSchema) })).transform(
  (a) => a.data,
);
/**
 * `POST /tag/contacts`: the document gives the body but not the answer. Success is judged by the HTTP
 * status; any JSON answer is accepted and nothing is read from it.
 */
export const TagContactAnswerSchema = z.unknown();

/** A contact as create, update and get answer it. */
export const ContactSchema = z.object({ id: z.string(), ...contactFields });
export type Contact = z.infer<typeof ContactSchema>;

/** A contact as search answers it: `contact_id` instead of `id`, plus its tags. */
export const SearchContactSchema = z.object({
  contact_id: z.string(),
  ...contactFields,
  tags: z.array(TagSchema).nullish(),
});
export type SearchContact = z.infer<typeof SearchContactSchema>;

/** Create/update answers: `{ status|success, data: contact }`, either level possibly a one-element array. */
export const ContactAnswerSchema = objectOrSingleton(z.object({ data: objectOrSingleton(ContactSchema) })).transform(
  (a) => a.data,
);

const page = {
  total_count: z.number().optional(),
  page: z.number().optional(),
  per_page: z.number().optional(),
};
/** Search answers: `data` is the page of results; an absent or null `data` is an empty page. */
const searchAnswer = <S extends z.ZodType>(item: S) =>
  z.object({
    data: z
      .array(item)
      .nullish()
      .transform((v) => v ?? []),
    ...page,
  });

export const ContactSearchSchema = searchAnswer(SearchContactSchema);

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
/**
 * `GET /pipeline?id=` (`id` may repeat): the deals in `data`, an array or a single object. Asked for
 * one id, the first deal with that id is the answer.
 */
export const DealGetSchema = z
  .object({ data: z.union([z.array(DealSchema), DealSchema]).nullish() })
  .transform((a) => (a.data == null ? [] : Array.isArray(a.data) ? a.data : [a.data]));
/** `GET /contacts?id=`: one contact in the `data` envelope (object or one-element array). */
export const ContactGetSchema = ContactAnswerSchema;

export const TeamUserSchema = z.object({
  user_id: z.string(),
  name: text,
  display_name: text,
  email: text,
  created_at: text,
});
export type TeamUser = z.infer<typeof TeamUserSchema>;
export const TeamUserSearchSchema = searchAnswer(TeamUserSchema);

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
