import { createHash } from 'node:crypto';
import { nonBlank, toFlatValue, updateEventId, type FlatObject, type Scalar } from '@crm-zapier/kit';
import type {
  Activity,
  ActivityBody,
  Address,
  Channels,
  Company,
  Contact,
  CustomField,
  Lead,
  Note,
  Opportunity,
  PhoneNumber,
  Pipeline,
  User,
} from './schemas';

/**
 * Email types (OpenAPI `Email.type`) that get a key of their own; `email` is the primary (or first).
 */
export const EMAIL_TYPES = ['primary', 'secondary', 'work', 'personal', 'billing', 'other'] as const;
/** Phone types (OpenAPI `PhoneNumber.type`); `phone_number` is the primary (or first). */
export const PHONE_TYPES = [
  'primary',
  'secondary',
  'home',
  'work',
  'office',
  'mobile',
  'assistant',
  'fax',
  'direct-dial-in',
  'personal',
  'billing',
  'other',
] as const;
export const ADDRESS_TYPES = [
  'primary',
  'secondary',
  'home',
  'office',
  'shipping',
  'billing',
  'work',
  'other',
] as const;
const typeKey = (type: string) => type.replace(/-/g, '_');
export const emailKey = (type: string) => `email_${typeKey(type)}`;
export const phoneKey = (type: string) => `phone_${typeKey(type)}`;

const TYPE_LABELS: Record<string, string> = { 'direct-dial-in': 'Direct Dial-In' };
/** A type as the Zap editor shows it: `Work`, `Direct Dial-In`. */
export const typeLabel = (t: string) => TYPE_LABELS[t] ?? t.charAt(0).toUpperCase() + t.slice(1);

const v = (x: string | number | boolean | null | undefined): Scalar => (x === undefined ? null : x);
const clean = (x: string | null | undefined): string | null => nonBlank(x) ?? null;

/** The primary item of a list, else the first one. */
const primaryOf = <T extends { type?: string | null }>(items: readonly T[]): T | undefined =>
  items.find((i) => i.type === 'primary') ?? items[0];

/** The non-empty texts joined by `sep`. */
const joined = (sep: string, ...parts: (string | null)[]): string => parts.filter(Boolean).join(sep);

/** A phone number as one line: `+1 206 555-0142 ext. 12`. */
const phoneText = (p: PhoneNumber): string | null => {
  const number = clean(p.number);
  if (!number) return null;
  const cc = p.country_code ? `+${p.country_code.replace(/^\+/, '')}` : null;
  const line = joined(' ', cc, clean(p.area_code), number);
  const ext = clean(p.extension);
  return ext ? `${line} ext. ${ext}` : line;
};

/** An address as one line: its free-text form, else its parts joined. */
const addressText = (a: Address): string | null =>
  clean(a.string) ??
  (joined(
    ', ',
    joined(', ', joined(' ', clean(a.street_number), clean(a.line1)), clean(a.line2)),
    joined(' ', clean(a.postal_code), clean(a.city)),
    clean(a.state),
    clean(a.country),
  ) ||
    null);

/**
 * One labelled key per type (`email_work`, `phone_mobile` …): the first value of that type, else
 * null. Every key is always present, so outputs match the sample.
 */
const byType = (
  types: readonly string[],
  keyOf: (type: string) => string,
  items: { type?: string | null; text: string }[],
): Record<string, string | null> =>
  Object.fromEntries(types.map((t) => [keyOf(t), items.find((i) => i.type === t)?.text ?? null]));

/** Which typed emails and phone numbers get a key of their own (`email_work`, `phone_mobile` …). */
export interface TypedChannels {
  emails: readonly (typeof EMAIL_TYPES)[number][];
  phones: readonly (typeof PHONE_TYPES)[number][];
}
/**
 * Contacts and leads: the work and personal email, the work and mobile number, beside the primary
 * ones. Every other type is in the lists (`emails`, `phone_numbers`), so the Zap editor shows a
 * short list of keys instead of six email and twelve phone keys that are empty on most records.
 */
