/**
 * LunarSend's answers as flat Zapier outputs: one plain function per shape, each beside the labels
 * of the keys it gives (`outputFields`).
 */
import { nonBlank, type FlatObject } from '@crm-zapier/kit';
import type { CONTACT_SEARCH_BY, DEAL_SEARCH_BY } from './constants';
import type { Contact, ContactTagLink, Deal, SearchContact, SearchDeal, Tag, TagLink, TeamUser } from './schemas';

const fullName = (first?: string | null, last?: string | null): string | null =>
  [first, last].filter((p): p is string => Boolean(p && p.trim())).join(' ') || null;

/* ---------- contacts ---------- */

/**
 * A contact as one flat output with the same keys every time (create, update and get answer every
 * field; a search result's `contact_id` becomes `id`). Tags are not here: only search results carry
 * them, and `contactTags` adds them beside the contact where the operation read them.
 */
export const flattenContact = (c: Contact | SearchContact) =>
  ({
    id: 'contact_id' in c ? c.contact_id : c.id,
    first_name: c.first_name ?? null,
    last_name: c.last_name ?? null,
    full_name: fullName(c.first_name, c.last_name),
    email: c.email ?? null,
    phone: c.phone ?? null,
    company: c.company ?? null,
    job_title: c.job_title ?? null,
    notes: c.notes ?? null,
    user_id: c.user_id ?? null,
    owner: c.owner ?? null,
    created_at: c.created_at ?? null,
    last_activity: c.last_activity ?? null,
  }) satisfies FlatObject;

/** A contact's tags as two lists of scalars: their names and, in the same order, their ids. */
export const contactTags = (tags: readonly { id: string; name: string }[]) => ({
  tags: tags.map((t) => t.name),
  tag_ids: tags.map((t) => t.id),
});

/** The tags of a search result (`tags: [{ id, name, color }]`). */
export const searchResultTags = (c: SearchContact) => (c.tags ?? []).map((t) => ({ id: t.id, name: t.name }));

/** The tags `GET /contacts/tags` answers (`tag_id`, `tag_name`). */
export const linkedTags = (links: readonly ContactTagLink[]) => links.map((l) => ({ id: l.tag_id, name: l.tag_name }));

/** The labels of `flattenContact`'s keys. */
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
];

/** `contactOutputFields` and the tags beside them (`contactTags`). */
export const taggedContactOutputFields = [
  ...contactOutputFields,
  { key: 'tags', label: 'Tags', type: 'string' as const, list: true },
  { key: 'tag_ids', label: 'Tag IDs', type: 'string' as const, list: true },
];

/**
 * A contact as the search lists it, for New Contact: only what a search result carries (no job
 * title, notes or creation date: lunarsend.md, "Contacts", search), with its tags.
 */
export const flattenListedContact = (c: SearchContact) => {
  const { job_title: _j, notes: _n, created_at: _c, ...listed } = flattenContact(c);
  return { ...listed, ...contactTags(searchResultTags(c)) } satisfies FlatObject;
};

/** The labels of `flattenListedContact`'s keys. */
export const listedContactOutputFields = taggedContactOutputFields.filter(
  (f) => !['job_title', 'notes', 'created_at'].includes(f.key),
);

/** A contact as a dropdown choice: "Elena Moreno (elena.moreno@outlook.com)". */
export const contactChoice = (c: SearchContact): { id: string; name: string } => {
  const name = fullName(c.first_name, c.last_name);
  const label = name && c.email ? `${name} (${c.email})` : (name ?? c.email ?? c.contact_id);
  return { id: c.contact_id, name: label };
};

/** The values of a contact a `search_by` field compares with. */
export const contactValues = (c: SearchContact, by: (typeof CONTACT_SEARCH_BY)[number]): unknown[] =>
  by === 'tag' ? (c.tags ?? []).map((t) => t.name) : [c[by]];

/* ---------- pipeline deals ---------- */

