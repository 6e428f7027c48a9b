import { asRecord, type FlatObject, type FlatValue, nonBlank, updateEventId } from '@crm-zapier/kit';
import type { ContactInput } from './inputs';
import {
  EMAIL_TYPES,
  PHONE_TYPES,
  type ContactFieldsBody,
  type FieldValue,
  type FieldsMetadata,
  type MetaField,
  type NimbleContact,
  type NimbleDeal,
  type NimbleDealNote,
  type NimbleNote,
  type NimbleTask,
} from './schemas';

/**
 * Contact fields Nimble names by the user ("lead source", a custom "Contract value") travel under
 * `fields__<name>` in inputs and outputs: the prefix cannot clash with our own keys, and the name
 * comes back unchanged. (Deal custom fields use `fields__<slug>`.)
 */
const FIELD_PREFIX = 'fields__';
export const fieldKey = (name: string): string => `${FIELD_PREFIX}${name}`;
export const isFieldKey = (key: string): boolean => key.startsWith(FIELD_PREFIX) && key.length > FIELD_PREFIX.length;
export const fieldName = (key: string): string => key.slice(FIELD_PREFIX.length);
/** The key of a drop-down field's option label, beside `fields__<name>` (which holds the option's id). */
export const choiceLabelKey = (name: string): string => `${fieldKey(name)}__label`;

/** Every field of the contact fields metadata tree, groups opened up. */
export const allMetaFields = (meta: FieldsMetadata): MetaField[] =>
  meta.tabs.flatMap((tab) => tab.members.flatMap((m) => ('fields' in m && Array.isArray(m.fields) ? m.fields : [m])));

/** Option labels by drop-down field name and option id: `{ 'lead status': { '3': 'Qualified' } }`. */
export type ChoiceLabels = Record<string, Record<string, string>>;

/**
 * The account's drop-down (choice) contact fields and their options, from the fields metadata: a
 * contact stores the option's id (nimble.md §7.2, §10.2), which this turns back into its label.
 */
export const choiceLabelsOf = (meta: FieldsMetadata): ChoiceLabels =>
  Object.fromEntries(
    allMetaFields(meta)
      .filter((f) => f.field_type?.field_kind === 'choice')
      .map((f) => [f.name, Object.fromEntries((f.field_type?.values?.values ?? []).map((v) => [v.id, v.value]))]),
  );

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

type Values = FieldValue[] | null | undefined;

/** A field's values that hold text: blank or non-text ones count as absent. Their text is kept as written. */
const filled = (values: Values): (FieldValue & { value: string })[] =>
  (values ?? []).filter((v): v is FieldValue & { value: string } => nonBlank(v.value) !== undefined);

/** The primary value (the first one marked) if one is marked, else the first. */
const primaryOf = (values: Values): (FieldValue & { value: string }) | undefined => {
  const list = filled(values);
  return list.find((v) => v.is_primary) ?? list[0];
};

const firstValue = (values: Values): string | null => primaryOf(values)?.value ?? null;

/** Every value, in order. */
const allValues = (values: Values): string[] => filled(values).map((v) => v.value);

/** `<prefix>_<type>` for each type: the first value with that modifier (none counting as `''`), else null. */
const valuesByType = (values: Values, types: readonly string[], prefix: string): Record<string, string | null> =>
  Object.fromEntries(
    types.map((type) => [`${prefix}_${type}`, filled(values).find((v) => (v.modifier ?? '') === type)?.value ?? null]),
  );

/**
 * Address and employment values are JSON strings; the guide's own example is Python's way of
 * writing the same dictionary (`{'city': 'Dushanbe'}`, and `"St John's Rd"` for text holding a
 * quote), so that is read as well. Anything else is left unparsed.
 */
export const parseJsonValue = (value: string | null | undefined): Record<string, unknown> | undefined => {
  if (!value) return undefined;
  return jsonObject(value) ?? (value.includes("'") ? jsonObject(pythonAsJson(value)) : undefined);
};

