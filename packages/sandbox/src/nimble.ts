import { randomBytes } from 'node:crypto';
import { json, objectId, SimServer, type SimRequest, type SimResponse } from './server';

/**
 * Nimble (../shared/docs/apis/nimble.md, ../shared/specs/nimble.openapi.yml), in memory: the OAuth2
 * authorization-code flow (authorize redirect with `state`, form-encoded token exchange, refresh with
 * `redirect_uri` and a rotated refresh token, access tokens that really expire), and the contact,
 * contact-field, note, task, deal, deal-field, pipeline and myself endpoints, with request bodies
 * checked against the spec's schemas and answers in its shapes and error bodies.
 */

/** The OAuth client the sandbox knows, and the redirect URI registered for it. */
export const NIMBLE_SANDBOX_CLIENT = {
  clientId: 'sandbox-nimble-client-id',
  clientSecret: 'sandbox-nimble-client-secret',
  redirectUri: 'https://zapier.com/dashboard/auth/oauth/return/NimbleCLIAPI/',
};

export interface NimbleSimulatorOptions {
  /** Access-token lifetime in seconds (Nimble's is about ten minutes). */
  accessTokenLifetimeSeconds?: number;
  /** How an expired or unknown token is refused: 401, or the spec's 403 "Can't authenticate request". */
  staleTokenStatus?: 401 | 403;
  /** Contacts allowed by the "plan": creating more answers 402, as Nimble does at its quota. */
  contactLimit?: number;
  /**
   * What `PUT /api/v1/contacts/{id}/tags` answers: `{}` as Nimble's legacy docs show
   * (`docs/contacts/tags/update.rst`, the default), or the contact as the OpenAPI document says.
   * nimble.md §1b: accept both.
   */
  tagsAnswer?: 'empty' | 'contact';
  /**
   * An account with only the legacy task endpoint (`POST /api/v1/activities/task`, the path of the
   * legacy docs, Pipedream and GearPlug): `/api/v1/tasks` is then not there (404). Default: both.
   */
  legacyTasksOnly?: boolean;
}

const USER = {
  user_id: '4f2acc3142a053dda595f00b',
  company_id: '4c2118ad54397f271b000000',
  company_size: 3,
  name: 'John Doe',
  email: 'john.doe@example.com',
};
const SHORT_USER = {
  user_id: USER.user_id,
  name: USER.name,
  email: USER.email,
  avatar_url: `https://app.nimble.com/api/users/avatars/${USER.user_id}`,
  is_active: true,
};

const SCOPES = ['basic', 'contacts', 'deals'] as const;
type Scope = (typeof SCOPES)[number];

/** Nimble's timestamp form: `2012-09-07T16:49:56+0000`. */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
const token = () => randomBytes(16).toString('hex');

// ---------- the spec's error bodies ----------

/** `Errors.ValidationError` (path-keyed), with `human_readable_error`. */
const invalid = (errors: Record<string, string>) => {
  const parts = Object.entries(errors).map(([path, message]) => `${path}: ${message}`);
  return json(409, {
    message: `Invalid request: ${parts.join('; ')}`,
    code: 245,
    errors: Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, { message }])),
    human_readable_error: parts.join('; '),
    extra: [],
  });
};
/** The contact validation shape: errors keyed by field name, `[{message, field_id}]`. */
const invalidFields = (errors: Record<string, { message: string; field_id: string | null }>) =>
  json(409, {
    message: 'Validation errors',
    code: 245,
    errors: Object.fromEntries(Object.entries(errors).map(([name, e]) => [name, [e]])),
  });
const notFound = (object_type: string, object_id: string) => json(404, { object_type, object_id });

// ---------- small body checks after the spec's schemas ----------

type Kind = 'string' | 'array' | 'object' | 'boolean' | 'number';
const kindOf = (v: unknown): Kind | 'null' | 'undefined' =>
  v === undefined ? 'undefined' : v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Kind);

/**
 * Checks a JSON body against a flat object schema: the types of known keys, the required ones, and
 * no unknown keys (Nimble's schemas list every accepted property). Returns a 409 or undefined.
 */
const checkBody = (
  body: unknown,
  schema: Record<string, Kind | `${Kind}|null`>,
  required: string[],
): SimResponse | undefined => {
  if (kindOf(body) !== 'object') return invalid({ '/': 'the body must be a JSON object' });
  const obj = body as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const key of required) if (obj[key] === undefined) errors[`/${key}`] = 'is a required property';
  for (const [key, value] of Object.entries(obj)) {
    const allowed = schema[key];
    if (!allowed) errors[`/${key}`] = 'is not an accepted property';
    else if (!allowed.split('|').includes(kindOf(value))) errors[`/${key}`] = `must be of type ${allowed}`;
  }
  return Object.keys(errors).length ? invalid(errors) : undefined;
};

// ---------- contacts: fields metadata ----------

interface FieldDef {
  name: string;
  field_id: string;
  multiples: boolean;
  modifiers: string[];
  kind: 'string' | 'long_string' | 'choice' | 'number' | 'datetime' | 'address' | 'employment';
  choices?: { id: string; value: string }[];
  read_only?: boolean;
  group?: string;
}

const FIELD_DEFS: FieldDef[] = [
  { name: 'first name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'last name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'middle name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'company name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'contact employment', multiples: true, modifiers: [''], kind: 'employment', group: 'Basic Info' },
  { name: 'birthday', multiples: false, modifiers: [''], kind: 'string' },
  { name: 'domain', multiples: false, modifiers: [''], kind: 'string' },
  {
    name: 'phone',
    multiples: true,
    modifiers: ['work', 'home', 'mobile', 'main', 'home fax', 'work fax', 'other'],
    kind: 'string',
  },
  { name: 'email', multiples: true, modifiers: ['work', 'personal', 'other'], kind: 'string' },
  { name: 'URL', multiples: true, modifiers: ['work', 'personal', 'blog', 'other'], kind: 'string' },
  { name: 'skype id', multiples: true, modifiers: [''], kind: 'string' },
  { name: 'twitter', multiples: true, modifiers: [''], kind: 'string' },
  { name: 'linkedin', multiples: true, modifiers: [''], kind: 'string' },
  { name: 'address', multiples: true, modifiers: ['work', 'home', 'other'], kind: 'address' },
  { name: 'description', multiples: true, modifiers: ['other'], kind: 'long_string' },
  { name: 'source', multiples: false, modifiers: [''], kind: 'string', read_only: true },
  {
    name: 'lead status',
    multiples: false,
    modifiers: [''],
    kind: 'choice',
    choices: [
      { id: '1', value: 'Open' },
      { id: '2', value: 'Contacted' },
      { id: '3', value: 'Qualified' },
    ],
  },
  {
    name: 'Customer Tier',
    multiples: false,
    modifiers: [''],
    kind: 'choice',
    choices: [
      { id: '1', value: 'Gold' },
      { id: '2', value: 'Silver' },
    ],
  },
  { name: 'Contract Value', multiples: false, modifiers: [''], kind: 'number' },
].map((f, i) => ({ ...f, field_id: `5049f697a694620a070000${(0x40 + i).toString(16)}` }) as FieldDef);