/** Any deal answer as one flat output; `deal_id` becomes `id`, the older `est_close_date` fills `close_date`. */
export const flattenDeal = (d: Deal | SearchDeal) =>
  ({
    id: 'deal_id' in d ? d.deal_id : d.id,
    company: d.company ?? null,
    stage: d.stage ?? null,
    deal_size: typeof d.deal_size === 'number' ? d.deal_size : null,
    open_date: d.open_date ?? null,
    close_date: d.close_date ?? d.est_close_date ?? null,
    primary_contact: d.primary_contact ?? null,
    contact_email: d.contact_email ?? null,
    notes: d.notes ?? null,
    user_id: d.user_id ?? null,
    owner: d.owner ?? null,
    created_at: d.created_at ?? null,
  }) satisfies FlatObject;

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

/**
 * A deal in its stage, for Deal Stage Changed: the event's `id` is the deal's id and its stage, so
 * each stage a deal is seen in fires once; the deal's own id is `deal_id`. LunarSend answers no
 * change time (no `updated_at`), so none is in the id.
 */
export const flattenDealInStage = (d: SearchDeal) => {
  const { id, ...deal } = flattenDeal(d);
  return { id: `${id}-${deal.stage ?? ''}`, deal_id: id, ...deal } satisfies FlatObject;
};

export const dealInStageOutputFields = [
  { key: 'id', label: 'Stage Change ID', type: 'string' as const },
  { key: 'deal_id', label: 'Deal ID', type: 'string' as const },
  ...dealOutputFields.filter((f) => f.key !== 'id'),
];

/** A deal as a dropdown choice: "Brightwave Solutions · Proposal · 12000". */
export const dealChoice = (d: SearchDeal): { id: string; name: string } => ({
  id: d.deal_id,
  name: [d.company || d.deal_id, d.stage, typeof d.deal_size === 'number' ? String(d.deal_size) : undefined]
    .filter(Boolean)
    .join(' · '),
});

/** The values of a deal a `search_by` field compares with (`email` is the contact email). */
export const dealValues = (d: SearchDeal, by: (typeof DEAL_SEARCH_BY)[number]): unknown[] => [
  by === 'email' ? d.contact_email : d[by],
];

/* ---------- tags ---------- */

/**
 * A tag as output and as a dropdown choice (`id`, `name`). LunarSend's tag endpoints call the name
 * `tag_name`; the output keeps `name`, the key Zaps already map and the dropdown shows.
 */
export const flattenTag = (t: Tag) =>
  ({
    id: t.id,
    name: t.tag_name,
    color: t.color ?? null,
    user_id: t.user_id ?? null,
    owner: t.owner ?? null,
    created_at: t.created_at ?? null,
  }) satisfies FlatObject;

export const tagOutputFields = [
  { key: 'id', label: 'Tag ID', type: 'string' as const },
  { key: 'name', label: 'Tag Name', type: 'string' as const },
  { key: 'color', label: 'Tag Color', type: 'string' as const },
  { key: 'user_id', label: 'Owner ID', type: 'string' as const },
  { key: 'owner', label: 'Owner Name', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
];

/**
 * The link LunarSend answers for "link tag to contact", flat: `id` is the contact (the thing
 * tagged), beside the tag's id and name (the link's `tag_name`, or `tagName` when it has none) and
 * when it was tagged. The link's own id and owner are left out: nothing in LunarSend's screens or
 * API uses them.
 */
export const flattenTagLink = (l: TagLink, tagName?: string | null) =>
  ({
    id: l.contact_id,
    tag_id: l.tag_id,
    tag_name: nonBlank(l.tag_name) ?? nonBlank(tagName) ?? null,
    linked_at: l.created_at ?? null,
  }) satisfies FlatObject;

/* ---------- team users ---------- */

/** A team user as a dropdown choice and as the auth test's answer. */
export const flattenTeamUser = (u: TeamUser) =>
  ({
    id: u.user_id,
    name: u.display_name || u.name || u.email || u.user_id,
    email: u.email ?? null,
  }) satisfies FlatObject;

/* ---------- matching ---------- */

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

/** The tag named exactly `name`, ignoring case and surrounding spaces. */
export const tagNamed = (tags: readonly Tag[], name: string): Tag | undefined =>
  tags.find((t) => same(t.tag_name, name.trim().toLowerCase()));

/** Two LunarSend ids name the same record: uuids compare without regard to case or surrounding spaces. */
export const sameId = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
