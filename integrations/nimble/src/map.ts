import { type FlatObject, type FlatValue, keyFromName, namedFieldKeys, updateEventId } from '@crm-zapier/kit';
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
const FIELDS = namedFieldKeys('fields__');
export const FIELD_PREFIX = FIELDS.prefix;
export const fieldKey = FIELDS.key;
export const isFieldKey = FIELDS.isKey;
export const fieldName = FIELDS.nameOf;

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

/** Non-blank text, else null. (A printable ASCII first character settles it without trimming.) */
const text = (v: unknown): string | null => {
  if (typeof v !== 'string' || v.length === 0) return null;
  const c = v.charCodeAt(0);
  return (c > 32 && c < 127) || v.trim() !== '' ? v : null;
};

/*
 * The readers below look only at a field's non-blank values (blank or non-text ones are skipped as
 * if absent), each in one pass over the field's own list and without building a filtered copy:
 * flattenContact reads about twenty of them per record (bench/RESULTS.md §3).
 */
type Values = FieldValue[] | null | undefined;

/** The primary value (the first one marked) if one is marked, else the first. */
const primaryOf = (values: Values): FieldValue | undefined => {
  if (values === undefined || values === null) return undefined;
  let first: FieldValue | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (text(v.value) === null) continue;
    if (v.is_primary) return v;
    first ??= v;
  }
  return first;
};

const firstValue = (values: Values): string | null => (primaryOf(values)?.value as string | undefined) ?? null;

/**
 * A list field read in one pass: `[primary, every value, then the first value of each modifier]`,
 * each as firstValue and allValues give them (a modifier's value: the first with it, none counting as `''`).
 */
const readList = (values: Values, modifiers: readonly string[]): [string | null, string[], ...(string | null)[]] => {
  const read: [string | null, string[], ...(string | null)[]] = [null, []];
  for (let m = 0; m < modifiers.length; m++) read.push(null);
  if (values === undefined || values === null) return read;
  const all = read[1];
  let primary: string | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const value = text(v.value);
    if (value === null) continue;
    all.push(value);
    if (primary === null && v.is_primary) primary = value;
    const slot = modifiers.indexOf(v.modifier ?? '');
    if (slot !== -1 && read[slot + 2] === null) read[slot + 2] = value;
  }
  read[0] = primary ?? (all.length ? all[0]! : null);
  return read;
};

/** Every value, in order. */
const allValues = (values: Values): string[] => {
  const out: string[] = [];
  if (values === undefined || values === null) return out;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!.value;
    if (text(value) !== null) out.push(value as string);
  }
  return out;
};

/**
 * Address and employment values are JSON strings; the guide's own example uses Python-style single
 * quotes, so that is tried as well. Anything else is left unparsed.
 */
