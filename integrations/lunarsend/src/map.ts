import type { FlatObject } from '@crm-zapier/kit';
import type { Contact, Deal, SearchContact, SearchDeal, Tag, TagLink, TeamUser } from './schemas';

const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

export interface FlatContact extends FlatObject {
  id: string;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  job_title: string | null;
  notes: string | null;
  user_id: string | null;
  owner: string | null;
  created_at: string | null;
  last_activity: string | null;
  tags: string[];
  tag_ids: string[];
}

const fullName = (first?: string | null, last?: string | null): string | null =>
  [first, last].filter((p): p is string => Boolean(p && p.trim())).join(' ') || null;

/**
 * Any contact answer (create, update, search) as one flat output with the same keys every time, so
 * Find Contact and Create Contact can stand in for each other in a find-or-create step. A search
 * result's `contact_id` becomes `id`; tags become two lists of scalars.
 */
export const flattenContact = (c: Contact | SearchContact): FlatContact => {
  const tags = 'tags' in c && c.tags ? c.tags : [];
  return {
    id: 'contact_id' in c ? c.contact_id : c.id,
    first_name: orNull(c.first_name),
    last_name: orNull(c.last_name),
    full_name: fullName(c.first_name, c.last_name),
    email: orNull(c.email),
    phone: orNull(c.phone),
    company: orNull(c.company),
    job_title: orNull(c.job_title),
    notes: orNull(c.notes),
    user_id: orNull(c.user_id),
    owner: orNull(c.owner),
    created_at: orNull(c.created_at),
    last_activity: orNull(c.last_activity),
    tags: tags.map((t) => t.name),
    tag_ids: tags.map((t) => t.id),
  };
};

export interface FlatDeal extends FlatObject {
  id: string;
  company: string | null;
  stage: string | null;
  deal_size: number | null;
  open_date: string | null;
  close_date: string | null;
  primary_contact: string | null;
  contact_email: string | null;
  notes: string | null;
  user_id: string | null;
  owner: string | null;
  created_at: string | null;
}

/** Any deal answer as one flat output; `deal_id` becomes `id`, the older `est_close_date` fills `close_date`. */
export const flattenDeal = (d: Deal | SearchDeal): FlatDeal => ({
  id: 'deal_id' in d ? d.deal_id : d.id,
  company: orNull(d.company),
  stage: orNull(d.stage),
  deal_size: typeof d.deal_size === 'number' ? d.deal_size : null,
  open_date: orNull(d.open_date),
  close_date: d.close_date ?? d.est_close_date ?? null,
  primary_contact: orNull(d.primary_contact),
  contact_email: orNull(d.contact_email),
  notes: orNull(d.notes),
  user_id: orNull(d.user_id),
  owner: orNull(d.owner),
  created_at: orNull(d.created_at),
});

/** A contact as a dropdown choice: "Elena Moreno (elena.moreno@outlook.com)". */
export const contactChoice = (c: SearchContact): { id: string; name: string } => {
  const name = fullName(c.first_name, c.last_name);
  const label = name && c.email ? `${name} (${c.email})` : (name ?? c.email ?? c.contact_id);
  return { id: c.contact_id, name: label };
};

/** A team user as a dropdown choice and as the auth test's answer. */
export const flattenTeamUser = (u: TeamUser): { id: string; name: string; email: string | null } => ({
  id: u.user_id,
  name: u.display_name || u.name || u.email || u.user_id,
  email: orNull(u.email),
});

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.trim().toLowerCase() === b;

/**
 * Zapier uses the first search result: put exact matches of the searched field first (the API's
 * search may match parts of words), keeping the API's order otherwise.
 */
export const exactFirst = <T>(items: readonly T[], term: string, valuesOf: (item: T) => unknown[]): T[] => {
  const needle = term.trim().toLowerCase();
  const exact = (item: T) => valuesOf(item).some((v) => same(v, needle));
  return [...items.filter(exact), ...items.filter((i) => !exact(i))];
};

/** The values of a contact a `search_by` field compares with. */
export const contactValues = (c: SearchContact, by: string): unknown[] =>
  by === 'tag' ? (c.tags ?? []).map((t) => t.name) : [(c as Record<string, unknown>)[by]];

/** The values of a deal a `search_by` field compares with (`email` is the contact email). */
export const dealValues = (d: SearchDeal, by: string): unknown[] => [
  by === 'email' ? d.contact_email : (d as Record<string, unknown>)[by],
];

/** Drops undefined values, so a body carries only what the user filled in. */
export const defined = <T extends Record<string, unknown>>(obj: T): T =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;

export interface FlatTag extends FlatObject {
  id: string;
  name: string;
  color: string | null;
  user_id: string | null;
  owner: string | null;
  created_at: string | null;
}

/**
 * A tag as output and as a dropdown choice (`id`, `name`). LunarSend's tag endpoints call the name
 * `tag_name`; the output keeps `name`, the key Zaps already map and the dropdown shows.
 */
export const flattenTag = (t: Tag): FlatTag => ({
  id: t.id,
  name: t.tag_name,
  color: orNull(t.color),
  user_id: orNull(t.user_id),
  owner: orNull(t.owner),
  created_at: orNull(t.created_at),
});

/** The tag named exactly `name`, ignoring case and surrounding spaces. */
export const tagNamed = (tags: readonly Tag[], name: string): Tag | undefined =>
  tags.find((t) => same(t.tag_name, name.trim().toLowerCase()));

export interface FlatTagLink extends FlatObject {
  id: string;
  tag_id: string;
  tag_name: string;
  link_id: string;
  linked_at: string | null;
  user_id: string | null;
  owner: string | null;
}

/**
 * The link LunarSend answers for "link tag to contact", flat: `id` is the contact (the thing tagged),
 * `link_id` the link itself, `linked_at` its `created_at`.
 */
export const flattenTagLink = (l: TagLink): FlatTagLink => ({
  id: l.contact_id,
  tag_id: l.tag_id,
  tag_name: l.tag_name,
  link_id: l.id,
  linked_at: orNull(l.created_at),
  user_id: orNull(l.user_id),
  owner: orNull(l.owner),
});

/** Two LunarSend ids name the same record: uuids compare without regard to case or surrounding spaces. */
export const sameId = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A deal as a dropdown choice: "Brightwave Solutions · Proposal · 12000". */
export const dealChoice = (d: SearchDeal): { id: string; name: string } => ({
  id: d.deal_id,
  name: [d.company || d.deal_id, d.stage, typeof d.deal_size === 'number' ? String(d.deal_size) : undefined]
    .filter(Boolean)
    .join(' · '),
});