export const PERSON_CHANNELS: TypedChannels = { emails: ['work', 'personal'], phones: ['work', 'mobile'] };
/** Companies: the primary email and phone number, and the lists. */
export const COMPANY_CHANNELS: TypedChannels = { emails: [], phones: [] };
/** Parts of the primary (or first) address that get a key of their own: `address_<part>`. */
export const ADDRESS_PARTS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;

/**
 * Apideck's `emails[]`, `phone_numbers[]`, `addresses[]`, `websites[]` as flat keys: the primary
 * (else first) email, phone number, address and website, the typed ones `typed` names
 * (`email_work`, `phone_mobile`), the primary address's parts (`address_city` …), and each whole
 * list as a list of text (`emails`, `phone_numbers` …). Every key is always present (null or an
 * empty list when the record has none), so outputs match the sample.
 */
export const flattenChannels = (r: Channels, typed: TypedChannels = COMPANY_CHANNELS): FlatObject => {
  const emails = (r.emails ?? []).flatMap((e) => (clean(e.email) ? [{ type: e.type, text: e.email!.trim() }] : []));
  const phones = (r.phone_numbers ?? []).flatMap((p) => {
    const text = phoneText(p);
    return text === null ? [] : [{ type: p.type, text }];
  });
  const sites = (r.websites ?? []).flatMap((w) => (clean(w.url) ? [{ type: w.type, text: w.url! }] : []));
  const addresses = r.addresses ?? [];
  const main = primaryOf(addresses);
  return {
    email: primaryOf(emails)?.text ?? null,
    ...byType(typed?.emails ?? [], emailKey, emails),
    emails: emails.map((e) => e.text),
    phone_number: primaryOf(phones)?.text ?? null,
    ...byType(typed?.phones ?? [], phoneKey, phones),
    phone_numbers: phones.map((p) => p.text),
    address: main ? addressText(main) : null,
    ...Object.fromEntries(ADDRESS_PARTS.map((part) => [`address_${part}`, main ? v(main[part]) : null])),
    addresses: addresses.map(addressText).filter((text) => text !== null),
    website: primaryOf(sites)?.text ?? null,
    websites: sites.map((w) => w.text),
    social_links: (r.social_links ?? []).flatMap((l) => (clean(l.url) ? [l.url!] : [])),
    tags: r.tags ?? [],
  };
};

/** Full name as a connector may leave it empty: built from its parts. */
const fullName = (
  name: string | null | undefined,
  first: string | null | undefined,
  middle: string | null | undefined,
  last: string | null | undefined,
): string | null => clean(name) ?? (joined(' ', clean(first), clean(middle), clean(last)) || null);

export type Output = FlatObject & { id: string };

/**
 * Custom fields (apideck-crm.md §6.1): each under `custom_<id>` (its `name` when it has no id), the
 * downstream CRM's own name unchanged after the prefix, so no custom field can take one of the
 * app's keys. Values are flattened like every other value: strings, numbers and booleans as they
 * are, a list as a list of scalars, an object (or an object in a list) as JSON text.
 * `customFieldRef` is what names a field: its id, else its name; undefined when it has neither.
 */
export const customFieldRef = (f: CustomField): string | undefined => {
  for (const ref of [f.id, f.name]) {
    const text = ref === null || ref === undefined ? '' : String(ref).trim();
    if (text !== '') return text;
  }
  return undefined;
};
export const customFieldKey = (ref: string): string => `custom_${ref}`;
/** A custom field's label: its name, else its description, else what names it. */
export const customFieldLabel = (f: CustomField, ref: string): string =>
  clean(f.name === null || f.name === undefined ? null : String(f.name)) ?? clean(f.description) ?? ref;

/** The record's custom fields, by key, after the output's own keys (the first of two with one key wins). */
const withCustomFields = (out: Output, fields: readonly CustomField[] | null | undefined): Output => {
  const custom = (fields ?? []).flatMap((f) => {
    const ref = customFieldRef(f);
    return ref === undefined ? [] : [[customFieldKey(ref), toFlatValue(f.value)] as const];
  });
  const fresh = custom.filter(([key], i) => !Object.hasOwn(out, key) && custom.findIndex(([k]) => k === key) === i);
  return { ...out, ...Object.fromEntries(fresh) };
};