const PYTHON_WORDS: Record<string, string> = { None: 'null', True: 'true', False: 'false' };

/** A Python dictionary's text as JSON: its single-quoted strings, None, True and False made JSON's. */
const pythonAsJson = (text: string): string =>
  text.replace(
    /'((?:[^'\\]|\\.)*)'|("(?:[^"\\]|\\.)*")|\b(None|True|False)\b/g,
    (_all, single: string | undefined, double: string | undefined, word: string | undefined) =>
      single !== undefined
        ? JSON.stringify(single.replace(/\\(.)/g, '$1'))
        : (double ?? PYTHON_WORDS[word ?? ''] ?? ''),
  );

const jsonObject = (candidate: string): Record<string, unknown> | undefined => {
  try {
    return asRecord(JSON.parse(candidate));
  } catch {
    return undefined;
  }
};

/** Text that is not empty, as written; else null. */
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Tags as plain strings, from either documented shape. */
export const tagNames = (tags: NimbleContact['tags']): string[] =>
  (tags ?? []).map((t) => (typeof t === 'string' ? t : t.tag));

/** A custom field's text values: none → null, one → that value, several → the list (blanks kept). */
const customValue = (values: FieldValue[]): FlatValue => {
  const texts = values.map((v) => v.value).filter((v): v is string => typeof v === 'string');
  return texts.length > 1 ? texts : (texts[0] ?? null);
};

/** The label of each option id in `value` (one or a list), or null for an id the field does not list. */
const labelOf = (value: FlatValue, options: Record<string, string>): FlatValue =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? (options[v] ?? '') : ''))
    : typeof value === 'string'
      ? (options[value] ?? null)
      : null;

/**
 * The account's other fields as `fields__<name>` keys; a drop-down field (when `labels` knows it)
 * also as `fields__<name>__label`, the option's label beside its id.
 */
const customFields = (fields: NimbleContact['fields'], labels?: ChoiceLabels): Record<string, FlatValue> =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([name]) => !MAPPED_CONTACT_FIELDS.has(name))
      .flatMap(([name, values]): [string, FlatValue][] => {
        const value = customValue(values);
        const options = labels?.[name];
        return options
          ? [
              [fieldKey(name), value],
              [choiceLabelKey(name), labelOf(value, options)],
            ]
          : [[fieldKey(name), value]];
      }),
  );

/** True when a contact has fields of the account's own (custom ones, drop-downs): what `ChoiceLabels` can label. */
export const hasCustomFields = (c: NimbleContact): boolean =>
  Object.keys(c.fields).some((name) => !MAPPED_CONTACT_FIELDS.has(name));

/**
 * A Nimble contact as one flat, labelled output. Every standard key is always present; `labels` adds
 * the option labels of its drop-down fields.
 */
export const flattenContact = (c: NimbleContact, labels?: ChoiceLabels) => {
  const f = c.fields;
  const isCompany = c.record_type === 'company';
  const employment = parseJsonValue(primaryOf(f['contact employment'])?.value);
  const address = primaryOf(f.address);
  const addr = parseJsonValue(address?.value);
  const firstName = firstValue(f['first name']);
  const lastName = firstValue(f['last name']);
  const companyName = isCompany
    ? firstValue(f['company name'])
    : (str(employment?.company_name) ?? firstValue(f['parent company']) ?? firstValue(f['company name']));
  // Both are null or non-blank text: the two names joined by a space, or whichever is given.
  const personName = firstName && lastName ? `${firstName} ${lastName}` : (firstName ?? lastName ?? '');
  return {
    id: c.id,
    record_type: c.record_type ?? null,
    name: isCompany ? companyName : personName || companyName,
    first_name: firstName,
    last_name: lastName,
    middle_name: firstValue(f['middle name']),
    company_name: companyName,
    title: str(employment?.title) ?? firstValue(f.title),
    email: firstValue(f.email),
    emails: allValues(f.email),
    ...valuesByType(f.email, EMAIL_TYPES, 'email'),
    phone: firstValue(f.phone),
    phones: allValues(f.phone),
    ...valuesByType(f.phone, PHONE_TYPES, 'phone'),
    website: firstValue(f.URL),
    websites: allValues(f.URL),
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
    ...customFields(f, labels),
  };
};

