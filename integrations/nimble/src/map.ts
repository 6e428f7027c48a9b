import { keyFromName, updateEventId, type FlatObject, type FlatValue } from '@crm-zapier/kit';
import type {
  ContactFieldsBody,
  FieldValue,
  NimbleContact,
  NimbleDeal,
  NimbleDealNote,
  NimbleNote,
  NimbleTask,
} from './schemas';

/**
 * Contact fields Nimble names by the user ("lead source", a custom "Contract value") travel under
 * `fields__<name>` in inputs and outputs: the prefix cannot clash with our own keys, and the name
 * comes back unchanged.
 */
export const FIELD_PREFIX = 'fields__';
export const fieldKey = (name: string): string => `${FIELD_PREFIX}${name}`;
export const isFieldKey = (key: string): boolean => key.startsWith(FIELD_PREFIX) && key.length > FIELD_PREFIX.length;
export const fieldName = (key: string): string => key.slice(FIELD_PREFIX.length);

/** Standard contact fields that get their own flat keys, so they are not repeated as `fields__…`. */
export const MAPPED_CONTACT_FIELDS = new Set([
  'first name',
  'last name',
  'middle name',
  'company name',
  'title',
  'parent company',
  'contact employment',
  'email',
  'phone',
  'URL',
  'address',
  'birthday',
  'domain',
  'description',
]);

export const EMAIL_TYPES = ['work', 'personal', 'other'] as const;
export const PHONE_TYPES = ['mobile', 'work', 'home', 'main', 'other'] as const;
export const ADDRESS_TYPES = ['work', 'home', 'other'] as const;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

const valuesOf = (fields: NimbleContact['fields'], name: string): FieldValue[] =>
  (fields[name] ?? []).filter((v) => text(v.value) !== null);

/** The primary value if one is marked, else the first. */
const primaryOf = (values: FieldValue[]): FieldValue | undefined => values.find((v) => v.is_primary) ?? values[0];

const firstValue = (fields: NimbleContact['fields'], name: string): string | null =>
  text(primaryOf(valuesOf(fields, name))?.value);

const byModifier = (fields: NimbleContact['fields'], name: string, modifier: string): string | null =>
  text(valuesOf(fields, name).find((v) => (v.modifier ?? '') === modifier)?.value);

/**
 * Address and employment values are JSON strings; the guide's own example uses Python-style single
 * quotes, so that is tried as well. Anything else is left unparsed.
 */