/** A record's owner by name, read from the user list (`src/names.ts`). */
export interface OwnerNames {
  owner_name: string | null;
}

/** A contact, with its owner's name beside the owner id when `names` gives it (its company's name it has). */
export const flattenContact = (c: Contact, names?: Partial<OwnerNames>): Output =>
  withCustomFields(
    {
      id: c.id,
      name: fullName(c.name, c.first_name, c.middle_name, c.last_name),
      first_name: v(c.first_name),
      middle_name: v(c.middle_name),
      last_name: v(c.last_name),
      prefix: v(c.prefix),
      suffix: v(c.suffix),
      title: v(c.title),
      department: v(c.department),
      company_id: v(c.company_id),
      company_name: v(c.company_name),
      owner_id: v(c.owner_id),
      owner_name: names?.owner_name ?? null,
      lead_id: v(c.lead_id),
      type: v(c.type),
      gender: v(c.gender),
      birthday: v(c.birthday),
      language: v(c.language),
      lead_source: v(c.lead_source),
      status: v(c.status),
      active: v(c.active),
      description: v(c.description),
      photo_url: v(c.photo_url),
      email_domain: v(c.email_domain),
      ...flattenChannels(c, PERSON_CHANNELS),
      last_activity_at: v(c.last_activity_at),
      created_at: v(c.created_at),
      updated_at: v(c.updated_at),
    },
    c.custom_fields,
  );

/**
 * An update event: one id per (contact, update time), so each update fires once; the contact's own
 * id stays beside it as `contact_id`.
 */
export const flattenContactUpdate = (c: Contact, names?: Partial<OwnerNames>): Output => {
  const { id: _id, ...rest } = flattenContact(c, names);
  return { id: updateEventId(c.id, c.updated_at ?? c.created_at), contact_id: c.id, ...rest };
};

/** A company, with its owner's name beside the owner id when `names` gives it. */
export const flattenCompany = (c: Company, names?: Partial<OwnerNames>): Output =>
  withCustomFields(
    {
      id: c.id,
      name: v(c.name),
      owner_id: v(c.owner_id),
      owner_name: names?.owner_name ?? null,
      industry: v(c.industry),
      description: v(c.description),
      vat_number: v(c.vat_number),
      currency: v(c.currency),
      status: v(c.status),
      annual_revenue: v(c.annual_revenue),
      number_of_employees: v(c.number_of_employees),
      ownership: v(c.ownership),
      parent_id: v(c.parent_id),
      ...flattenChannels(c, COMPANY_CHANNELS),
      last_activity_at: v(c.last_activity_at),
      created_at: v(c.created_at),
      updated_at: v(c.updated_at),
    },
    c.custom_fields,
  );

/** A deal's pipeline and stage by name, read from the pipeline list (`src/names.ts`). */
export interface DealNames {
  pipeline_name: string | null;
  stage_name: string | null;
}

/**
 * A deal, with its pipeline's and stage's names beside their ids when `names` gives them (the deal
 * itself carries only the ids; its company's name it has).
 */
export const flattenOpportunity = (o: Opportunity, names?: Partial<DealNames>): Output =>
  withCustomFields(
    {
      id: o.id,
      title: v(o.title),
      description: v(o.description),
      type: v(o.type),
      monetary_amount: v(o.monetary_amount),
      currency: v(o.currency),
      win_probability: v(o.win_probability),
      expected_revenue: v(o.expected_revenue),
      close_date: v(o.close_date),
      pipeline_id: v(o.pipeline_id),
      pipeline_name: names?.pipeline_name ?? null,
      pipeline_stage_id: v(o.pipeline_stage_id),
      stage_name: names?.stage_name ?? null,
      status: v(o.status),
      primary_contact_id: v(o.primary_contact_id),
      contact_ids: o.contact_ids ?? [],
      company_id: v(o.company_id),
      company_name: v(o.company_name),
      owner_id: v(o.owner_id),
      lead_id: v(o.lead_id),
      lead_source: v(o.lead_source),
      priority: v(o.priority),
      loss_reason: v(o.loss_reason),
      won_reason: v(o.won_reason),
      tags: o.tags ?? [],
      date_stage_changed: v(o.date_stage_changed),
      last_activity_at: v(o.last_activity_at),
      created_at: v(o.created_at),
      updated_at: v(o.updated_at),
    },
    o.custom_fields,
  );