const fieldDef = (name: string) => FIELD_DEFS.find((f) => f.name === name);

/** `Fields.ContactsFieldsMetadata`: tabs → a group of basic fields, then bare fields. */
const fieldsMetadata = () => {
  const member = (f: FieldDef) => ({
    type: 'field',
    name: f.name,
    field_id: f.field_id,
    modifier: '',
    multiples: f.multiples,
    read_only: f.read_only ?? false,
    available_actions: f.choices ? 'edit_choices_only' : 'view_only',
    field_type: {
      field_kind: f.kind,
      ...(f.choices ? { values: { ordering_type: 'ordinal', values: f.choices } } : {}),
    },
    presentation: f.kind === 'number' ? { number_type: 'decimal', fraction_digits: 2 } : null,
  });
  return {
    tabs: [
      {
        tab_id: '5049f696a694620a07000030',
        tab_name: 'Personal Info',
        contact_types: 'person',
        is_standard: true,
        available_actions: 'rearrange_only',
        members: [
          {
            type: 'group',
            name: 'Basic Info',
            group_id: '5049f696a694620a07000031',
            logo_id: 'person',
            is_standard: true,
            fields: FIELD_DEFS.filter((f) => f.group === 'Basic Info').map(member),
          },
          ...FIELD_DEFS.filter((f) => !f.group).map(member),
        ],
      },
    ],
  };
};

// ---------- contacts: storage and views ----------

interface StoredValue {
  value: string;
  modifier: string;
  is_primary?: boolean;
}
interface StoredContact {
  id: string;
  record_type: 'person' | 'company';
  createdMs: number;
  updatedMs: number;
  owner_id: string | null;
  fields: Record<string, StoredValue[]>;
  tags: string[];
}

const contactView = (c: StoredContact) => ({
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
const shortContact = (c: StoredContact) => ({
  id: c.id,
  name: contactName(c),
  contact_type: c.record_type,
  avatar_url: '',
  email: (c.fields.email ?? []).map((v) => v.value),
  is_viewable: true,
  employment: null,
  phones: { label: c.fields.phone?.[0]?.modifier ?? '', value: c.fields.phone?.[0]?.value ?? '' },
});

/**
 * Validates a contact `fields` body the way Nimble's contact validation answers: errors keyed by the
 * field name, with its `field_id`. Returns the values to store, or a 409.
 */
const readContactFields = (raw: unknown): Record<string, StoredValue[] | null> | SimResponse => {
  if (kindOf(raw) !== 'object') return invalid({ '/fields': 'must be an object' });
  const out: Record<string, StoredValue[] | null> = {};
  const errors: Record<string, { message: string; field_id: string | null }> = {};
  for (const [name, values] of Object.entries(raw as Record<string, unknown>)) {
    const def = fieldDef(name);
    if (!def) {
      errors[name] = { message: `Unknown field "${name}"`, field_id: null };
      continue;
    }
    if (def.read_only) {
      errors[name] = { message: `Field "${name}" is read-only`, field_id: def.field_id };
      continue;
    }
    if (!Array.isArray(values)) {
      errors[name] = { message: 'Values must be a list of {value, modifier}', field_id: def.field_id };
      continue;
    }
    const list: StoredValue[] = [];
    for (const item of values as unknown[]) {
      const v = (item ?? {}) as { value?: unknown; modifier?: unknown; is_primary?: unknown };
      const modifier = typeof v.modifier === 'string' ? v.modifier : '';
      if (!def.modifiers.includes(modifier)) {
        errors[name] = {
          message: `Modifier "${modifier}" is not one of: ${def.modifiers.map((m) => `"${m}"`).join(', ')}`,
          field_id: def.field_id,
        };
        break;
      }
      if (v.value === null) continue; // null removes the value with this modifier
      if (typeof v.value !== 'string') {
        errors[name] = { message: 'Value must be a string', field_id: def.field_id };
        break;
      }
      if (def.kind === 'address' || def.kind === 'employment') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(v.value);
        } catch {
          /* reported below */
        }
        if (kindOf(parsed) !== 'object') {
          errors[name] = { message: 'Value must be a JSON-encoded object', field_id: def.field_id };
          break;
        }
        if (def.kind === 'employment') {
          const e = parsed as { company_name?: unknown; title?: unknown };
          if (!e.company_name && !e.title) {
            errors[name] = { message: 'company_name or title is required', field_id: def.field_id };
            break;
          }
        }
      }
      if (def.kind === 'choice' && !def.choices?.some((c) => c.id === v.value)) {
        errors[name] = { message: `"${v.value}" is not the id of a choice`, field_id: def.field_id };
        break;
      }
      if (def.kind === 'number' && Number.isNaN(Number(v.value))) {
        errors[name] = { message: 'Value must be a number', field_id: def.field_id };
        break;
      }
      list.push({ value: v.value, modifier, ...(v.is_primary === true ? { is_primary: true } : {}) });
    }
    if (!def.multiples && list.length > 1) {
      errors[name] = { message: `Field "${name}" holds one value`, field_id: def.field_id };
    }
    out[name] = values.length === 0 ? null : list;
  }
  return Object.keys(errors).length ? invalidFields(errors) : out;
};

/** Nimble's minimum: first or last name for a person, company name for a company. */
const nameRule = (c: { record_type: string; fields: Record<string, StoredValue[]> }): SimResponse | undefined => {
  const has = (name: string) => (c.fields[name] ?? []).some((v) => v.value.trim() !== '');
  if (c.record_type === 'person' && !has('first name') && !has('last name')) {
    return invalidFields({
      'first name': {
        message: 'First name or last name field is required for person and should not be empty',
        field_id: fieldDef('first name')!.field_id,
      },
    });
  }
  if (c.record_type === 'company' && !has('company name')) {
    return invalidFields({
      'company name': {
        message: 'Company name field is required for company and should not be empty',
        field_id: fieldDef('company name')!.field_id,
      },
    });
  }
  return undefined;
};

/**
 * A note body as Nimble stores and answers it: HTML in the editor's `<font>`, URL-encoded (the legacy
 * docs answer `%3Cfont%20face%3D%22Arial%2C%20Tahoma%2C%20Verdana%2C%20Helvetica%2C%20sans-serif%22%3Enote%201%3C%2Ffont%3E`
 * for a note sent as "note 1": nimble.md §9). Plain text is escaped, its line breaks become `<br>`;
 * markup sent is kept.
 */
const noteBody = (sent: string): string => {
  const html = /<[a-z/!]/i.test(sent)
    ? sent
    : sent.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
  return encodeURIComponent(`<font face="Arial, Tahoma, Verdana, Helvetica, sans-serif">${html}</font>`);
};

/** Splits `a,b\,c` into `["a", "b,c"]`, as the spec describes contact tags. */
const splitTags = (text: string): string[] =>
  text
    .split(/(?<!\\),/)
    .map((t) => t.replace(/\\,/g, ',').trim())
    .filter(Boolean);

