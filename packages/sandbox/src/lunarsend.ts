import { randomUUID } from 'node:crypto';
import { json, SimServer, type SimRequest, type SimResponse } from './server';

/**
 * LunarSend's v2 REST API (../shared/docs/apis/lunarsend.md), in memory: contacts, pipeline deals,
 * team users, tags and contact-tag links under `/api/v2`, the `x-api-key` header, the `data`
 * envelopes in the shapes the reference shows (create, get, edit and tag answers wrapped in a
 * one-element array; get answers carrying the `id` asked for), `tag_name` on every tag endpoint and
 * `tags[].name` only inside contact search results, email unique per team, tag names unique per team,
 * the documented stages, zero-based paging with `query_amount` (alias `per_page`) up to 100 and
 * `total_count` (`count` on the contacts-by-tag search), the documented error body with the
 * documented statuses, and a real rate limit (2 requests per second per key) answering 429 with
 * `Retry-After`.
 */

export const LUNARSEND_SANDBOX_CREDENTIALS = { api_key: 'sandbox-lunarsend-key' };
/** A key of a team member who may read but not change anything: writes answer 403. */
export const LUNARSEND_SANDBOX_VIEWER_CREDENTIALS = { api_key: 'sandbox-lunarsend-viewer-key' };

export const LUNARSEND_STAGES = [
  'Qualification',
  'Discovery',
  'Interested',
  'Verbal',
  'Proposal',
  'Negotiation',
  'Won',
  'Lost',
] as const;

/** At most `requests` accepted requests per key in any `windowMs`. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}
/** LunarSend's documented limit: 2 requests per second. */
export const LUNARSEND_RATE_LIMIT: RateLimit = { requests: 2, windowMs: 1000 };

export interface LunarSendSimulatorOptions {
  /**
   * The rate limit, LunarSend's own by default. `false` turns it off for runs that send requests
   * back to back on purpose (the tour, semantics tests); the rate-limit test keeps it.
   */
  rateLimit?: RateLimit | false;
  /** The clock (ms), for timestamps and the rate limiter. */
  now?: () => number;
  /**
   * Every error answer keeps its body but comes with HTTP 200 instead of its documented status. No
   * LunarSend page says it does this (lunarsend.md, "Errors and success flags": inferred), but its
   * envelope has room for it and the reference asks clients to guard against it: this is for
   * checking that guard. Off by default: errors come with the documented statuses.
   */
  errorsWithHttp200?: boolean;
}

interface TeamUser {
  user_id: string;
  name: string;
  display_name: string;
  email: string;
  created_at: string;
  profile_picture: string | null;
}
/** A tag as the tag endpoints show it, less `owner` (the owner's name, read from the team). */
interface Tag {
  id: string;
  user_id: string;
  tag_name: string;
  color: string;
  created_at: string;
}
/** A contact-tag link ("create contact-tag link"). */
interface TagLink {
  id: string;
  tag_id: string;
  contact_id: string;
  user_id: string;
  created_at: string;
}
interface StoredContact {
  id: string;
  user_id: string;
  email: string;
  first_name: string;
  last_name: string | null;
  phone: string | null;
  company: string | null;
  job_title: string | null;
  notes: string;
  created_at: string;
  last_activity: string | null;
}
interface StoredDeal {
  id: string;
  company: string;
  stage: string;
  deal_size: number;
  open_date: string;
  close_date: string | null;
  primary_contact: string | null;
  contact_email: string | null;
  notes: string;
  user_id: string;
  created_at: string;
}