/**
 * An update event: one id per (deal, update time), so each update fires once; the deal's own id
 * stays beside it as `opportunity_id`. `changedAt` picks another time (the stage change's), so that
 * only changes at that time count.
 */
export const flattenOpportunityUpdate = (
  o: Opportunity,
  names?: Partial<DealNames>,
  changedAt: string | null | undefined = o.updated_at ?? o.created_at,
): Output => {
  const { id: _id, ...rest } = flattenOpportunity(o, names);
  return { id: updateEventId(o.id, changedAt), opportunity_id: o.id, ...rest };
};

export const flattenLead = (l: Lead): Output =>
  withCustomFields(
    {
      id: l.id,
      name: fullName(l.name, l.first_name, undefined, l.last_name),
      first_name: v(l.first_name),
      last_name: v(l.last_name),
      prefix: v(l.prefix),
      title: v(l.title),
      company_name: v(l.company_name),
      company_id: v(l.company_id),
      contact_id: v(l.contact_id),
      owner_id: v(l.owner_id),
      owner_name: v(l.owner_name),
      lead_source: v(l.lead_source),
      status: v(l.status),
      monetary_amount: v(l.monetary_amount),
      currency: v(l.currency),
      language: v(l.language),
      fax: v(l.fax),
      description: v(l.description),
      ...flattenChannels(l, PERSON_CHANNELS),
      created_at: v(l.created_at),
      updated_at: v(l.updated_at),
    },
    l.custom_fields,
  );

/**
 * A change event's id when the record says only what a field is now, not when it changed: the
 * record's id, the field and a short hash of its value, so that each value a record is seen with
 * triggers once (Zapier dedupes on `id`), whatever else is edited. A return to a value already seen
 * gives an id already seen.
 */