// ---------- the search language (a subset: what the integration and the examples use) ----------

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const textOp = (values: string[], op: string, arg: unknown): boolean | string => {
  if (op === 'is_empty') return (values.length === 0) === (arg !== false);
  if (typeof arg !== 'string' && !(op === 'in' && Array.isArray(arg))) return `"${op}" needs a text value`;
  if (typeof arg === 'string' && arg === '') return 'empty-string values are invalid';
  const vs = values.map(norm);
  switch (op) {
    case 'is':
      return vs.includes(norm(arg as string));
    case 'is_not':
      return !vs.includes(norm(arg as string));
    case 'contain': {
      const words = norm(arg as string).split(/\s+/);
      return vs.some((v) => words.every((w) => v.split(/[^a-z0-9@.]+/).some((t) => t === w) || v.includes(w)));
    }
    case 'not_contain':
      return !vs.some((v) => v.includes(norm(arg as string)));
    case 'starts_with':
      return vs.some((v) => v.startsWith(norm(arg as string)));
    case 'in':
      return (arg as string[]).some((a) => vs.includes(norm(a)));
    default:
      return `operator "${op}" is not supported here`;
  }
};

const UNITS: Record<string, number> = { second: 1, day: 86400, week: 7 * 86400, month: 30 * 86400, year: 365 * 86400 };

const matchQuery = (c: StoredContact, q: unknown, depth = 0): boolean | string => {
  if (depth > 20) return 'the query is nested too deeply';
  if (kindOf(q) !== 'object') return 'a query clause must be an object';
  const entries = Object.entries(q as Record<string, unknown>);
  if (entries.length !== 1) return 'a query clause has exactly one key';
  const [key, clause] = entries[0]!;
  if (key === 'and' || key === 'or' || key === 'not') {
    if (!Array.isArray(clause) || clause.length === 0) return `"${key}" needs a list of queries`;
    const results = clause.map((sub) => matchQuery(c, sub, depth + 1));
    const error = results.find((r) => typeof r === 'string');
    if (error !== undefined) return error;
    if (key === 'and') return results.every(Boolean);
    if (key === 'or') return results.some(Boolean);
    return !results[0];
  }
  if (kindOf(clause) !== 'object' || Object.keys(clause as object).length !== 1) {
    return `"${key}" needs one operator`;
  }
  const [op, arg] = Object.entries(clause as Record<string, unknown>)[0]!;
  const values = (name: string) => (c.fields[name] ?? []).map((v) => v.value);
  switch (key) {
    case 'record type':
      if (op !== 'is' || !['person', 'company', 'all'].includes(arg as string))
        return 'record type takes is person|company|all';
      return arg === 'all' || c.record_type === arg;
    case 'names':
    case 'name':
      if (!['contain', 'not_contain', 'starts_with', 'is_empty'].includes(op))
        return `operator "${op}" is not supported for names`;
      return textOp(
        [['first name', 'middle name', 'last name'].flatMap(values).join(' '), ...values('company name')].filter(
          Boolean,
        ),
        op,
        arg,
      );
    case '__any':
      return textOp(
        Object.values(c.fields).flatMap((vs) => vs.map((v) => v.value)),
        op,
        arg,
      );
    case 'email':
    case 'phone':
    case 'domain':
    case 'first name':
    case 'last name':
    case 'company name':
      return textOp(values(key), op, arg);
    case 'tag':
      return textOp(c.tags, op, arg);
    case 'created':
    case 'updated': {
      const a = (arg ?? {}) as { unit?: string; quantity?: number };
      if (op !== 'in_the_last' || !a.unit || !UNITS[a.unit] || typeof a.quantity !== 'number') {
        return `"${key}" takes in_the_last {unit, quantity} here`;
      }
      const t = key === 'created' ? c.createdMs : c.updatedMs;
      return t >= Date.now() - UNITS[a.unit]! * a.quantity * 1000;
    }
    default:
      return `field "${key}" can't be searched`;
  }
};

// ---------- deals ----------

const STANDARD_DEAL_FIELDS = [
  'name',
  'amount',
  'probability',
  'description',
  'expected_close_date',
  'actual_close_date',
].map((field_name, i) => ({
  field_id: `63760e653af0e748fe4836${(0x6a + i).toString(16)}`,
  field_name,
  field_type: field_name === 'amount' || field_name === 'probability' ? 'number' : 'string',
  modifier: '',
  multiples: false,
  available_actions: 'view_only',
}));

/** nimble.md §12.2 (Nimble's plugin): the expected close date is "a local date like `2026-10-08`". */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Stage {
  stage_id: string;
  name: string;
  default_probability: number | null;
  archived_at: string | null;
  /** `role.name`: a final stage is the won or the lost one (`role.is_final`). */
  role: 'regular' | 'won' | 'lost';
}
const isFinal = (s: Stage) => s.role !== 'regular';
interface PipelineDef {
  pipeline_id: string;
  name: string;
  default_currency: string;
  archived_at: string | null;
  stages: Stage[];
}
interface StoredDeal {
  deal_id: string;
  deal_number: number;
  createdMs: number;
  updatedMs: number;
  pipeline: PipelineDef;
  stage: Stage;
  owner_id: string;
  currency: string;
  values: Record<string, string>;
  contact_ids: string[];
  tags: string[];
  /** Stage moves made by `PUT /api/v2/deals/{id}`, oldest first. */
  moves?: { from: Stage; to: Stage; pipeline: PipelineDef; ms: number }[];
}

const stageView = (p: PipelineDef, s: Stage) => ({
  stage_id: s.stage_id,
  name: s.name,
  description: '',
  default_probability: s.default_probability,
  expected_days: 14,
  role: { name: s.role, is_final: isFinal(s) },
  archived_at: s.archived_at,
  created: stamp(Date.parse('2022-08-31T10:00:00Z')),
  updated: stamp(Date.parse('2022-08-31T10:00:00Z')),
  creator: SHORT_USER,
  pipline_id: p.pipeline_id,
});
const pipelineView = (p: PipelineDef) => ({
  pipeline_id: p.pipeline_id,
  name: p.name,
  description: null,
  color: '#2685c4',
  is_default: p.name === 'Sales',
  default_currency: p.default_currency,
  created: stamp(Date.parse('2022-08-31T10:00:00Z')),
  updated: stamp(Date.parse('2022-08-31T10:00:00Z')),
  archived_at: p.archived_at,
  creator: SHORT_USER,
  stages: p.stages.map((s) => stageView(p, s)),
  lost_reasons: [{ id: objectId(), text: 'Price' }],
  tabs: [],
});

// ---------- the simulator ----------