/** An update event: one id per (contact, update time), the contact's own id kept in `contact_id`. */
export const flattenContactUpdate = (c: NimbleContact, labels?: ChoiceLabels) => {
  const { id, ...rest } = flattenContact(c, labels);
  return { id: updateEventId(id, c.updated ?? c.created), contact_id: id, ...rest };
};

const one = (value: string, modifier = '') => [{ value, modifier }];

/**
 * Contact inputs as Nimble's `fields` body. A person's company and title go into `contact employment`
 * (which replaces the deprecated `parent company` and `title`); a company's name is `company name`.
 * The account's other fields come as `fields__<name>` keys. On an update, `current` is the contact
 * as it is: the employment and the address given merge into its current ones, since Nimble stores
 * each as one value and would otherwise lose the half (or the parts) not given.
 */
export const toContactFields = (
  i: ContactInput,
  recordType: 'person' | 'company',
  current?: NimbleContact,
): ContactFieldsBody => {
  const addressType = addressTypeFor(i, current);
  const addressParts = Object.entries({
    street: i.address_street,
    city: i.address_city,
    state: i.address_state,
    zip: i.address_zip,
    country: i.address_country,
  }).filter(([, v]) => v);
  const address = addressParts.length
    ? { ...(current && currentAddress(current, addressType)), ...Object.fromEntries(addressParts) }
    : undefined;
  const phones = PHONE_TYPES.flatMap((type) => {
    const value = i[`phone_${type}`];
    return typeof value === 'string' && value ? [{ value, modifier: type }] : [];
  });
  const employment =
    recordType === 'person' && (i.company_name || i.title)
      ? {
          ...(current && currentEmployment(current)),
          ...(i.company_name ? { company_name: i.company_name } : {}),
          ...(i.title ? { title: i.title } : {}),
        }
      : undefined;
  const custom = Object.entries(i).filter(
    ([key, value]) => isFieldKey(key) && value !== undefined && value !== null && value !== '',
  );
  return {
    ...(i.first_name ? { 'first name': one(i.first_name) } : {}),
    ...(i.last_name ? { 'last name': one(i.last_name) } : {}),
    ...(recordType === 'company' && i.company_name ? { 'company name': one(i.company_name) } : {}),
    ...(employment ? { 'contact employment': one(JSON.stringify(employment)) } : {}),
    ...(i.email ? { email: one(i.email, i.email_type ?? 'work') } : {}),
    ...(phones.length ? { phone: phones } : {}),
    ...(i.website ? { URL: one(i.website, 'work') } : {}),
    ...(address ? { address: one(JSON.stringify(address), addressType) } : {}),
    ...(i.domain ? { domain: one(i.domain) } : {}),
    ...Object.fromEntries(custom.map(([key, value]) => [fieldName(key), one(String(value))])),
  };
};

const ADDRESS_PARTS = ['address_street', 'address_city', 'address_state', 'address_zip', 'address_country'] as const;

/** The type of the address the parts go to: the one given, else (an update) the contact's main address's, else work. */
const addressTypeFor = (i: ContactInput, current?: NimbleContact): string =>
  i.address_type ?? ((current && primaryOf(current.fields.address)?.modifier) || 'work');

/**
 * Why an update cannot merge the parts given into the contact's current address or employment: that
 * value is there but cannot be read, so sending only some parts would erase the others. Undefined
 * when it can (or when every part is given, and nothing needs merging).
 */