const CONTACT_FIELDS = ['first_name', 'email', 'last_name', 'phone', 'company', 'job_title', 'notes', 'user_id'];
const CONTACT_SEARCH_BY = [...CONTACT_FIELDS, 'tag'];
const DEAL_FIELDS = [
  'company',
  'stage',
  'deal_size',
  'open_date',
  'close_date',
  'est_close_date',
  'primary_contact',
  'contact_email',
  'notes',
  'user_id',
];
const DEAL_SEARCH_BY = ['company', 'stage', 'owner', 'email'];
const USER_SEARCH_BY = ['name', 'display_name', 'user_id'];
/** Tag fields for `search_by`: the page's examples are `tag_name` and `color`. */
const TAG_FIELDS = ['tag_name', 'color', 'user_id'];
const TAG_SEARCH_BY = ['tag_name', 'color', 'owner', 'user_id'];
/** The contacts-by-tag search's `search_by` (examples `company`, `owner`) over its items' fields. */
const TAGGED_CONTACT_SEARCH_BY = ['first_name', 'last_name', 'email', 'company', 'owner'];
/** "If omitted, a default color may be assigned." */
const DEFAULT_TAG_COLOR = '#6c757d';
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/**
 * The documented error body, as both documents give it: getting-started's `{ error: "<short
 * machine-readable code>", message: "<human text>" }`, inside the v2 envelope whose Response Fields
 * add `status: "error"`. `status` is the HTTP status (the caller may move it to 200, see
 * `errorsWithHttp200`).
 */
const errorBody = (status: number, error: string, message: string, headers?: Record<string, string>) =>
  json(status, { status: 'error', error, message }, headers);

const isEmail = (v: unknown): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isHexColor = (v: unknown): v is string => typeof v === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);
const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const contains = (value: unknown, term: string) =>
  typeof value === 'string' && value.toLowerCase().includes(term.toLowerCase());

