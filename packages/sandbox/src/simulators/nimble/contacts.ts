import { json, type SimRequest, type SimResponse } from '../../server';
import { invalid, invalidFields, notFound } from './errors';
import { fieldDef, readContactFields } from './fields';
import { matchQuery } from './search';
import { stamp, touched, USER, type NimbleStore, type StoredContact, type StoredValue } from './store';

/** Contacts (nimble.md §7): list and search, read, create, update (extend or replace), tags. */

export const contactView = (c: StoredContact) => ({
  id: c.id,
  object_type: 'contact',
  record_type: c.record_type,
  created: stamp(c.createdMs),
  updated: stamp(c.updatedMs),
  creator: USER.name,
  updater: USER.name,
  owner_id: c.owner_id,
  avatar_url: null,
  children: [],
  is_important: false,
  privacy: { read: null, edit: null },
  fields: Object.fromEntries(
    Object.entries(c.fields).map(([name, values]) => [
      name,
      values.map((v) => ({ ...v, label: name, field_id: fieldDef(name)?.field_id ?? '' })),
    ]),
  ),
  tags: c.tags,
  last_contacted: null,
  company_last_contacted: { in: null, out: null },
  reminder: null,
  notice: null,
});

const contactName = (c: StoredContact): string => {
  const v = (name: string) => c.fields[name]?.[0]?.value ?? '';
  return c.record_type === 'company' ? v('company name') : [v('first name'), v('last name')].filter(Boolean).join(' ');
};

/** The short form notes, tasks and deals link contacts with. */
export const shortContact = (c: StoredContact) => ({
  id: c.id,
  name: contactName(c),
  contact_type: c.record_type,
  avatar_url: '',
  email: (c.fields.email ?? []).map((v) => v.value),
  is_viewable: true,
  employment: null,
  phones: { label: c.fields.phone?.[0]?.modifier ?? '', value: c.fields.phone?.[0]?.value ?? '' },
});

/** The contacts of a list of ids, or the 404 naming the first one missing. */
export const contactsOf = (store: NimbleStore, ids: unknown[] | undefined): StoredContact[] | SimResponse => {
  const linked: StoredContact[] = [];
  for (const id of ids ?? []) {
    const c = store.contactById(String(id));
    if (!c) return notFound('contact', String(id));
    linked.push(c);
  }
  return linked;
};

/** Nimble's minimum: first or last name for a person, company name for a company. */
const nameRule = (record_type: string, fields: Record<string, StoredValue[]>): SimResponse | undefined => {
  const has = (name: string) => (fields[name] ?? []).some((v) => v.value.trim() !== '');
  const [field, message] =
    record_type === 'company'
      ? ['company name', 'Company name field is required for company and should not be empty']
      : ['first name', 'First name or last name field is required for person and should not be empty'];
  const named = record_type === 'company' ? has('company name') : has('first name') || has('last name');
  return named ? undefined : invalidFields({ [field]: { message, field_id: fieldDef(field)!.field_id } });
};

/** Splits `a,b\,c` into `["a", "b,c"]`, as the spec describes contact tags. */
const splitTags = (text: string): string[] =>
  text
    .split(/(?<!\\),/)
    .map((t) => t.replace(/\\,/g, ',').trim())
    .filter(Boolean);

const SORTABLE = /^(created|updated|first name|last name):(asc|desc)$/;

/** `GET /api/v1/contacts`: `keyword` or `query` (not both), `record_type`, one `sort`, pages. */
export const listContacts = (store: NimbleStore, req: SimRequest): SimResponse => {
  const keyword = req.query.get('keyword');
  const queryText = req.query.get('query');
  if (keyword && queryText) {
    return json(409, { message: 'You can specify either `keyword` or `query` parameter, not both!', code: 245 });
  }
  const recordType = req.query.get('record_type') ?? 'all';
  const page = Number(req.query.get('page') ?? 1);
  const perPage = Number(req.query.get('per_page') ?? 30);
  let found = store.contacts.slice();
  if (queryText) {
    let query: unknown;
    try {
      query = JSON.parse(queryText);
    } catch {
      return invalid({ query: 'must be JSON' });
    }
    const results = found.map((c) => matchQuery(c, query));
    const error = results.find((r) => typeof r === 'string');
    if (error !== undefined) return invalid({ query: error as string });
    found = found.filter((_c, i) => results[i] === true);
  } else {
    if (recordType !== 'all') found = found.filter((c) => c.record_type === recordType);
    if (keyword) found = found.filter((c) => matchQuery(c, { __any: { contain: keyword } }) === true);
  }
  const sort = req.query.get('sort');
  if (sort) {
    const m = SORTABLE.exec(sort);
    if (!m) return invalid({ sort: 'must be <field>:<asc|desc> with one sortable field' });
    const key = m[1]!;
    const value = (c: StoredContact): number | string =>
      key === 'created' ? c.createdMs : key === 'updated' ? c.updatedMs : (c.fields[key]?.[0]?.value ?? '');
    const sign = m[2] === 'desc' ? -1 : 1;
    found.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * sign);
  }
  const total = found.length;
  return json(200, {
    meta: { page, pages: Math.max(1, Math.ceil(total / perPage)), per_page: perPage, total },
    resources: found.slice((page - 1) * perPage, page * perPage).map(contactView),
  });
};