export const unmergeable = (i: ContactInput, current: NimbleContact): string | undefined => {
  const given = ADDRESS_PARTS.filter((k) => i[k]);
  const type = addressTypeFor(i, current);
  const address = filled(current.fields.address).find((a) => (a.modifier ?? '') === type);
  if (given.length > 0 && given.length < ADDRESS_PARTS.length && address && !parseJsonValue(address.value)) {
    return `Address: Nimble holds this contact's ${type} address in a form that cannot be read, so changing only some of its parts would erase the others. Fill in Street, City, State, ZIP Code and Country.`;
  }
  const job = primaryOf(current.fields['contact employment']);
  if (
    current.record_type !== 'company' &&
    Boolean(i.company_name) !== Boolean(i.title) &&
    job &&
    !parseJsonValue(job.value)
  ) {
    return "Company Name and Job Title: Nimble holds this person's current job in a form that cannot be read, so changing only one would erase the other. Fill in both.";
  }
  return undefined;
};

/** True when the inputs change a value Nimble keeps as one JSON value (employment, address): an update reads the contact first. */
export const mergesIntoCurrent = (i: ContactInput): boolean =>
  Boolean(i.company_name || i.title) || ADDRESS_PARTS.some((k) => i[k]);

/** The person's current employment (the primary value, else the first), parsed; undefined if none. */
const currentEmployment = (c: NimbleContact): Record<string, unknown> | undefined =>
  parseJsonValue(primaryOf(c.fields['contact employment'])?.value);

/** The contact's current address of one type (work, home or other), parsed; undefined if none. */
const currentAddress = (c: NimbleContact, type: string): Record<string, unknown> | undefined =>
  parseJsonValue(filled(c.fields.address).find((a) => (a.modifier ?? '') === type)?.value);

/** Tags for a contact create: comma-separated, commas inside a tag escaped with a backslash. */
export const toTagList = (tags: string[]): string => tags.map((t) => t.replace(/,/g, '\\,')).join(',');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** An HTML entity (`amp`, `#39`, `#x27`) as its character, or undefined for one that is not known. */
const entity = (name: string): string | undefined => {
  if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()];
  const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
};