export const createLunarSendSimulator = (options: LunarSendSimulatorOptions = {}) => {
  const server = new SimServer('lunarsend', '/api/v2');
  const clock = options.now ?? Date.now;
  const limit = options.rateLimit === undefined ? LUNARSEND_RATE_LIMIT : options.rateLimit;
  /** An error answer: the documented status, or 200 when `errorsWithHttp200` asks for it. */
  const fail = (status: number, error: string, message: string, headers?: Record<string, string>) =>
    errorBody(options.errorsWithHttp200 ? 200 : status, error, message, headers);
  const now = () => new Date(clock()).toISOString();
  const ago = (days: number) => new Date(clock() - days * 86_400_000).toISOString();

  const users: TeamUser[] = [
    {
      user_id: '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41',
      name: 'John Smith',
      display_name: 'John',
      email: 'john@example.com',
      created_at: ago(300),
      profile_picture: null,
    },
    {
      user_id: 'f446e4f9-2d7a-4b8e-a1c3-6e9f0d2b5c78',
      name: 'Joshua Park',
      display_name: 'Joshua',
      email: 'joshua@example.com',
      created_at: ago(200),
      profile_picture: null,
    },
  ];
  const caller = users[0]!;
  const viewer = users[1]!;
  const keys = new Map<string, { user: TeamUser; canWrite: boolean }>([
    [LUNARSEND_SANDBOX_CREDENTIALS.api_key, { user: caller, canWrite: true }],
    [LUNARSEND_SANDBOX_VIEWER_CREDENTIALS.api_key, { user: viewer, canWrite: false }],
  ]);
  const tags: Tag[] = [
    {
      id: 'a41a203d-8e5b-4f1c-9a7d-3b2c6e0f1d59',
      user_id: caller.user_id,
      tag_name: 'Lead',
      color: '#28a745',
      created_at: ago(100),
    },
    {
      id: 'c3d9e2f1-7a4b-4e8c-b5d6-2f1a0e9c8b73',
      user_id: caller.user_id,
      tag_name: 'Customer',
      color: '#007bff',
      created_at: ago(90),
    },
  ];
  const contacts: StoredContact[] = [];
  const deals: StoredDeal[] = [];
  const links: TagLink[] = [];
  const link = (contact: StoredContact, tag: Tag, userId: string): TagLink => {
    const existing = links.find((l) => l.contact_id === contact.id && l.tag_id === tag.id);
    if (existing) return existing;
    const made: TagLink = {
      id: randomUUID(),
      tag_id: tag.id,
      contact_id: contact.id,
      user_id: userId,
      created_at: now(),
    };
    links.push(made);
    return made;
  };
  const tagsOf = (c: StoredContact): Tag[] =>
    links
      .filter((l) => l.contact_id === c.id)
      .map((l) => tags.find((t) => t.id === l.tag_id))
      .filter((t): t is Tag => t !== undefined);

  const addContact = (fields: Partial<StoredContact> & { email: string; first_name: string }, userId: string) => {
    const contact: StoredContact = {
      id: randomUUID(),
      user_id: userId,
      last_name: null,
      phone: null,
      company: null,
      job_title: null,
      notes: '',
      created_at: now(),
      last_activity: null,
      ...fields,
    };
    contacts.push(contact);
    return contact;
  };

  // Seed: the document's examples.
  const elena = addContact(
    {
      first_name: 'Elena',
      last_name: 'Moreno',
      email: 'elena.moreno@outlook.com',
      phone: '415-283-9921',
      company: 'Brightwave Solutions',
      created_at: ago(40),
      last_activity: ago(10),
    },
    viewer.user_id,
  );
  link(elena, tags[0]!, caller.user_id);
  const joe = addContact(
    { first_name: 'Joe', last_name: 'Doe', email: 'joe@example.com', phone: '+12025550123', created_at: ago(30) },
    caller.user_id,
  );
  const brightwave: StoredDeal = {
    id: randomUUID(),
    company: 'Brightwave Solutions',
    stage: 'Proposal',
    deal_size: 12000,
    open_date: ago(20),
    close_date: null,
    primary_contact: elena.id,
    contact_email: elena.email,
    notes: 'Annual plan, 25 seats.',
    user_id: viewer.user_id,
    created_at: ago(20),
  };
  deals.push(brightwave);

  const ownerName = (userId: string) => users.find((u) => u.user_id === userId)?.display_name ?? null;
  const contactView = (c: StoredContact) => ({
    id: c.id,
    user_id: c.user_id,
    email: c.email,
    first_name: c.first_name,
    last_name: c.last_name,
    phone: c.phone,
    company: c.company,
    job_title: c.job_title,
    notes: c.notes,
    owner: ownerName(c.user_id),
    created_at: c.created_at,
    last_activity: c.last_activity,
  });
  /** Search results as the document shows them: `contact_id`, tags as `{ id, name, color }`, `total_count` on each item. */
  const contactSearchView = (c: StoredContact, total: number) => ({
    contact_id: c.id,
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    owner: ownerName(c.user_id),
    last_activity: c.last_activity,
    user_id: c.user_id,
    tags: tagsOf(c).map((t) => ({ id: t.id, name: t.tag_name, color: t.color })),
    total_count: total,
  });
  const dealView = (d: StoredDeal) => ({ ...d, owner: ownerName(d.user_id) });
  /** Deal search results: `deal_id` instead of `id`, and `total_count` on each item. */
  const dealSearchView = ({ id, ...d }: StoredDeal, total: number) => ({
    deal_id: id,
    ...d,
    owner: ownerName(d.user_id),
    total_count: total,
  });
  /** A tag as create-tag and search-tag show it: `tag_name`, never `name`. */
  const tagView = (t: Tag) => ({
    id: t.id,
    user_id: t.user_id,
    tag_name: t.tag_name,
    owner: ownerName(t.user_id),
    color: t.color,
    created_at: t.created_at,
  });
  /** A link as "create contact-tag link" answers it. */
  const linkView = (l: TagLink) => ({
    id: l.id,
    tag_id: l.tag_id,
    contact_id: l.contact_id,
    created_at: l.created_at,
    tag_name: tags.find((t) => t.id === l.tag_id)?.tag_name ?? null,
    user_id: l.user_id,
    owner: ownerName(l.user_id),
  });

  /* ---------- rate limit, then the key ---------- */

  const accepted = new Map<string, number[]>();
  const throttle = (req: SimRequest): SimResponse | undefined => {
    if (!limit) return undefined;
    const key = String(req.headers['x-api-key'] ?? 'anonymous');
    const t = clock();
    const recent = (accepted.get(key) ?? []).filter((at) => t - at < limit.windowMs);
    if (recent.length >= limit.requests) {
      accepted.set(key, recent);
      const wait = Math.max(1, Math.ceil((recent[0]! + limit.windowMs - t) / 1000));
      return fail(
        429,
        'rate_limited',
        `Too many requests: ${limit.requests} per ${limit.windowMs / 1000} s allowed. Retry with backoff.`,
        { 'retry-after': String(wait) },
      );
    }
    recent.push(t);
    accepted.set(key, recent);
    return undefined;
  };

  type Caller = { user: TeamUser; canWrite: boolean };
  const api =
    (handler: (req: SimRequest, who: Caller) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const limited = throttle(req);
      if (limited) return limited;
      const key = req.headers['x-api-key'];
      const who = typeof key === 'string' ? keys.get(key) : undefined;
      if (!who) return fail(401, 'unauthorized', 'Missing or invalid API key.');
      if (req.method !== 'GET' && !who.canWrite) {
        return fail(403, 'forbidden', 'Your role in this team may view records but not change them.');
      }
      return handler(req, who);
    };

  /**
   * Zero-based `page` (default 0) and the page size: `query_amount`, "alias for per_page" (the
   * getting-started page's name, accepted too), from 1 to 100 (the sandbox's enforcement of our own
   * cap; no default is documented, the sandbox uses 20).
   */
  const paging = (req: SimRequest): { page: number; size: number } | SimResponse => {
    const pageText = req.query.get('page') ?? '0';
    const sizeText = req.query.get('query_amount') ?? req.query.get('per_page') ?? String(DEFAULT_PAGE_SIZE);
    const page = Number(pageText);
    const size = Number(sizeText);
    if (!Number.isInteger(page) || page < 0) return fail(400, 'invalid_page', `"page" must be 0 or more: ${pageText}`);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      return fail(400, 'invalid_query_amount', `"query_amount" must be from 1 to ${MAX_PAGE_SIZE}: ${sizeText}`);
    }
    return { page, size };
  };
  /** A search answer: `{ data, total_count, page, per_page }`. */
  const pageOf = <T, V>(items: T[], p: { page: number; size: number }, view: (item: T, total: number) => V) => ({
    data: items.slice(p.page * p.size, (p.page + 1) * p.size).map((item) => view(item, items.length)),
    total_count: items.length,
    page: p.page,
    per_page: p.size,
  });
  /** `search_term` and `search_by`; no term lists everything (the document does not say). */
  const searchTerms = (req: SimRequest, allowed: string[]): { term?: string; by?: string } | SimResponse => {
    const term = req.query.get('search_term')?.trim() || undefined;
    const by = req.query.get('search_by')?.trim() || undefined;
    if (by && !allowed.includes(by)) {
      return fail(400, 'invalid_search_by', `"search_by" must be a valid field: one of ${allowed.join(', ')}.`);
    }
    return { term, by };
  };

  /** The `data` envelope's object, or an error naming what is wrong. */
  const dataOf = (req: SimRequest): Record<string, unknown> | SimResponse =>
    asObject(asObject(req.body)?.data) ?? fail(400, 'invalid_body', 'The request body must be { "data": { ... } }.');

  /** Checks contact fields; `creating` requires first_name and email. Answers an error or the clean fields. */
  const contactFields = (
    data: Record<string, unknown>,
    creating: boolean,
    self?: StoredContact,
  ): Partial<StoredContact> | SimResponse => {
    const unknown = Object.keys(data).find((k) => k !== 'id' && !CONTACT_FIELDS.includes(k));
    if (unknown) return fail(400, 'invalid_field', `"${unknown}" is not a contact field.`);
    for (const [k, v] of Object.entries(data)) {
      if (k !== 'id' && v !== null && typeof v !== 'string') return fail(400, 'invalid_field', `"${k}" must be text.`);
    }
    if (creating && (typeof data.first_name !== 'string' || !data.first_name.trim())) {
      return fail(400, 'missing_field', '"first_name" is required.');
    }
    if ('first_name' in data && !creating && !data.first_name) {
      return fail(400, 'missing_field', '"first_name" cannot be empty.');
    }
    if (creating || 'email' in data) {
      if (!isEmail(data.email)) return fail(400, 'invalid_email', '"email" must be a valid email address.');
      const email = data.email.toLowerCase();
      if (contacts.some((c) => c !== self && c.email.toLowerCase() === email)) {
        return fail(400, 'duplicate_email', `A contact with the email ${data.email} already exists in your team.`);
      }
    }
    if (data.user_id !== undefined && !users.some((u) => u.user_id === data.user_id)) {
      return fail(400, 'invalid_user', `"user_id" ${String(data.user_id)} is not a member of your team.`);
    }
    const { id: _id, ...fields } = data;
    return fields as Partial<StoredContact>;
  };

  const dealFields = (data: Record<string, unknown>, creating: boolean): Partial<StoredDeal> | SimResponse => {
    const unknown = Object.keys(data).find((k) => k !== 'id' && !DEAL_FIELDS.includes(k));
    if (unknown) return fail(400, 'invalid_field', `"${unknown}" is not a deal field.`);
    if (creating && (typeof data.company !== 'string' || !data.company.trim())) {
      return fail(400, 'missing_field', '"company" is required.');
    }
    if (creating || 'stage' in data) {
      if (!LUNARSEND_STAGES.includes(data.stage as (typeof LUNARSEND_STAGES)[number])) {
        return fail(400, 'invalid_stage', `"stage" must be one of ${LUNARSEND_STAGES.join(', ')}.`);
      }
    }
    if (data.deal_size !== undefined && (typeof data.deal_size !== 'number' || data.deal_size < 0)) {
      return fail(400, 'invalid_deal_size', '"deal_size" must be a number without a currency symbol.');
    }
    for (const k of ['open_date', 'close_date', 'est_close_date']) {
      if (data[k] !== undefined && data[k] !== null && !isIso(data[k])) {
        return fail(400, 'invalid_date', `"${k}" must be an ISO 8601 date.`);
      }
    }
    if (data.contact_email !== undefined && data.contact_email !== null && !isEmail(data.contact_email)) {
      return fail(400, 'invalid_email', '"contact_email" must be a valid email address.');
    }
    if (data.primary_contact !== undefined && !contacts.some((c) => c.id === data.primary_contact)) {
      return fail(400, 'invalid_contact', `"primary_contact" ${String(data.primary_contact)} is not a contact.`);
    }
    if (data.user_id !== undefined && !users.some((u) => u.user_id === data.user_id)) {
      return fail(400, 'invalid_user', `"user_id" ${String(data.user_id)} is not a member of your team.`);
    }
    const { id: _id, est_close_date, ...fields } = data;
    const out = fields as Partial<StoredDeal>;
    if (out.close_date === undefined && typeof est_close_date === 'string') out.close_date = est_close_date;
    // The server sets primary_contact from contact_email when it names a contact.
    if (out.primary_contact === undefined && typeof out.contact_email === 'string') {
      const email = out.contact_email.toLowerCase();
      const match = contacts.find((c) => c.email.toLowerCase() === email);
      if (match) out.primary_contact = match.id;
    }
    return out;
  };

  const isResponse = (v: unknown): v is SimResponse =>
    typeof v === 'object' && v !== null && 'status' in v && typeof (v as SimResponse).status === 'number';

  server
    /* ---------- team users ---------- */
    .route(
      'GET',
      '/team/users/search',
      api((req) => {
        const p = paging(req);
        if (isResponse(p)) return p;
        const s = searchTerms(req, USER_SEARCH_BY);
        if (isResponse(s)) return s;
        const found = users.filter(
          (u) =>
            !s.term ||
            (s.by
              ? contains(u[s.by as keyof TeamUser], s.term)
              : contains(u.name, s.term) || contains(u.display_name, s.term)),
        );
        return json(
          200,
          pageOf(found, p, (u) => u),
        );
      }),
    )
    .route(
      'GET',
      '/team/users',
      api((req) => {
        // get-user: `[{ status, id, data: { … } }]`.
        const id = req.query.get('id');
        if (!id) return fail(400, 'missing_field', '"id" is required.');
        const user = users.find((u) => u.user_id === id);
        return user
          ? json(200, [{ status: 'success', id, data: user }])
          : fail(404, 'not_found', `No team user with id ${id}.`);
      }),
    )
    /* ---------- contacts ---------- */
    .route(
      'POST',
      '/contacts',
      api((req, who) => {
        const data = dataOf(req);
        if (isResponse(data)) return data;
        const fields = contactFields(data, true);
        if (isResponse(fields)) return fields;
        const contact = addContact(fields as StoredContact, fields.user_id ?? who.user.user_id);
        // The reference wraps the create answer in an array; create answers `status`.
        return json(200, [{ status: 'success', data: contactView(contact) }]);
      }),
    )
    .route(
      'PATCH',
      '/contacts',
      api((req) => {
        const data = dataOf(req);
        if (isResponse(data)) return data;
        if (typeof data.id !== 'string' || !data.id) return fail(400, 'missing_field', '"id" is required.');
        const contact = contacts.find((c) => c.id === data.id);
        if (!contact) return fail(404, 'not_found', `No contact with id ${data.id}.`);
        const fields = contactFields(data, false, contact);
        if (isResponse(fields)) return fields;
        Object.assign(contact, fields, { last_activity: now() });
        // The reference wraps the edit answer in an array; edit answers `success: true`.
        return json(200, [{ success: true, data: contactView(contact) }]);
      }),
    )
    .route(
      'GET',
      '/contacts',
      api((req) => {
        const id = req.query.get('id');
        if (!id) return fail(400, 'missing_field', '"id" is required.');
        const contact = contacts.find((c) => c.id === id);
        // get-contact: `[{ success: true, id: "<the id asked for>", data: { … } }]`, no tags.
        return contact
          ? json(200, [{ success: true, id, data: contactView(contact) }])
          : fail(404, 'not_found', `No contact with id ${id}.`);
      }),
    )
    .route(
      'DELETE',
      '/contacts',
      api((req) => {
        const id = asObject(req.body)?.contact_id;
        if (typeof id !== 'string' || !id) return fail(400, 'missing_field', '"contact_id" is required.');
        const i = contacts.findIndex((c) => c.id === id);
        if (i < 0) return fail(404, 'not_found', `No contact with id ${id}.`);
        contacts.splice(i, 1);
        for (let j = links.length - 1; j >= 0; j -= 1) if (links[j]!.contact_id === id) links.splice(j, 1);
        // The v1 text's answer, as plain text.
        return json(200, 'Document deleted successfully');
      }),
    )
    .route(
      'GET',
      '/contacts/search',
      api((req) => {
        const p = paging(req);
        if (isResponse(p)) return p;
        const s = searchTerms(req, CONTACT_SEARCH_BY);
        if (isResponse(s)) return s;
        const { term, by } = s;
        const found = contacts.filter((c) => {
          if (!term) return true;
          if (by === 'tag') return tagsOf(c).some((t) => t.tag_name.toLowerCase() === term.toLowerCase());
          if (by) return contains(c[by as keyof StoredContact], term);
          return [c.first_name, c.last_name, c.email, c.company].some((v) => contains(v, term));
        });
        return json(200, pageOf(found, p, contactSearchView));
      }),
    )
    /* ---------- pipeline deals ---------- */
    .route(
      'POST',
      '/pipeline',
      api((req, who) => {
        const data = dataOf(req);
        if (isResponse(data)) return data;
        const fields = dealFields(data, true);
        if (isResponse(fields)) return fields;
        const deal: StoredDeal = {
          id: randomUUID(),
          deal_size: 0,
          open_date: now(),
          close_date: null,
          primary_contact: null,
          contact_email: null,
          notes: '',
          user_id: who.user.user_id,
          created_at: now(),
          ...(fields as Pick<StoredDeal, 'company' | 'stage'>),
        };
        deals.push(deal);
        // Create answers `status: "success"`, wrapped in an array like the other create answers.
        return json(200, [{ status: 'success', data: dealView(deal) }]);
      }),
    )
    .route(
      'PATCH',
      '/pipeline',
      api((req) => {
        const data = dataOf(req);
        if (isResponse(data)) return data;
        if (typeof data.id !== 'string' || !data.id) return fail(400, 'missing_field', '"id" is required.');
        const deal = deals.find((d) => d.id === data.id);
        if (!deal) return fail(404, 'not_found', `No deal with id ${data.id}.`);
        const fields = dealFields(data, false);
        if (isResponse(fields)) return fields;
        Object.assign(deal, fields);
        // edit-deal: `success: true`, wrapped in an array like edit-contact.
        return json(200, [{ success: true, data: dealView(deal) }]);
      }),
    )
    .route(
      'GET',
      '/pipeline',
      api((req) => {
        // get-deal: `[{ success: true, id: "<id asked for>", data: { … } }]`; "Repeat the parameter to
        // fetch multiple deals": one envelope per deal found, in the order asked.
        const ids = req.query.getAll('id');
        if (ids.length === 0) return fail(400, 'missing_field', '"id" is required.');
        const found = ids.flatMap((id) => {
          const deal = deals.find((d) => d.id === id);
          return deal ? [{ success: true, id, data: dealView(deal) }] : [];
        });
        return found.length ? json(200, found) : fail(404, 'not_found', `No deal with id ${ids.join(', ')}.`);
      }),
    )
    .route(
      'GET',
      '/pipeline/search',
      api((req) => {
        const p = paging(req);
        if (isResponse(p)) return p;
        const s = searchTerms(req, DEAL_SEARCH_BY);
        if (isResponse(s)) return s;
        const { term, by } = s;
        const found = deals.filter((d) => {
          if (!term) return true;
          if (by === 'stage') return d.stage.toLowerCase() === term.toLowerCase();
          if (by === 'owner') return contains(ownerName(d.user_id), term);
          if (by === 'email') return contains(d.contact_email, term);
          return contains(d.company, term);
        });
        return json(200, pageOf(found, p, dealSearchView));
      }),
    )
    /* ---------- tags (lunarsend.md, "Tags") ---------- */
    .route(
      'POST',
      '/tags',
      api((req, who) => {
        // create-tag: the field table requires `data` and `data.tag_name`; `color` and `user_id` optional.
        const data = dataOf(req);
        if (isResponse(data)) return data;
        const unknown = Object.keys(data).find((k) => !TAG_FIELDS.includes(k));
        if (unknown) return fail(400, 'invalid_field', `"${unknown}" is not a tag field.`);
        const name = typeof data.tag_name === 'string' ? data.tag_name.trim() : '';
        if (!name) return fail(400, 'missing_field', '"tag_name" is required.');
        // "Must be unique per team." Whether case counts is not said: the sandbox holds "lead" and "Lead" the same.
        if (tags.some((t) => t.tag_name.toLowerCase() === name.toLowerCase())) {
          return fail(400, 'duplicate_tag', `A tag named ${name} already exists in your team.`);
        }
        if (data.color !== undefined && !isHexColor(data.color)) {
          return fail(400, 'invalid_color', '"color" must be a hex RGB color like #FD7E14.');
        }
        if (data.user_id !== undefined && !users.some((u) => u.user_id === data.user_id)) {
          return fail(400, 'invalid_user', `"user_id" ${String(data.user_id)} is not a member of your team.`);
        }
        const tag: Tag = {
          id: randomUUID(),
          user_id: typeof data.user_id === 'string' ? data.user_id : who.user.user_id,
          tag_name: name,
          color: typeof data.color === 'string' ? data.color : DEFAULT_TAG_COLOR,
          created_at: now(),
        };
        tags.push(tag);
        return json(200, [{ status: 'success', data: tagView(tag) }]);
      }),
    )
    .route(
      'GET',
      '/tags/search',
      api((req) => {
        // search-tag: all four parameters optional; no term lists every tag (the page's curl example).
        const p = paging(req);
        if (isResponse(p)) return p;
        const s = searchTerms(req, TAG_SEARCH_BY);
        if (isResponse(s)) return s;
        const { term, by } = s;
        const found = tags.filter((t) => {
          if (!term) return true;
          if (by) return contains(tagView(t)[by as keyof ReturnType<typeof tagView>], term);
          return contains(t.tag_name, term);
        });
        return json(200, pageOf(found, p, tagView));
      }),
    )
    .route(
      'POST',
      '/tag/contacts',
      api((req, who) => {
        // create-contact-tag-link: `contact_id` and `tag_id`, both required, flat (no `data` envelope).
        const body = asObject(req.body) ?? {};
        for (const k of ['contact_id', 'tag_id']) {
          if (typeof body[k] !== 'string' || !body[k]) return fail(400, 'missing_field', `"${k}" is required.`);
        }
        const contact = contacts.find((c) => c.id === body.contact_id);
        const tag = tags.find((t) => t.id === body.tag_id);
        if (!contact) return fail(404, 'not_found', `No contact with id ${String(body.contact_id)}.`);
        if (!tag) return fail(404, 'not_found', `No tag with id ${String(body.tag_id)}.`);
        // Linking a tag the contact already has is not documented: the sandbox answers the existing link.
        return json(200, [{ status: 'success', data: linkView(link(contact, tag, who.user.user_id)) }]);
      }),
    )
    .route(
      'GET',
      '/contacts/tags',
      api((req) => {
        // get-contact-tags: `[{ status, id: <contact id>, data: [{ contact_tag_id, tag_id, tag_name, … }] }]`.
        const id = req.query.get('id');
        if (!id) return fail(400, 'missing_field', '"id" is required.');
        const contact = contacts.find((c) => c.id === id);
        if (!contact) return fail(404, 'not_found', `No contact with id ${id}.`);
        const data = links
          .filter((l) => l.contact_id === id)
          .flatMap((l) => {
            const tag = tags.find((t) => t.id === l.tag_id);
            return tag
              ? [
                  {
                    contact_tag_id: l.id,
                    tag_id: tag.id,
                    tag_name: tag.tag_name,
                    color: tag.color,
                    created_at: l.created_at,
                    user_id: l.user_id,
                    contact_id: l.contact_id,
                  },
                ]
              : [];
          });
        return json(200, [{ status: 'success', id, data }]);
      }),
    )
    .route(
      'GET',
      '/tag/contacts/tag/search',
      api((req) => {
        // search-contact-tag: `tag_id` required; items carry the contact's `id`; the total is `count`.
        const tagId = req.query.get('tag_id');
        if (!tagId) return fail(400, 'missing_field', '"tag_id" is required.');
        const p = paging(req);
        if (isResponse(p)) return p;
        const s = searchTerms(req, TAGGED_CONTACT_SEARCH_BY);
        if (isResponse(s)) return s;
        const { term, by } = s;
        const view = (c: StoredContact) => ({
          id: c.id,
          first_name: c.first_name,
          last_name: c.last_name,
          email: c.email,
          tag_id: tagId,
          company: c.company,
          owner: ownerName(c.user_id),
          last_activity: c.last_activity,
        });
        const found = contacts
          .filter((c) => links.some((l) => l.contact_id === c.id && l.tag_id === tagId))
          .filter((c) => {
            if (!term) return true;
            if (by) return contains(view(c)[by as keyof ReturnType<typeof view>], term);
            return [c.first_name, c.last_name, c.email, c.company].some((v) => contains(v, term));
          });
        const { total_count: count, ...page } = pageOf(found, p, view);
        return json(200, { data: page.data, count, page: page.page, per_page: page.per_page });
      }),
    );

  return {
    server,
    users,
    tags,
    links,
    contacts,
    deals,
    addContact,
    seeded: { elena, joe, brightwave, caller, viewer },
  };
};

export type LunarSendSimulator = ReturnType<typeof createLunarSendSimulator>;