export const createNimbleSimulator = (options: NimbleSimulatorOptions = {}) => {
  const lifetime = options.accessTokenLifetimeSeconds ?? 599;
  const staleStatus = options.staleTokenStatus ?? 401;
  const server = new SimServer('nimble');
  const client = NIMBLE_SANDBOX_CLIENT;

  const codes = new Map<string, { redirectUri: string; scopes: Scope[]; expiresAt: number }>();
  const accessTokens = new Map<string, { scopes: Scope[]; expiresAt: number }>();
  const refreshTokens = new Map<string, { redirectUri: string; scopes: Scope[] }>();

  const issueTokens = (scopes: Scope[], redirectUri: string) => {
    const access_token = token();
    const refresh_token = token();
    accessTokens.set(access_token, { scopes, expiresAt: Date.now() + lifetime * 1000 });
    refreshTokens.set(refresh_token, { redirectUri, scopes });
    return { access_token, token_type: 'bearer', expires_in: lifetime, refresh_token, scope: scopes.join(',') };
  };

  /** `GET /oauth/authorize`: errors and codes go back to the redirect URI, with the `state` given. */
  const authorize = (query: URLSearchParams): SimResponse => {
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== client.clientId || redirectUri !== client.redirectUri) {
      return json(400, { message: 'Invalid client_id or redirect_uri' });
    }
    const back = (params: Record<string, string>) => {
      const state = query.get('state');
      const url = new URL(redirectUri);
      for (const [k, v] of Object.entries({ ...params, ...(state ? { state } : {}) })) url.searchParams.set(k, v);
      return json(302, undefined, { location: url.toString() });
    };
    const scopes = (query.get('scope') ?? '').split(/[,+ ]/).filter(Boolean);
    if (
      query.get('response_type') !== 'code' ||
      scopes.length === 0 ||
      scopes.some((s) => !SCOPES.includes(s as Scope))
    ) {
      return back({ error: 'invalid_request', error_description: 'Invalid URL' });
    }
    const code = token().slice(0, 12);
    codes.set(code, { redirectUri, scopes: scopes as Scope[], expiresAt: Date.now() + 60_000 });
    return back({ code });
  };

  /** `POST /api/oauth/token`: form-encoded, client_secret_post, code exchange or refresh (rotating). */
  const tokenEndpoint = (req: SimRequest): SimResponse => {
    if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) {
      return json(400, { error: 'invalid_request', error_description: 'The body must be form-encoded' });
    }
    const form = (req.body ?? {}) as Record<string, string>;
    if (form.client_id !== client.clientId || form.client_secret !== client.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'Unknown client or wrong secret' });
    }
    if (form.redirect_uri !== client.redirectUri) {
      return json(400, { error: 'invalid_request', error_description: 'redirect_uri is missing or does not match' });
    }
    if (form.grant_type === 'authorization_code') {
      const grant = codes.get(form.code ?? '');
      codes.delete(form.code ?? '');
      if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== form.redirect_uri) {
        return json(400, { error: 'invalid_grant', error_description: 'The code is invalid or expired' });
      }
      return json(200, issueTokens(grant.scopes, grant.redirectUri));
    }
    if (form.grant_type === 'refresh_token') {
      const grant = refreshTokens.get(form.refresh_token ?? '');
      if (!grant || grant.redirectUri !== form.redirect_uri) {
        return json(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid' });
      }
      refreshTokens.delete(form.refresh_token!);
      const { access_token, expires_in, refresh_token } = issueTokens(grant.scopes, grant.redirectUri);
      return json(200, { access_token, expires_in, refresh_token });
    }
    return json(400, { error: 'unsupported_grant_type', error_description: 'Use authorization_code or refresh_token' });
  };

  const authed =
    (scope: Scope, handler: (req: SimRequest) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      const given = m?.[1] ?? req.query.get('access_token') ?? '';
      const grant = accessTokens.get(given);
      if (!grant || grant.expiresAt <= Date.now()) return json(staleStatus, { message: "Can't authenticate request" });
      if (!grant.scopes.includes(scope))
        return json(403, { message: `The token was not granted the "${scope}" scope` });
      return handler(req);
    };

  // ---------- seed ----------
  const contacts: StoredContact[] = [];
  const notes: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const deals: StoredDeal[] = [];
  const dealNotes: (Record<string, unknown> & { deal_id: string })[] = [];
  const minutesAgo = (m: number) => Date.now() - m * 60_000;
  const addContact = (
    record_type: StoredContact['record_type'],
    fields: Record<string, StoredValue[]>,
    createdMs: number,
    tags: string[] = [],
  ) => {
    const c: StoredContact = {
      id: objectId(),
      record_type,
      createdMs,
      updatedMs: createdMs,
      owner_id: USER.user_id,
      fields,
      tags,
    };
    contacts.push(c);
    return c;
  };
  const amayak = addContact(
    'person',
    {
      'first name': [{ value: 'Amayak', modifier: '' }],
      'last name': [{ value: 'Akopyan', modifier: '' }],
      email: [{ value: 'amayak@example.com', modifier: 'other' }],
      phone: [
        { value: '+7 (917) 202-456-1111', modifier: 'mobile' },
        { value: '+7 244 231 84 22', modifier: 'home' },
      ],
      address: [
        {
          value: "{'city': 'Dushanbe', 'street': 'First str. 15', 'zip': '54055', 'country': 'Farganistan'}",
          modifier: 'other',
        },
      ],
      source: [{ value: 'csv', modifier: '' }],
    },
    minutesAgo(3 * 24 * 60),
    ['csv import'],
  );
  amayak.updatedMs = minutesAgo(60);
  const nimbleCo = addContact(
    'company',
    { 'company name': [{ value: 'Nimble', modifier: '' }], domain: [{ value: 'nimble.com', modifier: '' }] },
    minutesAgo(2 * 24 * 60),
  );
  const jon = addContact(
    'person',
    {
      'first name': [{ value: 'Jon', modifier: '' }],
      'last name': [{ value: 'Ferrara', modifier: '' }],
      email: [{ value: 'jon@nimble.com', modifier: 'work' }],
      'contact employment': [
        { value: '{"company_name": "Nimble", "title": "CEO", "is_present": true}', modifier: '', is_primary: true },
      ],
      'Customer Tier': [{ value: '1', modifier: '' }],
    },
    minutesAgo(24 * 60),
    ['vip'],
  );

  const pipelines: PipelineDef[] = [
    {
      pipeline_id: '630f34cfa34058dea76c0c0e',
      name: 'Sales',
      default_currency: 'USD',
      archived_at: null,
      stages: [
        {
          stage_id: '62fd6587048065ca3510c6d5',
          name: 'Qualified',
          default_probability: 20,
          archived_at: null,
          role: 'regular',
        },
        {
          stage_id: '62fd6587048065ca3510c6d6',
          name: 'Proposal',
          default_probability: null,
          archived_at: null,
          role: 'regular',
        },
        {
          stage_id: '62fd6587048065ca3510c6d7',
          name: 'Old stage',
          default_probability: 10,
          archived_at: stamp(minutesAgo(9000)),
          role: 'regular',
        },
        {
          stage_id: '62fd6587048065ca3510c6d8',
          name: 'Won',
          default_probability: 100,
          archived_at: null,
          role: 'won',
        },
        {
          stage_id: '62fd6587048065ca3510c6d9',
          name: 'Lost',
          default_probability: 0,
          archived_at: null,
          role: 'lost',
        },
      ],
    },
    {
      pipeline_id: '630f34cfa34058dea76c0c0f',
      name: 'Partners (archived)',
      default_currency: 'EUR',
      archived_at: stamp(minutesAgo(90_000)),
      stages: [
        {
          stage_id: '62fd6587048065ca3510c6e1',
          name: 'Intro',
          default_probability: 10,
          archived_at: null,
          role: 'regular',
        },
      ],
    },
  ];

  const dealView = (d: StoredDeal) => {
    const named = Object.entries(d.values).map(([field_name, value]) => ({
      field_name,
      values: [{ value, is_primary: true }],
    }));
    return {
      deal_id: d.deal_id,
      deal_number: d.deal_number,
      created: stamp(d.createdMs),
      updated: stamp(d.updatedMs),
      updated_by: USER.name,
      owner: { ...SHORT_USER, user_id: d.owner_id },
      creator: SHORT_USER,
      currency: d.currency,
      is_editable: true,
      privacy: { read: null, edit: null },
      related_contacts: d.contact_ids
        .map((id) => contacts.find((c) => c.id === id))
        .filter((c): c is StoredContact => c !== undefined)
        .map((c) => ({ contact: shortContact(c), note: null, employments: [] })),
      related_external_contacts: [],
      fields_values: named.map(({ field_name, values }) => ({
        field_id: STANDARD_DEAL_FIELDS.find((f) => f.field_name === field_name)!.field_id,
        values,
      })),
      fields_values_with_names: named,
      stage_transitions: {
        pipeline_id: d.pipeline.pipeline_id,
        pipeline_name: d.pipeline.name,
        pipeline_color: '#2685c4',
        transitions: d.moves?.length
          ? [
              {
                from_stage: null,
                to_stage: stageView(d.moves[0]!.pipeline, d.moves[0]!.from),
                who: SHORT_USER,
                when: stamp(d.createdMs).slice(0, 10),
                notes: null,
              },
              ...d.moves.map((m) => ({
                from_stage: stageView(m.pipeline, m.from),
                to_stage: stageView(d.pipeline, m.to),
                who: SHORT_USER,
                when: stamp(m.ms).slice(0, 10),
                notes: null,
              })),
            ]
          : [
              {
                from_stage: null,
                to_stage: stageView(d.pipeline, d.stage),
                who: SHORT_USER,
                when: stamp(d.createdMs).slice(0, 10),
                notes: null,
              },
            ],
        before_final_stage: null,
      },
      tags: d.tags,
      final_probability: Number(d.values.probability ?? d.stage.default_probability ?? 0),
      age_in_days: Math.floor((Date.now() - d.createdMs) / 86_400_000),
    };
  };
  deals.push({
    deal_id: objectId(),
    deal_number: 1,
    createdMs: minutesAgo(120),
    updatedMs: minutesAgo(120),
    pipeline: pipelines[0]!,
    stage: pipelines[0]!.stages[0]!,
    owner_id: USER.user_id,
    currency: 'USD',
    values: { name: 'Nimble renewal', amount: '10000' },
    contact_ids: [jon.id],
    tags: ['renewal'],
  });

  const contactById = (id: string | undefined) => contacts.find((c) => c.id === id);
  const now = () => Date.now();

  /** The contacts of a list of ids, or the 404 naming the first one missing. */
  const contactsOf = (ids: unknown[] | undefined): StoredContact[] | SimResponse => {
    const linked: StoredContact[] = [];
    for (const id of ids ?? []) {
      const c = contactById(String(id));
      if (!c) return notFound('contact', String(id));
      linked.push(c);
    }
    return linked;
  };

  /** A date-time as `2021-04-12T19:16:44+00:00`; one without an offset is read as UTC. */
  const utcStamp = (text: string) =>
    new Date(Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`))
      .toISOString()
      .replace(/\.\d{3}Z$/, '+00:00');
  /** `Tasks.Task`, due dates as the legacy example writes them (`2021-04-12T19:16:44+00:00`). */
  const taskView = (
    body: { subject: string; notes?: string; due_date?: string; is_important?: boolean; tags?: string[] },
    linked: StoredContact[],
    extra: { related_to: string[] },
  ) => ({
    version: 2,
    id: objectId(),
    subject: body.subject,
    notes: body.notes ?? null,
    due_date: body.due_date ? utcStamp(body.due_date) : null,
    due_date_text: null,
    completed: false,
    completed_time: null,
    is_important: body.is_important ?? false,
    starred: false,
    company_id: USER.company_id,
    owner_id: USER.user_id,
    owner: SHORT_USER,
    assigned_to: SHORT_USER,
    comments: [],
    related_to: extra.related_to,
    related: { contacts: linked.map(shortContact), deals: [], new_deals: [], sequence: null },
    tags: body.tags ?? [],
    created: stamp(now()),
    updated: stamp(now()),
  });

  // ---------- routes ----------
  server
    .route('GET', '/oauth/authorize', (req) => authorize(req.query))
    .route('POST', '/api/oauth/token', tokenEndpoint)
    .route(
      'GET',
      '/api/v1/myself',
      authed('basic', () => json(200, USER)),
    )
    .route(
      'GET',
      '/api/v1/contacts',
      authed('contacts', (req) => {
        const keyword = req.query.get('keyword');
        const queryText = req.query.get('query');
        if (keyword && queryText) {
          return json(409, { message: 'You can specify either `keyword` or `query` parameter, not both!', code: 245 });
        }
        const recordType = req.query.get('record_type') ?? 'all';
        if (!['person', 'company', 'all'].includes(recordType))
          return invalid({ record_type: 'must be person, company or all' });
        const page = Number(req.query.get('page') ?? 1);
        const perPage = Number(req.query.get('per_page') ?? 30);
        if (!Number.isInteger(page) || page < 1) return invalid({ page: 'must be an integer of 1 or more' });
        if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
          return invalid({ per_page: 'must be 1 to 100' });
        let found = contacts.slice();
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
          const m = /^(created|updated|first name|last name):(asc|desc)$/.exec(sort);
          if (!m) return invalid({ sort: 'must be <field>:<asc|desc> with one sortable field' });
          const key = m[1]!;
          const value = (c: StoredContact): number | string =>
            key === 'created' ? c.createdMs : key === 'updated' ? c.updatedMs : (c.fields[key]?.[0]?.value ?? '');
          found.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (m[2] === 'desc' ? -1 : 1));
        }
        const total = found.length;
        return json(200, {
          meta: { page, pages: Math.max(1, Math.ceil(total / perPage)), per_page: perPage, total },
          resources: found.slice((page - 1) * perPage, page * perPage).map(contactView),
        });
      }),
    )
    .route(
      'GET',
      '/api/v1/contact/:contactId',
      authed('contacts', (req) => {
        const c = contactById(req.params.contactId);
        return c ? json(200, { resources: [contactView(c)] }) : notFound('contact', req.params.contactId!);
      }),
    )
    .route(
      'POST',
      '/api/v1/contact',
      authed('contacts', (req) => {
        const bad = checkBody(
          req.body,
          {
            fields: 'object',
            record_type: 'string',
            type: 'string',
            owner_id: 'string|null',
            privacy: 'object',
            tags: 'string',
            avatar_url: 'string',
            file_ids: 'array',
          },
          ['fields'],
        );
        if (bad) return bad;
        const body = req.body as {
          fields: unknown;
          record_type?: string;
          type?: string;
          owner_id?: string | null;
          tags?: string;
        };
        const recordType = body.record_type ?? body.type ?? 'person';
        if (recordType !== 'person' && recordType !== 'company')
          return invalid({ '/record_type': 'must be person or company' });
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
        const ruled = nameRule({ record_type: recordType, fields: stored });
        if (ruled) return ruled;
        if (options.contactLimit !== undefined && contacts.length >= options.contactLimit) {
          return json(402, {
            message:
              "You have created the maximum number of contact records allowed for your subscription.\nDon't worry, you can upgrade your account and add more contacts right now.",
            code: 108,
          });
        }
        const c = addContact(recordType, stored, now(), tags);
        c.owner_id = body.owner_id === undefined ? USER.user_id : body.owner_id;
        return json(200, contactView(c));
      }),
    )
    .route(
      'PUT',
      '/api/v1/contact/:contactId',
      authed('contacts', (req) => {
        const c = contactById(req.params.contactId);
        if (!c) return notFound('contact', req.params.contactId!);
        // Extend or replace, by either name Nimble has used (nimble.md §7.4 C6): `type` (the OpenAPI
        // document) or `replace` (the legacy docs, GearPlug's client); "0"/"1", default extend.
        const flags = (['type', 'replace'] as const).map((name) => [name, req.query.get(name)] as const);
        for (const [name, value] of flags) {
          if (value !== null && value !== '0' && value !== '1') return invalid({ [name]: 'must be "0" or "1"' });
        }
        const given = flags.filter(([, value]) => value !== null).map(([, value]) => value);
        if (new Set(given).size > 1) return invalid({ replace: 'type and replace disagree' });
        const replace = given[0] === '1';
        const bad = checkBody(req.body, { fields: 'object', avatar_url: 'string', is_important: 'boolean' }, []);
        if (bad) return bad;
        const raw = (req.body as { fields?: unknown }).fields;
        const fields = raw === undefined ? {} : readContactFields(raw);
        if ('status' in fields) return fields as SimResponse;
        const next = { ...c.fields };
        for (const [name, values] of Object.entries(fields)) {
          if (replace || values === null) {
            next[name] = values ?? [];
          } else {
            // Extend (the legacy docs: a new personal email "updates only the personal value and keeps
            // work"): a value replaces the one with the same modifier — the primary one when several
            // share it, as employments do — or is added when none has that modifier.
            const list = [...(next[name] ?? [])];
            for (const v of values) {
              const same = list.filter((old) => old.modifier === v.modifier);
              const target = same.find((old) => old.is_primary) ?? same[0];
              if (target) list[list.indexOf(target)] = { ...v, ...(target.is_primary ? { is_primary: true } : {}) };
              else list.push(v);
            }
            next[name] = list;
          }
          if (next[name]!.length === 0) delete next[name];
        }
        const ruled = nameRule({ record_type: c.record_type, fields: next });
        if (ruled) return ruled;
        c.fields = next;
        c.updatedMs = Math.max(now(), c.updatedMs + 1000);
        return json(200, contactView(c));
      }),
    )
    .route(
      'GET',
      '/api/v1/contacts/fields',
      authed('contacts', () => json(200, fieldsMetadata())),
    )
    .route(
      'POST',
      '/api/v1/contacts/notes',
      authed('contacts', (req) => {
        const bad = checkBody(req.body, { contact_ids: 'array', note: 'string', note_preview: 'string' }, [
          'contact_ids',
          'note',
          'note_preview',
        ]);
        if (bad) return bad;
        const body = req.body as { contact_ids: unknown[]; note: string; note_preview: string };
        if (body.contact_ids.length < 1 || body.contact_ids.length > 10) {
          return invalid({ '/contact_ids': 'must hold 1 to 10 contact ids' });
        }
        if (!body.note.trim()) return invalid({ '/note': 'must not be empty' });
        const linked: StoredContact[] = [];
        for (const id of body.contact_ids) {
          const c = contactById(String(id));
          if (!c) return notFound('contact', String(id));
          linked.push(c);
        }
        const note = {
          id: objectId(),
          note: noteBody(body.note),
          note_preview: body.note_preview,
          author_name: USER.name,
          owner_id: USER.user_id,
          owner: SHORT_USER,
          contacts: linked.map(shortContact),
          created: stamp(now()),
          updated: stamp(now()),
        };
        notes.push(note);
        return json(201, note);
      }),
    )
    .route(
      'POST',
      '/api/v1/tasks',
      authed('contacts', (req) => {
        // An account with only the legacy endpoint has no such route.
        if (options.legacyTasksOnly) return json(404, { message: `No such endpoint: ${req.path}` });
        // `Tasks.NewTaskSpecification`: `related_to` "is not accepted by this endpoint" (unknown keys are refused).
        const bad = checkBody(
          req.body,
          {
            subject: 'string',
            notes: 'string',
            due_date: 'string',
            assigned_to: 'string',
            is_important: 'boolean',
            completed_time: 'string',
            tags: 'array',
            related: 'object',
          },
          ['subject'],
        );
        if (bad) return bad;
        const body = req.body as {
          subject: string;
          notes?: string;
          due_date?: string;
          assigned_to?: string;
          is_important?: boolean;
          tags?: string[];
          related?: { contacts?: unknown; deals?: unknown };
        };
        if (!body.subject.trim()) return invalid({ '/subject': 'must not be empty' });
        if (body.due_date !== undefined && Number.isNaN(Date.parse(body.due_date))) {
          return invalid({ '/due_date': `Can't parse value ${body.due_date} as DATE-TIME` });
        }
        const related = body.related ?? {};
        if (Object.keys(related).some((k) => k !== 'contacts' && k !== 'deals')) {
          return invalid({ '/related': 'accepts contacts and deals only' });
        }
        if (related.contacts !== undefined && !Array.isArray(related.contacts)) {
          return invalid({ '/related/contacts': 'must be an array of contact ids' });
        }
        const linked = contactsOf(related.contacts as unknown[] | undefined);
        if (!Array.isArray(linked)) return linked;
        if (body.assigned_to !== undefined && body.assigned_to !== USER.user_id)
          return notFound('user', body.assigned_to);
        const task = taskView(body, linked, { related_to: [] });
        tasks.push(task);
        return json(201, task);
      }),
    )
    .route(
      'POST',
      '/api/v1/activities/task',
      authed('contacts', (req) => {
        // The legacy docs (`docs/activities/tasks/create.rst`): `subject` (2–128 characters, the only
        // required key), `notes`, `related_to` (contact ids), `due_date` "YYYY-MM-DDTHH:MM:SS" — an
        // offset after it is accepted (nimble.md §9.1 sends one; inferred).
        const bad = checkBody(
          req.body,
          { subject: 'string', notes: 'string', related_to: 'array', due_date: 'string' },
          ['subject'],
        );
        if (bad) return bad;
        const body = req.body as { subject: string; notes?: string; related_to?: unknown[]; due_date?: string };
        if (body.subject.length < 2 || body.subject.length > 128) {
          return invalid({ '/subject': 'Field length should be between 2 and 128 chars' });
        }
        if (
          body.due_date !== undefined &&
          !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$/.test(body.due_date)
        ) {
          return invalid({ '/due_date': 'Should be passed in format like "YYYY-MM-DDTHOURS:MINUTES:SECONDS"' });
        }
        const linked = contactsOf(body.related_to);
        if (!Array.isArray(linked)) return linked;
        // "dictionary with JSON serialised task body": linked contacts echoed as `related_to` ids.
        const task = taskView(body, linked, { related_to: linked.map((c) => c.id) });
        tasks.push(task);
        return json(200, task);
      }),
    )
    .route(
      'GET',
      '/api/v2/deals/pipelines',
      authed('deals', () => json(200, { pipelines: pipelines.map(pipelineView) })),
    )
    .route(
      'GET',
      '/api/v2/deals/pipelines/:pipelineId',
      authed('deals', (req) => {
        const p = pipelines.find((x) => x.pipeline_id === req.params.pipelineId);
        return p ? json(200, pipelineView(p)) : notFound('pipeline', req.params.pipelineId!);
      }),
    )
    .route(
      'GET',
      '/api/v2/deals/fields',
      authed('deals', () => json(200, { standard_fields: STANDARD_DEAL_FIELDS, pipelines_tabs: [] })),
    )
    .route(
      'GET',
      '/api/v2/deals',
      authed('deals', (req) => {
        const sort = req.query.get('sort');
        const m = sort ? /^(created|updated|name|amount):(asc|desc)$/.exec(sort) : null;
        if (!m) return invalid({ sort: 'is required, as <field>:<asc|desc> with a sortable column' });
        const limit = Number(req.query.get('limit') ?? 30);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid({ limit: 'must be 1 to 100' });
        const key = m[1]!;
        const value = (d: StoredDeal): number | string =>
          key === 'created'
            ? d.createdMs
            : key === 'updated'
              ? d.updatedMs
              : key === 'amount'
                ? Number(d.values.amount ?? 0)
                : (d.values.name ?? '');
        const sorted = deals
          .slice()
          .sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (m[2] === 'desc' ? -1 : 1));
        return json(200, {
          meta: {
            per_page: limit,
            total: sorted.length,
            page: 1,
            pages: Math.max(1, Math.ceil(sorted.length / limit)),
          },
          resources: sorted.slice(0, limit).map(dealView),
        });
      }),
    )
    .route(
      'POST',
      '/api/v2/deals',
      authed('deals', (req) => {
        const bad = checkBody(
          req.body,
          {
            owner_id: 'string',
            privacy: 'object',
            fields_values: 'object',
            pipeline_id: 'string',
            stage_id: 'string',
            currency: 'string',
            related_contacts: 'array',
            related_external_contacts: 'array',
            tags: 'array',
          },
          // The spec's list says `owner`; the property it means is `owner_id`.
          ['fields_values', 'pipeline_id', 'stage_id', 'owner_id'],
        );
        if (bad) return bad;
        const body = req.body as {
          owner_id: string;
          fields_values: Record<string, unknown>;
          pipeline_id: string;
          stage_id: string;
          currency?: string;
          related_contacts?: unknown[];
          tags?: unknown[];
        };
        const pipeline = pipelines.find((p) => p.pipeline_id === body.pipeline_id);
        if (!pipeline) return notFound('pipeline', body.pipeline_id);
        if (pipeline.archived_at) return invalid({ '/pipeline_id': 'the pipeline is archived' });
        const stage = pipeline.stages.find((s) => s.stage_id === body.stage_id);
        if (!stage) return invalid({ '/stage_id': 'is not a stage of the pipeline' });
        if (stage.archived_at) return invalid({ '/stage_id': 'the stage is archived' });
        // nimble.md §12.3 (Nimble's plugin): a new deal needs "a non-final stage" (status inferred).
        if (isFinal(stage)) return invalid({ '/stage_id': 'a new deal needs a non-final stage' });
        if (body.owner_id !== USER.user_id) return notFound('user', body.owner_id);
        if (body.currency !== undefined && !/^[A-Z]{3}$/.test(body.currency)) {
          return invalid({ '/currency': 'must be an ISO 4217 code' });
        }
        const values: Record<string, string> = {};
        const errors: Record<string, string> = {};
        for (const [key, list] of Object.entries(body.fields_values)) {
          const def = STANDARD_DEAL_FIELDS.find((f) => f.field_id === key || f.field_name === key);
          if (!def) {
            errors[`/fields_values/${key}`] = 'is not a deal field';
            continue;
          }
          if (def.field_name === 'actual_close_date') {
            errors[`/fields_values/${key}`] = 'is view only';
            continue;
          }
          const first = Array.isArray(list) ? (list[0] as { value?: unknown } | undefined) : undefined;
          if (!Array.isArray(list) || list.length > 1 || (first && typeof first.value !== 'string')) {
            errors[`/fields_values/${key}`] = 'must be a list with one {"value": "<string>"}';
            continue;
          }
          if (first && def.field_name === 'expected_close_date' && !LOCAL_DATE.test(first.value as string)) {
            errors[`/fields_values/${key}`] = 'must be a local date like 2026-10-08';
            continue;
          }
          if (first) values[def.field_name] = first.value as string;
        }
        if (!values.name?.trim()) errors['/fields_values/name'] = 'the deal name is required';
        if (values.amount !== undefined && !(Number(values.amount) >= 0)) {
          errors['/fields_values/amount'] = 'must be a number of 0 or more';
        }
        if (values.probability === undefined && stage.default_probability === null) {
          errors['/fields_values/probability'] = 'is required: the stage has no default probability';
        }
        if (Object.keys(errors).length) return invalid(errors);
        const contactIds: string[] = [];
        for (const rc of body.related_contacts ?? []) {
          const id = String((rc as { contact_id?: unknown }).contact_id ?? '');
          if (!contactById(id)) return notFound('contact', id);
          contactIds.push(id);
        }
        const deal: StoredDeal = {
          deal_id: objectId(),
          deal_number: deals.length + 1,
          createdMs: now(),
          updatedMs: now(),
          pipeline,
          stage,
          owner_id: body.owner_id,
          currency: body.currency ?? pipeline.default_currency,
          values,
          contact_ids: contactIds,
          tags: (body.tags ?? []).map(String),
        };
        deals.push(deal);
        return json(200, dealView(deal));
      }),
    )
    .route(
      'GET',
      '/api/v2/deals/:dealId',
      authed('deals', (req) => {
        const d = deals.find((x) => x.deal_id === req.params.dealId);
        return d ? json(200, dealView(d)) : notFound('deal', req.params.dealId!);
      }),
    )
    .route(
      'PUT',
      '/api/v2/deals/:dealId',
      authed('deals', (req) => {
        const d = deals.find((x) => x.deal_id === req.params.dealId);
        if (!d) return notFound('deal', req.params.dealId!);
        const bad = checkBody(
          req.body,
          {
            owner_id: 'string',
            privacy: 'object',
            fields_values: 'object',
            pipeline_id: 'string',
            stage_id: 'string',
            currency: 'string',
            related_contacts: 'array',
            related_external_contacts: 'array',
            tags: 'array',
          },
          [],
        );
        if (bad) return bad;
        const body = req.body as {
          owner_id?: string;
          fields_values?: Record<string, unknown>;
          pipeline_id?: string;
          stage_id?: string;
          currency?: string;
          related_contacts?: unknown[];
          tags?: unknown[];
        };
        let stage = d.stage;
        // nimble.md §12.3 (Nimble's plugin): "A stage change must stay within the current pipeline and
        // cannot mark a deal won or lost" (the statuses are inferred). `null` is refused by the types above.
        if (body.pipeline_id !== undefined && body.pipeline_id !== d.pipeline.pipeline_id) {
          return invalid({ '/pipeline_id': "a stage change must stay within the deal's pipeline" });
        }
        if (body.pipeline_id !== undefined && body.stage_id === undefined) {
          return invalid({ '/stage_id': 'is required with pipeline_id' });
        }
        if (body.stage_id !== undefined) {
          const st = d.pipeline.stages.find((x) => x.stage_id === body.stage_id);
          if (!st) return invalid({ '/stage_id': "is not a stage of the deal's pipeline" });
          if (st.archived_at) return invalid({ '/stage_id': 'the stage is archived' });
          if (isFinal(st) && st !== d.stage) {
            return invalid({ '/stage_id': 'a stage change cannot mark a deal won or lost' });
          }
          stage = st;
        }
        if (body.owner_id !== undefined && body.owner_id !== USER.user_id) return notFound('user', body.owner_id);
        if (body.currency !== undefined && !/^[A-Z]{3}$/.test(body.currency)) {
          return invalid({ '/currency': 'must be an ISO 4217 code' });
        }
        const values = { ...d.values };
        const errors: Record<string, string> = {};
        for (const [key, list] of Object.entries(body.fields_values ?? {})) {
          const def = STANDARD_DEAL_FIELDS.find((f) => f.field_id === key || f.field_name === key);
          if (!def) {
            errors[`/fields_values/${key}`] = 'is not a deal field';
            continue;
          }
          if (def.field_name === 'actual_close_date') {
            errors[`/fields_values/${key}`] = 'is view only';
            continue;
          }
          const first = Array.isArray(list) ? (list[0] as { value?: unknown } | undefined) : undefined;
          if (!Array.isArray(list) || list.length > 1 || (first && typeof first.value !== 'string')) {
            errors[`/fields_values/${key}`] = 'must be a list with one {"value": "<string>"}';
            continue;
          }
          if (first && def.field_name === 'expected_close_date' && !LOCAL_DATE.test(first.value as string)) {
            errors[`/fields_values/${key}`] = 'must be a local date like 2026-10-08';
            continue;
          }
          // `[]` removes the value; a single space removes a description.
          if (!first || (def.field_name === 'description' && first.value === ' ')) delete values[def.field_name];
          else values[def.field_name] = first.value as string;
        }
        if (!values.name?.trim()) errors['/fields_values/name'] = 'the deal name is required';
        if (values.amount !== undefined && !(Number(values.amount) >= 0)) {
          errors['/fields_values/amount'] = 'must be a number of 0 or more';
        }
        if (values.probability === undefined && stage.default_probability === null) {
          errors['/fields_values/probability'] = 'is required: the stage has no default probability';
        }
        if (Object.keys(errors).length) return invalid(errors);
        let contactIds = d.contact_ids;
        if (body.related_contacts !== undefined) {
          contactIds = [];
          for (const rc of body.related_contacts) {
            const id = String((rc as { contact_id?: unknown }).contact_id ?? '');
            if (!contactById(id)) return notFound('contact', id);
            contactIds.push(id);
          }
        }
        if (stage !== d.stage) {
          d.moves = [...(d.moves ?? []), { from: d.stage, to: stage, pipeline: d.pipeline, ms: now() }];
        }
        d.stage = stage;
        d.values = values;
        d.contact_ids = contactIds;
        if (body.owner_id !== undefined) d.owner_id = body.owner_id;
        if (body.currency !== undefined) d.currency = body.currency;
        if (body.tags !== undefined) d.tags = body.tags.map(String);
        d.updatedMs = Math.max(now(), d.updatedMs + 1000);
        return json(200, dealView(d));
      }),
    )
    .route(
      'POST',
      '/api/v2/deals/:dealId/notes',
      authed('deals', (req) => {
        const d = deals.find((x) => x.deal_id === req.params.dealId);
        if (!d) return notFound('deal', req.params.dealId!);
        const bad = checkBody(req.body, { title: 'string', body: 'string' }, ['title']);
        if (bad) return bad;
        const body = req.body as { title: string; body?: string };
        if (body.title.length < 1 || body.title.length > 256)
          return invalid({ '/title': 'must be 1 to 256 characters' });
        const note = {
          note_id: objectId(),
          title: body.title,
          body: body.body ?? '',
          created: stamp(now()),
          updated: stamp(now()),
          creator: SHORT_USER,
        };
        dealNotes.push({ ...note, deal_id: d.deal_id });
        return json(201, note);
      }),
    )
    .route(
      'PUT',
      '/api/v1/contacts/:contactId/tags',
      authed('contacts', (req) => {
        const c = contactById(req.params.contactId);
        if (!c) return notFound('contact', req.params.contactId!);
        const bad = checkBody(req.body, { tags: 'array' }, ['tags']);
        if (bad) return bad;
        const tags = (req.body as { tags: unknown[] }).tags;
        if (tags.some((t) => typeof t !== 'string' || !t.trim())) {
          return invalid({ '/tags': 'must be a list of non-empty strings' });
        }
        // The endpoint sets the contact's tags to exactly this list.
        c.tags = [...new Set((tags as string[]).map((t) => t.trim()))];
        c.updatedMs = Math.max(now(), c.updatedMs + 1000);
        // "Response to this request is empty JSON body ({})" (legacy docs); the contact (OpenAPI document).
        return json(200, options.tagsAnswer === 'contact' ? contactView(c) : {});
      }),
    );

  /** Issues tokens as the code exchange would, without the browser round trip. */
  const connect = () => issueTokens([...SCOPES], client.redirectUri);
  /** Makes every access token issued so far expire now. */
  const expireAccessTokens = () => {
    for (const grant of accessTokens.values()) grant.expiresAt = Date.now() - 1;
  };

  return {
    server,
    client,
    user: USER,
    contacts,
    notes,
    tasks,
    deals,
    dealNotes,
    pipelines,
    seeded: { amayak, nimbleCo, jon },
    authorize,
    connect,
    expireAccessTokens,
  };
};

export type NimbleSimulator = ReturnType<typeof createNimbleSimulator>;