export const valueEventId = (recordId: string, field: string, value: string): string =>
  `${recordId}:${field}:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;

/**
 * A flat value as the text a change compares: a list in alphabetical order (any case) joined with
 * commas, so that the same tags in another order are the same value; null as empty.
 */
export const valueText = (value: FlatObject[string] | undefined): string =>
  Array.isArray(value)
    ? sortedList(value.map((x) => String(x ?? '').trim()))
    : value === null || value === undefined
      ? ''
      : String(value).trim();

/** Items in alphabetical order (any case), joined with commas: `VIP, customer` → `customer, VIP`. */
export const sortedList = (items: readonly string[]): string =>
  [...items].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).join(', ');

/**
 * A lead seen in its status (Lead Status Changed): one id per (lead, status), so each status a lead
 * is seen in fires once; the lead's own id stays beside it as `lead_id`. The trigger leaves out
 * leads without a status.
 */
export const flattenLeadUpdate = (l: Lead): Output => {
  const { id: _id, ...rest } = flattenLead(l);
  return { id: valueEventId(l.id, 'status', clean(l.status) ?? ''), lead_id: l.id, ...rest };
};

/** Company fields a change trigger can watch: their output keys, as the Zap editor names them. */
export const COMPANY_WATCHED_FIELDS = {
  name: 'Company Name',
  owner_id: 'Owner',
  industry: 'Industry',
  status: 'Status',
  description: 'Description',
  number_of_employees: 'Number of Employees',
  annual_revenue: 'Annual Revenue',
  vat_number: 'VAT Number',
  currency: 'Currency',
  ownership: 'Ownership',
  email: 'Email',
  phone_number: 'Phone Number',
  website: 'Website',
  address: 'Address',
  tags: 'Tags',
} as const;
export type CompanyWatchedField = keyof typeof COMPANY_WATCHED_FIELDS;

/**
 * A company seen with a value of `field` (Company Field Changed; one of its output keys): one id per
 * (company, field, value), the company's own id as `company_id`, the field's label as
 * `changed_field` and its value as text as `new_value` (empty when the field is: the trigger leaves
 * those out, so a cleared value is not reported).
 */
export const flattenCompanyUpdate = (
  c: Company,
  names?: Partial<OwnerNames>,
  field: CompanyWatchedField = 'name',
): Output => {
  const { id: _id, ...rest } = flattenCompany(c, names);
  const value = valueText(rest[field]);
  return {
    id: valueEventId(c.id, field, value),
    company_id: c.id,
    changed_field: COMPANY_WATCHED_FIELDS[field],
    new_value: value,
    ...rest,
  };
};

/** A lead as a dropdown shows it: `Elon Musk (Tesla)`, else its name or email, else the id. */
export const leadChoice = (l: Lead): { id: string; name: string } => {
  const name = fullName(l.name, l.first_name, undefined, l.last_name);
  const company = clean(l.company_name);
  const email = clean(primaryOf((l.emails ?? []).filter((e) => clean(e.email)))?.email);
  const label = name ?? email ?? l.id;
  return { id: l.id, name: company && label !== l.id ? `${label} (${company})` : label };
};

export const flattenNote = (n: Note): Output => ({
  id: n.id,
  title: v(n.title),
  content: v(n.content),
  owner_id: v(n.owner_id),
  contact_id: v(n.contact_id),
  company_id: v(n.company_id),
  opportunity_id: v(n.opportunity_id),
  lead_id: v(n.lead_id),
  active: v(n.active),
  created_at: v(n.created_at),
  updated_at: v(n.updated_at),
});

export const flattenActivity = (a: Activity | (ActivityBody & { id: string })): Output => ({
  id: a.id,
  type: v(a.type),
  title: v(a.title),
  description: v(a.description),
  activity_datetime: v(a.activity_datetime),
  start_datetime: v(a.start_datetime),
  end_datetime: v(a.end_datetime),
  duration_seconds: v(a.duration_seconds),
  contact_id: v(a.contact_id),
  company_id: v(a.company_id),
  opportunity_id: v(a.opportunity_id),
  owner_id: v(a.owner_id),
  done: 'done' in a ? v(a.done) : null,
  created_at: 'created_at' in a ? v(a.created_at) : null,
  updated_at: 'updated_at' in a ? v(a.updated_at) : null,
});

/** Dropdown choices. */
export const userChoice = (u: User): { id: string; name: string } => ({
  id: u.id,
  name:
    clean(u.name) ??
    ([u.first_name, u.last_name].map(clean).filter(Boolean).join(' ') ||
      clean(u.username) ||
      clean(primaryOf(u.emails ?? [])?.email) ||
      u.id),
});
export const pipelineChoice = (p: Pipeline): { id: string; name: string } => ({
  id: p.id,
  name: clean(p.name) ?? p.id,
});
export const stageChoices = (
  p: Pipeline,
): { id: string; name: string; label: string; pipeline_id: string; pipeline_name: string }[] =>
  [...(p.stages ?? [])]
    .sort((a, b) => (a.display_order ?? 0) - (b.display_order ?? 0))
    .map((s) => {
      const pipelineName = clean(p.name) ?? p.id;
      const name = clean(s.name) ?? s.id;
      return { id: s.id, name, label: `${pipelineName} › ${name}`, pipeline_id: p.id, pipeline_name: pipelineName };
    });
export const companyChoice = (c: Company): { id: string; name: string } => ({ id: c.id, name: clean(c.name) ?? c.id });
/** A contact as a dropdown shows it: `Elon Musk (elon@musk.com)`, else whichever of the two it has, else the id. */
export const contactChoice = (c: Contact): { id: string; name: string } => {
  const name = fullName(c.name, c.first_name, c.middle_name, c.last_name);
  const email = clean(primaryOf((c.emails ?? []).filter((e) => clean(e.email)))?.email);
  return { id: c.id, name: name && email ? `${name} (${email})` : (name ?? email ?? c.id) };
};
/** A deal (opportunity) as a dropdown shows it: its title, else the id. */
export const dealChoice = (o: Opportunity): { id: string; name: string } => ({
  id: o.id,
  name: clean(o.title) ?? o.id,
});