export const parseJsonValue = (value: string | null | undefined): Record<string, unknown> | undefined => {
  if (!value) return undefined;
  // The single-quoted form is only built when the value is not JSON as it stands.
  return jsonObject(value) ?? (value.includes("'") ? jsonObject(value.replace(/'/g, '"')) : undefined);
};

const jsonObject = (candidate: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(candidate);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return undefined;
};

/**
 * parseJsonValue for flattenContact, remembered by text: contacts of one company carry the same
 * employment text, and a poll sees the same contacts again and again, so most values were parsed
 * before. Parsing is most of a flatten's cost (bench/RESULTS.md §3). The parsed objects stay here —
 * flattenContact only reads text out of them — and the memo is emptied when it reaches its bound.
 */
const MEMO_SIZE = 1000;
const parsedValues = new Map<string, Record<string, unknown> | null>();
const parsedValue = (value: string | null | undefined): Record<string, unknown> | undefined => {
  if (!value) return undefined;
  const known = parsedValues.get(value);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseJsonValue(value);
  if (parsedValues.size >= MEMO_SIZE) parsedValues.clear();
  parsedValues.set(value, parsed ?? null);
  return parsed;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Tags as plain strings, from either documented shape. */
export const tagNames = (tags: NimbleContact['tags']): string[] => {
  const out: string[] = [];
  if (tags === undefined || tags === null) return out;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    out.push(typeof t === 'string' ? t : t.tag);
  }
  return out;
};

/** A custom field's text values: none → null, one → that value, several → the list (blanks kept). */
const customValue = (values: FieldValue[]): FlatValue => {
  let first: string | null = null;
  let list: string[] | undefined;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!.value;
    if (typeof value !== 'string') continue;
    if (count === 0) first = value;
    else if (count === 1) list = [first as string, value];
    else list!.push(value);
    count++;
  }
  return count > 1 ? list! : first;
};

/** A Nimble contact as one flat, labelled output. Every standard key is always present. */
export const flattenContact = (c: NimbleContact): FlatObject & { id: string } => {
  const f = c.fields;
  // Each standard field's list is looked up once; the readers each take one pass over it.
  const emails = readList(f.email, EMAIL_TYPES);
  const phones = readList(f.phone, PHONE_TYPES);
  const urls = f.URL;
  const isCompany = c.record_type === 'company';
  const employment = parsedValue(primaryOf(f['contact employment'])?.value);
  const address = primaryOf(f.address);
  const addr = parsedValue(address?.value);
  const firstName = firstValue(f['first name']);
  const lastName = firstValue(f['last name']);
  const companyName = isCompany
    ? firstValue(f['company name'])
    : (str(employment?.company_name) ?? firstValue(f['parent company']) ?? firstValue(f['company name']));
  // Both are null or non-blank text: the two names joined by a space, or whichever is given.
  const personName = firstName && lastName ? `${firstName} ${lastName}` : (firstName ?? lastName ?? '');
  const out: FlatObject & { id: string } = {
    id: c.id,
    contact_id: c.id,
    record_type: c.record_type ?? null,
    name: isCompany ? companyName : personName || companyName,
    first_name: firstName,
    last_name: lastName,
    middle_name: firstValue(f['middle name']),
    company_name: companyName,
    title: str(employment?.title) ?? firstValue(f.title),
    email: emails[0],
    emails: emails[1],
    email_work: emails[2]!,
    email_personal: emails[3]!,
    email_other: emails[4]!,
    phone: phones[0],
    phones: phones[1],
    phone_mobile: phones[2]!,
    phone_work: phones[3]!,
    phone_home: phones[4]!,
    phone_main: phones[5]!,
    phone_other: phones[6]!,
    website: firstValue(urls),
    websites: allValues(urls),
    address_type: address ? (address.modifier ?? null) : null,
    address_street: str(addr?.street),
    address_city: str(addr?.city),
    address_state: str(addr?.state),
    address_zip: str(addr?.zip),
    address_country: str(addr?.country),
    birthday: firstValue(f.birthday),
    domain: firstValue(f.domain),
    description: firstValue(f.description),
    tags: tagNames(c.tags),
    owner_id: c.owner_id ?? null,
    avatar_url: c.avatar_url ?? null,
    creator: c.creator ?? null,
    updater: c.updater ?? null,
    created: c.created ?? null,
    updated: c.updated ?? null,
  };
  for (const name in f) {
    if (!Object.hasOwn(f, name) || MAPPED_CONTACT_FIELDS.has(name)) continue;
    out[fieldKey(name)] = customValue(f[name]!);
  }
  return out;
};

/** An update event: one id per (contact, update time), the contact's own id kept in `contact_id`. */
export const flattenContactUpdate = (c: NimbleContact): FlatObject & { id: string } => {
  // `id` is the output's first key already: replacing its value keeps the key order, without a copy.
  const out = flattenContact(c);
  out.id = updateEventId(c.id, c.updated ?? c.created);
  return out;
};

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
export const toContactFields = (
  i: ContactInput,
  recordType: 'person' | 'company',
  currentEmployment?: Record<string, unknown>,
): ContactFieldsBody => {
  const fields: ContactFieldsBody = {};
  if (i.first_name) fields['first name'] = one(i.first_name);
  if (i.last_name) fields['last name'] = one(i.last_name);
  if (recordType === 'company') {
    if (i.company_name) fields['company name'] = one(i.company_name);
  } else if (i.company_name || i.title) {
    // An update merges into the person's current employment (its dates and the half not given stay).
    const employment = {
      ...currentEmployment,
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

/** The person's current employment (the primary value, else the first), parsed; undefined if none. */
export const currentEmployment = (c: NimbleContact): Record<string, unknown> | undefined =>
  parseJsonValue(primaryOf(c.fields['contact employment'])?.value);

/** Tags for a contact create: comma-separated, commas inside a tag escaped with a backslash. */
export const toTagList = (tags: string[]): string => tags.map((t) => t.replace(/,/g, '\\,')).join(',');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML as plain text: line breaks for `<br>` and block ends, tags dropped, entities decoded. */
export const htmlToText = (html: string): string =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * A contact note's body, which Nimble answers as URL-encoded HTML (`%3Cfont%20face…%3Enote%201%3C%2Ffont%3E`,
 * nimble.md §9, from the legacy docs' create, show and list examples): decoded when it is encoded
 * (`%XX` sequences and no plain spaces; a body that does not decode is kept as it came), then read
 * as text when it holds markup.
 */
export const readNoteBody = (raw: string): { text: string; html: string } => {
  let html = raw;
  if (/%[0-9a-f]{2}/i.test(raw) && !/\s/.test(raw)) {
    try {
      html = decodeURIComponent(raw);
    } catch {
      html = raw;
    }
  }
  return { html, text: /<[a-z/!]/i.test(html) || /&[#a-z0-9]+;/i.test(html) ? htmlToText(html) : html };
};

export const flattenNote = (n: NimbleNote): FlatObject & { id: string } => {
  const body = readNoteBody(n.note);
  return {
    id: n.id,
    note: body.text,
    note_html: body.html,
    note_preview: n.note_preview ?? null,
    author_name: n.author_name ?? null,
    owner_id: n.owner_id ?? null,
    contact_ids: (n.contacts ?? []).map((c) => c.id),
    contact_names: (n.contacts ?? []).map((c) => c.name ?? ''),
    created: n.created ?? null,
    updated: n.updated ?? null,
  };
};

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
  // The legacy endpoint's answer may list the linked contacts only as `related_to` ids (§9.1).
  contact_ids: t.related?.contacts ? t.related.contacts.map((c) => c.id) : (t.related_to ?? []),
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

/** Custom deal fields' output keys by name, kept like fieldKey's (keyFromName's slug is not free). */
const dealFieldKeys = new Map<string, string>();
const dealFieldKey = (name: string): string => {
  let key = dealFieldKeys.get(name);
  if (key === undefined) {
    key = `${FIELD_PREFIX}${keyFromName(name)}`;
    if (dealFieldKeys.size < 2000) dealFieldKeys.set(name, key);
  }
  return key;
};

/** A Nimble deal as one flat, labelled output. */
export const flattenDeal = (d: NimbleDeal): FlatObject & { id: string } => {
  // The named values are read once: they fill both the standard keys and the custom ones.
  const withNames = dealFieldValues(d.fields_values_with_names);
  const values = { ...dealFieldValues(d.fields_values), ...withNames };
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
  for (const name of Object.keys(withNames)) {
    if (STANDARD_DEAL_FIELDS.includes(name)) continue;
    const list = withNames[name]!;
    out[dealFieldKey(name)] = list.length > 1 ? list : (list[0] ?? null);
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