/** HTML as plain text: line breaks for `<br>` and block ends, tags dropped, entities decoded. */
const htmlToText = (html: string): string =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => entity(e) ?? m)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** `raw` URL-decoded when it is encoded (`%XX` sequences and no plain spaces) and decodes; else as it came. */
const urlDecoded = (raw: string): string => {
  if (!/%[0-9a-f]{2}/i.test(raw) || /\s/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/**
 * A contact note's body, which Nimble answers as URL-encoded HTML (`%3Cfont%20face…%3Enote%201%3C%2Ffont%3E`,
 * nimble.md §9, from the legacy docs' create, show and list examples): decoded when it is encoded,
 * then read as text when it holds markup.
 */
const readNoteBody = (raw: string): { text: string; html: string } => {
  const html = urlDecoded(raw);
  return { html, text: /<[a-z/!]/i.test(html) || /&[#a-z0-9]+;/i.test(html) ? htmlToText(html) : html };
};

export const flattenNote = (n: NimbleNote) => {
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

export const flattenTask = (t: NimbleTask) => ({
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

/** The text of each `{value}` (numbers as text). */
const valueList = (values: unknown): string[] =>
  (Array.isArray(values) ? values : []).flatMap((v) => {
    const value = asRecord(v)?.value;
    return typeof value === 'string' ? [value] : typeof value === 'number' ? [String(value)] : [];
  });

/** One documented form of deal field values as `[name or id, values]` pairs. */
const valueEntries = (item: unknown): [string, string[]][] => {
  const obj = asRecord(item);
  if (!obj) return [];
  const key =
    typeof obj.field_name === 'string' ? obj.field_name : typeof obj.field_id === 'string' ? obj.field_id : undefined;
  if (key !== undefined && 'values' in obj) return [[key, valueList(obj.values)]];
  return Object.entries(obj).map(([name, values]) => [name, valueList(values)]);
};

/** `v` as a list: a list as it is, nothing as empty, one item as a list of one. */
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * Deal field values, by field name or id, from any of the three documented forms: a map
 * (`{name: [{value}]}`), one `{field_name|field_id, values}` object, or a list of those.
 */
export const dealFieldValues = (raw: unknown): Record<string, string[]> =>
  Object.fromEntries(listOf(raw).flatMap(valueEntries));

const STANDARD_DEAL_FIELDS = [
  'name',
  'amount',
  'probability',
  'description',
  'expected_close_date',
  'actual_close_date',
];

/**
 * A stable snake_case key for a name the user chose in the CRM ("Primary Email Address" →
 * "primary_email_address"), safe for Zapier's key rules. Empty or symbol-only names get a hash.
 */
const keyFromName = (name: string): string => {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug) return slug;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `field_${hash.toString(36)}`;
};

/** A custom deal field's output key (a slug of its name: deal fields are keyed so everywhere). */
export const dealFieldKey = (name: string): string => `${FIELD_PREFIX}${keyFromName(name)}`;

/** A Nimble deal as one flat, labelled output. */
export const flattenDeal = (d: NimbleDeal) => {
  // The named values fill both the standard keys and the custom ones.
  const withNames = dealFieldValues(d.fields_values_with_names);
  const values = { ...dealFieldValues(d.fields_values), ...withNames };
  const first = (name: string) => values[name]?.[0] ?? null;
  const amount = first('amount');
  const stage = d.stage_transitions?.transitions?.at(-1)?.to_stage;
  const contacts = (d.related_contacts ?? []).flatMap((r) => (r.contact ? [r.contact] : []));
  const custom = Object.entries(withNames).filter(([name]) => !STANDARD_DEAL_FIELDS.includes(name));
  return {
    id: d.deal_id,
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
    ...Object.fromEntries(
      custom.map(([name, list]): [string, FlatValue] => [
        dealFieldKey(name),
        list.length > 1 ? list : (list[0] ?? null),
      ]),
    ),
  };
};

/**
 * The deal's latest stage change (its last transition), or undefined when its stage never changed:
 * the only transition is then its creation, whose `from_stage` is null.
 */
export const lastMove = (d: NimbleDeal) => {
  const last = d.stage_transitions?.transitions?.at(-1);
  return last?.from_stage && last.to_stage?.stage_id ? last : undefined;
};

/**
 * A deal as a stage-change event (Deal Stage Changed keeps the deals `lastMove` finds). The event's id
 * is the deal's, the stage's, the day of the change (`when` is a date, no time) and the change's
 * position among the deal's transitions: each move adds one, so a deal back in a stage on the same day
 * fires again, and a deal changed in another way (a new amount) keeps its id and does not.
 */
export const flattenDealUpdate = (d: NimbleDeal) => {
  const transitions = d.stage_transitions?.transitions ?? [];
  const last = transitions.at(-1);
  const { id, ...rest } = flattenDeal(d);
  return {
    id: [id, last?.to_stage?.stage_id ?? '', last?.when ?? '', transitions.length].join('-'),
    deal_id: id,
    ...rest,
    previous_stage_id: last?.from_stage?.stage_id ?? null,
    previous_stage_name: last?.from_stage?.name ?? null,
    stage_changed_on: last?.when ?? null,
    stage_changed_by: last?.who?.name ?? null,
  };
};

/** A pipeline's custom deal field, as `GET /api/v2/deals/fields` describes it. */
export interface DealCustomField {
  /** '' when the answer gives none. */
  field_id: string;
  name: string;
  /** The field's kind (`number`, `datetime`, `choice`…); '' when the answer gives none. */
  kind: string;
  /** The pipeline it belongs to (its tab's, else its own), when the answer says. */
  pipeline_id?: string;
  /** A drop-down's options, when the answer lists them (`field_type.values.values`). */
  options?: { id: string; value: string }[];
  /** A text field's rule (`email`, `url`), when the answer gives one. */
  rule?: string;
  read_only: boolean;
}

const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * A field's kind and details. The document types a deal field's `field_type` as a plain string
 * (`"number"`); contact fields carry an object (`{field_kind, values, validation_rule}`, §10.2, "the
 * same tab/group/field scheme is used for deal metadata"): both are read.
 */
const kindOf = (fieldType: unknown): Pick<DealCustomField, 'kind' | 'options' | 'rule'> => {
  if (typeof fieldType === 'string') return { kind: fieldType };
  const t = asRecord(fieldType);
  const options = listOf(asRecord(t?.values)?.values).flatMap((o) => {
    const r = asRecord(o);
    const id = r?.id;
    return (typeof id === 'string' || typeof id === 'number') && typeof r?.value === 'string'
      ? [{ id: String(id), value: r.value }]
      : [];
  });
  const rule = textOf(asRecord(t?.validation_rule)?.type);
  return {
    kind: textOf(t?.field_kind) ?? '',
    ...(options.length ? { options } : {}),
    ...(rule ? { rule } : {}),
  };
};

/** The custom fields of one member of a deal fields tab: a field, or a group of them. */
const memberFields = (member: unknown, tabPipeline: string | undefined): DealCustomField[] => {
  const m = asRecord(member);
  if (!m) return [];
  const field = asRecord(m.field) ?? m;
  const name = field.field_name ?? field.name;
  const id = field.field_id;
  const pipeline_id = tabPipeline ?? textOf(m.pipeline_id);
  const own =
    typeof name === 'string' && name.trim() && !STANDARD_DEAL_FIELDS.includes(name)
      ? [
          {
            // '' when the answer gives none: the field is labelled in outputs, but not offered as an input.
            field_id: typeof id === 'string' ? id : '',
            name: name.trim(),
            ...kindOf(field.field_type),
            ...(pipeline_id ? { pipeline_id } : {}),
            read_only: field.read_only === true,
          },
        ]
      : [];
  return [...own, ...listOf(m.fields).flatMap((f) => memberFields(f, pipeline_id))];
};

/**
 * The pipelines' custom deal fields in a `GET /api/v2/deals/fields` answer, each once (by id). Each
 * tab's `members` is documented as one object but is probably a list; a member is a field
 * (`{field: {field_id, field_name, field_type}}`) or a group of them (`{fields: [...]}`). Both forms
 * are read. Nimble's standard fields (`name`, `amount`…) are not custom ones.
 */
export const customDealFields = (answer: { pipelines_tabs?: unknown }): DealCustomField[] =>
  listOf(answer.pipelines_tabs)
    .flatMap((tab) => {
      const t = asRecord(tab);
      return listOf(t?.members).flatMap((m) => memberFields(m, textOf(t?.pipeline_id)));
    })
    .filter((f, i, all) => !f.field_id || all.findIndex((g) => g.field_id === f.field_id) === i);

/** The names of the pipelines' custom deal fields (see `customDealFields`). */
export const customDealFieldNames = (answer: { pipelines_tabs?: unknown }): string[] =>
  customDealFields(answer).map((f) => f.name);

/** Whether a custom deal field belongs to the pipeline (a field whose pipeline the answer does not give belongs to all). */
export const inPipeline = (f: DealCustomField, pipelineId: string | undefined): boolean =>
  !pipelineId || !f.pipeline_id || f.pipeline_id === pipelineId;

/**
 * A static sample: an output without its `fields__<name>` keys, which depend on the account and
 * the record (they are labelled by the dynamic output fields instead).
 */
export const staticSample = (out: FlatObject): FlatObject =>
  Object.fromEntries(Object.entries(out).filter(([key]) => !key.startsWith(FIELD_PREFIX)));

/** A deal note, with the deal it belongs to (the answer does not name it). */
export const flattenDealNote = (n: NimbleDealNote, dealId: string) => ({
  id: n.note_id,
  deal_id: dealId,
  title: n.title ?? null,
  body: n.body ?? null,
  creator_id: n.creator?.user_id ?? null,
  creator_name: n.creator?.name ?? null,
  created: n.created ?? null,
  updated: n.updated ?? null,
});

/** Labels for the keys every contact output has. */
export const contactOutputFields = [
  { key: 'id', label: 'Contact ID', type: 'string' as const },
  { key: 'record_type', label: 'Contact Type' },
  { key: 'name', label: 'Name' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'middle_name', label: 'Middle Name' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'title', label: 'Job Title' },
  { key: 'email', label: 'Email (Primary)' },
  { key: 'emails', label: 'Emails (All)', list: true },
  { key: 'email_work', label: 'Work Email' },
  { key: 'email_personal', label: 'Personal Email' },
  { key: 'email_other', label: 'Other Email' },
  { key: 'phone', label: 'Phone (Primary)' },
  { key: 'phones', label: 'Phones (All)', list: true },
  { key: 'phone_mobile', label: 'Mobile Phone' },
  { key: 'phone_work', label: 'Work Phone' },
  { key: 'phone_home', label: 'Home Phone' },
  { key: 'phone_main', label: 'Main Phone' },
  { key: 'phone_other', label: 'Other Phone' },
  { key: 'website', label: 'Website' },
  { key: 'websites', label: 'Websites (All)', list: true },
  { key: 'address_type', label: 'Address Type' },
  { key: 'address_street', label: 'Street' },
  { key: 'address_city', label: 'City' },
  { key: 'address_state', label: 'State' },
  { key: 'address_zip', label: 'ZIP Code' },
  { key: 'address_country', label: 'Country' },
  { key: 'birthday', label: 'Birthday' },
  { key: 'domain', label: 'Domain' },
  { key: 'description', label: 'Description' },
  { key: 'tags', label: 'Tags', list: true },
  { key: 'owner_id', label: 'Owner User ID' },
  { key: 'avatar_url', label: 'Avatar URL' },
  { key: 'creator', label: 'Created By' },
  { key: 'updater', label: 'Updated By' },
  { key: 'created', label: 'Created At', type: 'datetime' as const },
  { key: 'updated', label: 'Updated At', type: 'datetime' as const },
];

/** Labels for the keys every deal output has. */
export const dealOutputFields = [
  { key: 'id', label: 'Deal ID', type: 'string' as const },
  { key: 'deal_number', label: 'Deal Number', type: 'integer' as const },
  { key: 'name', label: 'Deal Name' },
  { key: 'amount', label: 'Amount', type: 'number' as const },
  { key: 'currency', label: 'Currency' },
  { key: 'probability', label: 'Probability (%)', type: 'integer' as const },
  { key: 'description', label: 'Description' },
  { key: 'expected_close_date', label: 'Expected Close Date' },
  { key: 'actual_close_date', label: 'Actual Close Date' },
  { key: 'pipeline_id', label: 'Pipeline ID' },
  { key: 'pipeline_name', label: 'Pipeline' },
  { key: 'stage_id', label: 'Stage ID' },
  { key: 'stage_name', label: 'Stage' },
  { key: 'owner_id', label: 'Owner User ID' },
  { key: 'owner_name', label: 'Owner Name' },
  { key: 'owner_email', label: 'Owner Email' },
  { key: 'contact_ids', label: 'Contact IDs', list: true },
  { key: 'contact_names', label: 'Contact Names', list: true },
  { key: 'tags', label: 'Tags', list: true },
  { key: 'age_in_days', label: 'Age (Days)', type: 'number' as const },
  { key: 'created', label: 'Created At', type: 'datetime' as const },
  { key: 'updated', label: 'Updated At', type: 'datetime' as const },
];