export const parseJsonValue = (value: string | null | undefined): Record<string, unknown> | undefined => {
  if (!value) return undefined;
  for (const candidate of [value, value.replace(/'/g, '"')]) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      /* try the next form */
    }
  }
  return undefined;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Tags as plain strings, from either documented shape. */
export const tagNames = (tags: NimbleContact['tags']): string[] =>
  (tags ?? []).map((t) => (typeof t === 'string' ? t : t.tag));

/** A Nimble contact as one flat, labelled output. Every standard key is always present. */
export const flattenContact = (c: NimbleContact): FlatObject & { id: string } => {
  const f = c.fields;
  const isCompany = c.record_type === 'company';
  const employment = parseJsonValue(primaryOf(valuesOf(f, 'contact employment'))?.value);
  const address = primaryOf(valuesOf(f, 'address'));
  const addr = parseJsonValue(address?.value);
  const firstName = firstValue(f, 'first name');
  const lastName = firstValue(f, 'last name');
  const companyName = isCompany
    ? firstValue(f, 'company name')
    : (str(employment?.company_name) ?? firstValue(f, 'parent company') ?? firstValue(f, 'company name'));
  const personName = [firstName, lastName].filter(Boolean).join(' ');
  const out: FlatObject & { id: string } = {
    id: c.id,
    contact_id: c.id,
    record_type: c.record_type ?? null,
    name: isCompany ? companyName : personName || companyName,
    first_name: firstName,
    last_name: lastName,
    middle_name: firstValue(f, 'middle name'),
    company_name: companyName,
    title: str(employment?.title) ?? firstValue(f, 'title'),
    email: firstValue(f, 'email'),
    emails: valuesOf(f, 'email').map((v) => v.value as string),
    email_work: byModifier(f, 'email', 'work'),
    email_personal: byModifier(f, 'email', 'personal'),
    email_other: byModifier(f, 'email', 'other'),
    phone: firstValue(f, 'phone'),
    phones: valuesOf(f, 'phone').map((v) => v.value as string),
    phone_mobile: byModifier(f, 'phone', 'mobile'),
    phone_work: byModifier(f, 'phone', 'work'),
    phone_home: byModifier(f, 'phone', 'home'),
    phone_main: byModifier(f, 'phone', 'main'),
    phone_other: byModifier(f, 'phone', 'other'),
    website: firstValue(f, 'URL'),
    websites: valuesOf(f, 'URL').map((v) => v.value as string),
    address_type: address ? (address.modifier ?? null) : null,
    address_street: str(addr?.street),
    address_city: str(addr?.city),
    address_state: str(addr?.state),
    address_zip: str(addr?.zip),
    address_country: str(addr?.country),
    birthday: firstValue(f, 'birthday'),
    domain: firstValue(f, 'domain'),
    description: firstValue(f, 'description'),
    tags: tagNames(c.tags),
    owner_id: c.owner_id ?? null,
    avatar_url: c.avatar_url ?? null,
    creator: c.creator ?? null,
    updater: c.updater ?? null,
    created: c.created ?? null,
    updated: c.updated ?? null,
  };
  for (const [name, values] of Object.entries(f)) {
    if (MAPPED_CONTACT_FIELDS.has(name)) continue;
    const list = values.map((v) => v.value).filter((v): v is string => typeof v === 'string');
    out[fieldKey(name)] = (list.length > 1 ? list : (list[0] ?? null)) as FlatValue;
  }
  return out;
};

/** An update event: one id per (contact, update time), the contact's own id kept in `contact_id`. */
export const flattenContactUpdate = (c: NimbleContact): FlatObject & { id: string } => ({
  ...flattenContact(c),
  id: updateEventId(c.id, c.updated ?? c.created),
});

/** What a user typed for a contact, as checked input (see the contact operations). */
export interface ContactInput {
  record_type?: 'person' | 'company';
  first_name?: string;
  last_name?: string;
  company_name?: string;
  title?: string;
  email?: string;
  email_type?: (typeof EMAIL_TYPES)[number];
  phone_mobile?: string;
  phone_work?: string;
  phone_home?: string;
  phone_main?: string;
  phone_other?: string;
  website?: string;
  address_type?: (typeof ADDRESS_TYPES)[number];
  address_street?: string;
  address_city?: string;
  address_state?: string;
  address_zip?: string;
  address_country?: string;
  domain?: string;
  [key: string]: unknown;
}

const one = (value: string, modifier = '') => [{ value, modifier }];

/**
 * Contact inputs as Nimble's `fields` body. A person's company and title go into `contact employment`
 * (which replaces the deprecated `parent company` and `title`); a company's name is `company name`.
 */
export const toContactFields = (i: ContactInput, recordType: 'person' | 'company'): ContactFieldsBody => {
  const fields: ContactFieldsBody = {};
  if (i.first_name) fields['first name'] = one(i.first_name);
  if (i.last_name) fields['last name'] = one(i.last_name);
  if (recordType === 'company') {
    if (i.company_name) fields['company name'] = one(i.company_name);
  } else if (i.company_name || i.title) {
    const employment = {
      ...(i.company_name ? { company_name: i.company_name } : {}),
      ...(i.title ? { title: i.title } : {}),
    };
    fields['contact employment'] = one(JSON.stringify(employment));
  }
  if (i.email) fields.email = one(i.email, i.email_type ?? 'work');
  const phones = PHONE_TYPES.flatMap((type) => {
    const value = i[`phone_${type}`];
    return typeof value === 'string' && value ? [{ value, modifier: type }] : [];
  });
  if (phones.length) fields.phone = phones;
  if (i.website) fields.URL = one(i.website, 'work');
  const address = {
    street: i.address_street,
    city: i.address_city,
    state: i.address_state,
    zip: i.address_zip,
    country: i.address_country,
  };
  if (Object.values(address).some(Boolean)) {
    const present = Object.fromEntries(Object.entries(address).filter(([, v]) => v));
    fields.address = one(JSON.stringify(present), i.address_type ?? 'work');
  }
  if (i.domain) fields.domain = one(i.domain);
  for (const [key, value] of Object.entries(i)) {
    if (!isFieldKey(key) || value === undefined || value === null || value === '') continue;
    fields[fieldName(key)] = one(typeof value === 'string' ? value : String(value));
  }
  return fields;
};

/** Tags for a contact create: comma-separated, commas inside a tag escaped with a backslash. */
export const toTagList = (tags: string[]): string => tags.map((t) => t.replace(/,/g, '\\,')).join(',');

export const flattenNote = (n: NimbleNote): FlatObject & { id: string } => ({
  id: n.id,
  note: n.note,
  note_preview: n.note_preview ?? null,
  author_name: n.author_name ?? null,
  owner_id: n.owner_id ?? null,
  contact_ids: (n.contacts ?? []).map((c) => c.id),
  contact_names: (n.contacts ?? []).map((c) => c.name ?? ''),
  created: n.created ?? null,
  updated: n.updated ?? null,
});

export const flattenTask = (t: NimbleTask): FlatObject & { id: string } => ({
  id: t.id,
  subject: t.subject,
  notes: t.notes ?? null,
  due_date: t.due_date ?? null,
  completed: t.completed ?? false,
  is_important: t.is_important ?? false,
  owner_id: t.owner_id ?? null,
  assigned_to_id: t.assigned_to?.user_id ?? null,
  assigned_to_name: t.assigned_to?.name ?? null,
  contact_ids: (t.related?.contacts ?? []).map((c) => c.id),
  contact_names: (t.related?.contacts ?? []).map((c) => c.name ?? ''),
  tags: t.tags ?? [],
  created: t.created ?? null,
  updated: t.updated ?? null,
});

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const valueList = (values: unknown): string[] =>
  Array.isArray(values)
    ? values.flatMap((v) => {
        const value = asRecord(v)?.value;
        return typeof value === 'string' ? [value] : typeof value === 'number' ? [String(value)] : [];
      })
    : [];

/**
 * Deal field values, by field name or id, from any of the three documented forms: a map
 * (`{name: [{value}]}`), one `{field_name|field_id, values}` object, or a list of those.
 */
export const dealFieldValues = (raw: unknown): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  for (const item of items) {
    const obj = asRecord(item);
    if (!obj) continue;
    const key =
      typeof obj.field_name === 'string' ? obj.field_name : typeof obj.field_id === 'string' ? obj.field_id : undefined;
    if (key !== undefined && 'values' in obj) {
      out[key] = valueList(obj.values);
      continue;
    }
    for (const [name, values] of Object.entries(obj)) out[name] = valueList(values);
  }
  return out;
};

const STANDARD_DEAL_FIELDS = [
  'name',
  'amount',
  'probability',
  'description',
  'expected_close_date',
  'actual_close_date',
];

/** A Nimble deal as one flat, labelled output. */
export const flattenDeal = (d: NimbleDeal): FlatObject & { id: string } => {
  const values = { ...dealFieldValues(d.fields_values), ...dealFieldValues(d.fields_values_with_names) };
  const first = (name: string) => values[name]?.[0] ?? null;
  const amount = first('amount');
  const transitions = d.stage_transitions?.transitions ?? [];
  const stage = transitions.length ? transitions[transitions.length - 1]!.to_stage : undefined;
  const contacts = (d.related_contacts ?? []).flatMap((r) => (r.contact ? [r.contact] : []));
  const out: FlatObject & { id: string } = {
    id: d.deal_id,
    deal_id: d.deal_id,
    deal_number: d.deal_number ?? null,
    name: first('name'),
    amount: amount !== null && !Number.isNaN(Number(amount)) ? Number(amount) : null,
    currency: d.currency ?? null,
    probability: d.final_probability ?? null,
    description: first('description'),
    expected_close_date: first('expected_close_date'),
    actual_close_date: first('actual_close_date'),
    pipeline_id: d.stage_transitions?.pipeline_id ?? null,
    pipeline_name: d.stage_transitions?.pipeline_name ?? null,
    stage_id: stage?.stage_id ?? null,
    stage_name: stage?.name ?? null,
    owner_id: d.owner?.user_id ?? null,
    owner_name: d.owner?.name ?? null,
    owner_email: d.owner?.email ?? null,
    contact_ids: contacts.map((c) => c.id),
    contact_names: contacts.map((c) => c.name ?? ''),
    tags: d.tags ?? [],
    age_in_days: d.age_in_days ?? null,
    created: d.created ?? null,
    updated: d.updated ?? null,
  };
  for (const [name, list] of Object.entries(dealFieldValues(d.fields_values_with_names))) {
    if (STANDARD_DEAL_FIELDS.includes(name)) continue;
    out[`${FIELD_PREFIX}${keyFromName(name)}`] = list.length > 1 ? list : (list[0] ?? null);
  }
  return out;
};

/**
 * The names of the pipelines' custom deal fields in a `GET /api/v2/deals/fields` answer. Each tab's
 * `members` is documented as one object but is probably a list; a member is a field
 * (`{field: {field_name}}`) or a group of them (`{fields: [...]}`). Both forms are read.
 */
export const customDealFieldNames = (answer: { pipelines_tabs?: unknown }): string[] => {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
  const names: string[] = [];
  const visit = (member: unknown) => {
    const m = asRecord(member);
    if (!m) return;
    const name = asRecord(m.field)?.field_name ?? m.field_name;
    if (typeof name === 'string' && name.trim() && !STANDARD_DEAL_FIELDS.includes(name)) names.push(name);
    list(m.fields).forEach(visit);
  };
  for (const tab of list(answer.pipelines_tabs)) list(asRecord(tab)?.members).forEach(visit);
  return names;
};

/**
 * A static sample: an output without its `fields__<name>` keys, which depend on the account and
 * the record (they are labelled by the dynamic output fields instead).
 */
export const staticSample = <T extends FlatObject>(out: T): T =>
  Object.fromEntries(Object.entries(out).filter(([key]) => !key.startsWith(FIELD_PREFIX))) as T;

/** A deal note, with the deal it belongs to (the answer does not name it). */
export const flattenDealNote = (n: NimbleDealNote, dealId: string): FlatObject & { id: string } => ({
  id: n.note_id,
  note_id: n.note_id,
  deal_id: dealId,
  title: n.title ?? null,
  body: n.body ?? null,
  creator_id: n.creator?.user_id ?? null,
  creator_name: n.creator?.name ?? null,
  created: n.created ?? null,
  updated: n.updated ?? null,
});