/** `GET /api/v1/contact/{id}`: the contact in `resources`. */
export const getContact = (store: NimbleStore, req: SimRequest): SimResponse => {
  const c = store.contactById(req.params.contact_id);
  return c ? json(200, { resources: [contactView(c)] }) : notFound('contact', req.params.contact_id!);
};

interface CreateBody {
  fields: Record<string, unknown>;
  record_type?: StoredContact['record_type'];
  type?: StoredContact['record_type'];
  owner_id?: string | null;
  tags?: string;
}

/** `POST /api/v1/contact`: the fields checked against the account's, a name, at most 5 tags, the plan's quota. */
export const createContact = (store: NimbleStore, req: SimRequest): SimResponse => {
  const body = req.body as CreateBody;
  const recordType = body.record_type ?? body.type ?? 'person';
  if (body.type && body.record_type && body.type !== body.record_type) {
    return invalid({ '/type': 'must equal record_type' });
  }
  const tags = body.tags ? splitTags(body.tags) : [];
  if (tags.length > 5) return invalid({ '/tags': 'at most 5 tags are allowed when creating a contact' });
  const fields = readContactFields(body.fields);
  if ('status' in fields) return fields as SimResponse;
  const stored = Object.fromEntries(Object.entries(fields).filter(([, v]) => v && v.length)) as Record<
    string,
    StoredValue[]
  >;
  const ruled = nameRule(recordType, stored);
  if (ruled) return ruled;
  const limit = store.options.contactLimit;
  if (limit !== undefined && store.contacts.length >= limit) {
    return json(402, {
      message:
        "You have created the maximum number of contact records allowed for your subscription.\nDon't worry, you can upgrade your account and add more contacts right now.",
      code: 108,
    });
  }
  const c = store.addContact(recordType, stored, Date.now(), tags);
  c.owner_id = body.owner_id === undefined ? USER.user_id : body.owner_id;
  return json(200, contactView(c));
};

/**
 * Extend (the legacy docs: a new personal email "updates only the personal value and keeps work"):
 * a value replaces the one with the same modifier — the primary one when several share it, as
 * employments do — or is added when none has that modifier.
 */
const extend = (old: StoredValue[], values: StoredValue[]): StoredValue[] => {
  const list = [...old];
  for (const v of values) {
    const same = list.filter((o) => o.modifier === v.modifier);
    const target = same.find((o) => o.is_primary) ?? same[0];
    if (target) list[list.indexOf(target)] = { ...v, ...(target.is_primary ? { is_primary: true } : {}) };
    else list.push(v);
  }
  return list;
};

/**
 * `PUT /api/v1/contact/{id}`: extend or replace, by either name Nimble has used (nimble.md §7.4 C6):
 * `type` (the OpenAPI document) or `replace` (the legacy docs, GearPlug's client); default extend.
 */
export const updateContact = (store: NimbleStore, req: SimRequest): SimResponse => {
  const c = store.contactById(req.params.contact_id);
  if (!c) return notFound('contact', req.params.contact_id!);
  const given = ['type', 'replace'].map((name) => req.query.get(name)).filter((v) => v !== null);
  if (new Set(given).size > 1) return invalid({ replace: 'type and replace disagree' });
  const replace = given[0] === '1';
  const raw = (req.body as { fields?: Record<string, unknown> }).fields;
  const fields = raw === undefined ? {} : readContactFields(raw);
  if ('status' in fields) return fields as SimResponse;
  const next = { ...c.fields };
  for (const [name, values] of Object.entries(fields)) {
    next[name] = replace || values === null ? (values ?? []) : extend(next[name] ?? [], values);
    if (next[name]!.length === 0) delete next[name];
  }
  const ruled = nameRule(c.record_type, next);
  if (ruled) return ruled;
  c.fields = next;
  c.updatedMs = touched(c.updatedMs);
  return json(200, contactView(c));
};

/** `PUT /api/v1/contacts/{id}/tags`: sets the contact's tags to exactly this list. */
export const setContactTags = (store: NimbleStore, req: SimRequest): SimResponse => {
  const c = store.contactById(req.params.contact_id);
  if (!c) return notFound('contact', req.params.contact_id!);
  const tags = (req.body as { tags: string[] }).tags;
  if (tags.some((t) => !t.trim())) return invalid({ '/tags': 'must be a list of non-empty strings' });
  c.tags = [...new Set(tags.map((t) => t.trim()))];
  c.updatedMs = touched(c.updatedMs);
  // "Response to this request is empty JSON body ({})" (legacy docs); the contact (OpenAPI document).
  return json(200, store.options.tagsAnswer === 'contact' ? contactView(c) : {});
};
