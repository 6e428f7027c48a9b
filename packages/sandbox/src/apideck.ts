import { json, SimServer, type SimRequest, type SimResponse } from './server';

/**
 * Apideck's CRM API (../shared/specs/apideck-crm.openapi.yml, version 10.34), in memory: the four
 * headers, the endpoints the Zapier app uses, the response envelope, cursor paging, the documented
 * `filter[...]` and `sort[...]` parameters, and Apideck's error bodies. Requests are checked against
 * the document's rules (writable fields, required fields, types, enums, query parameters); a
 * request the document forbids gets a 400 RequestValidationError, a reference to a record that does
 * not exist a 422 as the downstream CRM would answer.
 */

export const APIDECK_SANDBOX_CREDENTIALS = {
  api_key: 'sk_sandbox_apideck_key_0001',
  app_id: 'sandbox-app-id',
  consumer_id: 'test-consumer',
};
/** The one CRM connection the sandbox consumer has. */
export const APIDECK_SANDBOX_SERVICE = 'hubspot';

type Rec = Record<string, unknown> & { id: string; created_at: string; updated_at: string };
type Resource = 'contacts' | 'companies' | 'opportunities' | 'leads' | 'notes' | 'activities' | 'pipelines' | 'users';

/* ----------------------------------------------------------------------------------------------
 * The document's rules, taken from components.schemas (writable = not readOnly). A trailing `?`
 * means nullable. `array:X` / `object:X` name a nested schema below; `any` is not checked further.
 * ------------------------------------------------------------------------------------------- */

const strings = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 'string?']));
const CURRENCY = 'currency';

const NESTED: Record<string, { required: string[]; props: Record<string, string> }> = {
  Email: {
    required: ['email'],
    props: { id: 'string?', email: 'string?', type: 'enum:primary|secondary|work|personal|billing|other?' },
  },
  PhoneNumber: {
    required: ['number'],
    props: {
      ...strings('id', 'country_code', 'area_code', 'extension'),
      number: 'string',
      type: 'enum:primary|secondary|home|work|office|mobile|assistant|fax|direct-dial-in|personal|billing|other?',
    },
  },
  Address: {
    required: [],
    props: {
      ...strings(
        'id',
        'string',
        'name',
        'line1',
        'line2',
        'line3',
        'line4',
        'line5',
        'street_number',
        'city',
        'state',
        'postal_code',
        'country',
        'latitude',
        'longitude',
        'county',
        'contact_name',
        'salutation',
        'phone_number',
        'fax',
        'email',
        'website',
        'notes',
        'row_version',
      ),
      type: 'enum:primary|secondary|home|office|shipping|billing|work|other?',
    },
  },
  Website: {
    required: ['url'],
    props: { id: 'string?', url: 'string', type: 'enum:primary|secondary|work|personal|other?' },
  },
  SocialLink: { required: ['url'], props: { id: 'string?', url: 'string', type: 'string?' } },
};

const CHANNELS = {
  websites: 'array:Website',
  addresses: 'array:Address',
  social_links: 'array:SocialLink',
  phone_numbers: 'array:PhoneNumber',
  emails: 'array:Email',
  custom_fields: 'array:any?',
  tags: 'array:string?',
  pass_through: 'array:any',
};

interface ResourceRules {
  /** Writable properties and their kinds. */
  props: Record<string, string>;
  /** Required on create (`required` in the schema); required strings must not be empty. */
  required: string[];
  /** `filter[...]` keys (the resource's XFilter schema), with `date` for the since-filters. */
  filters: Record<string, 'text' | 'date' | 'number'>;
  /** `sort[by]` values (the XSort schema). */
  sorts: string[];
}

const RULES: Record<Resource, ResourceRules> = {
  contacts: {
    props: {
      ...strings(
        'name',
        'owner_id',
        'company_id',
        'company_name',
        'lead_id',
        'first_name',
        'middle_name',
        'last_name',
        'prefix',
        'suffix',
        'title',
        'department',
        'language',
        'birthday',
        'image',
        'photo_url',
        'lead_source',
        'fax',
        'description',
        'status',
        'email_domain',
      ),
      type: 'enum:customer|supplier|employee|personal?',
      gender: 'enum:male|female|unisex?',
      current_balance: 'number?',
      active: 'boolean?',
      opportunity_ids: 'array:string',
      ...CHANNELS,
    },
    required: [],
    filters: {
      name: 'text',
      first_name: 'text',
      last_name: 'text',
      email: 'text',
      phone_number: 'text',
      company_id: 'text',
      owner_id: 'text',
      updated_since: 'date',
      created_since: 'date',
    },
    sorts: ['created_at', 'updated_at', 'name', 'first_name', 'last_name', 'email'],
  },
  companies: {
    props: {
      ...strings(
        'name',
        'owner_id',
        'image',
        'description',
        'vat_number',
        'status',
        'fax',
        'annual_revenue',
        'number_of_employees',
        'industry',
        'ownership',
        'sales_tax_number',
        'payee_number',
        'abn_or_tfn',
        'abn_branch',
        'acn',
        'first_name',
        'last_name',
        'salutation',
        'birthday',
      ),
      currency: `${CURRENCY}?`,
      read_only: 'boolean?',
      bank_accounts: 'array:any',
      row_type: 'any',
      ...CHANNELS,
    },
    required: ['name'],
    filters: { name: 'text', updated_since: 'date', created_since: 'date' },
    sorts: ['created_at', 'updated_at', 'name'],
  },
  opportunities: {
    props: {
      ...strings(
        'primary_contact_id',
        'description',
        'type',
        'close_date',
        'loss_reason_id',
        'loss_reason',
        'won_reason_id',
        'won_reason',
        'pipeline_id',
        'pipeline_stage_id',
        'source_id',
        'lead_id',
        'lead_source',
        'contact_id',
        'company_id',
        'company_name',
        'owner_id',
        'priority',
        'status',
        'status_id',
        'stage_last_changed_at',
      ),
      title: 'string',
      monetary_amount: 'number?',
      win_probability: 'number?',
      currency: `${CURRENCY}?`,
      contact_ids: 'array:string',
      tags: 'array:string?',
      custom_fields: 'array:any',
      pass_through: 'array:any',
    },
    required: ['title'],
    filters: {
      title: 'text',
      status: 'text',
      monetary_amount: 'number',
      win_probability: 'number',
      company_id: 'text',
      owner_id: 'text',
      primary_contact_id: 'text',
    },
    sorts: ['created_at', 'updated_at', 'title', 'win_probability', 'monetary_amount', 'status'],
  },
  leads: {
    props: {
      ...strings(
        'company_name',
        'owner_id',
        'owner_name',
        'company_id',
        'contact_id',
        'lead_id',
        'lead_source',
        'first_name',
        'last_name',
        'description',
        'prefix',
        'title',
        'language',
        'status',
        'fax',
      ),
      name: 'string',
      monetary_amount: 'number?',
      currency: `${CURRENCY}?`,
      ...CHANNELS,
      custom_mappings: 'any',
    },
    required: ['name'],
    filters: { name: 'text', first_name: 'text', last_name: 'text', email: 'text', phone_number: 'text' },
    sorts: ['created_at', 'updated_at', 'name', 'first_name', 'last_name', 'email'],
  },
  notes: {
    props: {
      ...strings(
        'title',
        'content',
        'owner_id',
        'contact_id',
        'company_id',
        'opportunity_id',
        'activity_id',
        'lead_id',
      ),
      active: 'boolean?',
      pass_through: 'array:any',
    },
    required: [],
    filters: { title: 'text', owner_id: 'text', updated_since: 'date', created_since: 'date' },
    sorts: [],
  },
  activities: {
    props: {
      ...strings(
        'activity_datetime',
        'user_id',
        'account_id',
        'contact_id',
        'company_id',
        'opportunity_id',
        'lead_id',
        'owner_id',
        'campaign_id',
        'case_id',
        'asset_id',
        'contract_id',
        'product_id',
        'solution_id',
        'custom_object_id',
        'title',
        'description',
        'note',
        'location',
        'event_sub_type',
        'group_event_type',
        'start_datetime',
        'end_datetime',
        'activity_date',
        'end_date',
        'reminder_datetime',
        'video_conference_url',
        'video_conference_id',
      ),
      duration_seconds: 'integer?',
      type: 'enum:call|meeting|email|note|task|deadline|send-letter|send-quote|other?',
      location_address: 'object:Address',
      all_day_event: 'boolean?',
      private: 'boolean?',
      group_event: 'boolean?',
      child: 'boolean?',
      archived: 'boolean?',
      deleted: 'boolean?',
      show_as: 'enum:free|busy?',
      done: 'boolean?',
      recurrent: 'boolean',
      reminder_set: 'boolean?',
      custom_fields: 'array:any',
      attendees: 'array:any',
      pass_through: 'array:any',
    },
    required: ['type'],
    filters: { company_id: 'text', owner_id: 'text', contact_id: 'text', updated_since: 'date', type: 'text' },
    sorts: ['created_at', 'updated_at'],
  },
  pipelines: { props: {}, required: [], filters: {}, sorts: [] },
  users: { props: {}, required: [], filters: { email: 'text', name: 'text' }, sorts: [] },
};

/** Checks a value against a kind, adding what is wrong to `problems` (and missing keys to `missing`). */
const misfit = (
  kind: string,
  value: unknown,
  path: string,
  problems: Record<string, string>[],
  missing: Record<string, string>[],
): void => {
  const nullable = kind.endsWith('?');
  const k = nullable ? kind.slice(0, -1) : kind;
  if (value === null) {
    if (!nullable) problems.push({ [path]: 'must not be null' });
    return;
  }
  if (k === 'any') return;
  if (k === 'string' && typeof value !== 'string') problems.push({ [path]: 'must be a string' });
  else if (k === 'number' && typeof value !== 'number') problems.push({ [path]: 'must be a number' });
  else if (k === 'integer' && !Number.isInteger(value)) problems.push({ [path]: 'must be an integer' });
  else if (k === 'boolean' && typeof value !== 'boolean') problems.push({ [path]: 'must be a boolean' });
  else if (k === CURRENCY && (typeof value !== 'string' || !/^([A-Z]{3}|UNKNOWN_CURRENCY)$/.test(value)))
    problems.push({ [path]: 'must be an ISO 4217 currency code' });
  else if (k.startsWith('enum:')) {
    const allowed = k.slice(5).split('|');
    if (typeof value !== 'string' || !allowed.includes(value))
      problems.push({ [path]: `must be one of ${allowed.join(', ')}` });
  } else if (k.startsWith('array:')) {
    if (!Array.isArray(value)) {
      problems.push({ [path]: 'must be an array' });
      return;
    }
    value.forEach((item, i) =>
      misfit(k.slice(6) === 'string' ? 'string' : `object:${k.slice(6)}`, item, `${path}[${i}]`, problems, missing),
    );
  } else if (k.startsWith('object:')) {
    const name = k.slice(7);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ [path]: 'must be an object' });
      return;
    }
    const schema = NESTED[name];
    if (!schema) return;
    checkObject(schema.props, schema.required, value as Record<string, unknown>, `${path}.`, missing, problems);
  }
};

const checkObject = (
  props: Record<string, string>,
  required: string[],
  obj: Record<string, unknown>,
  prefix: string,
  missing: Record<string, string>[],
  invalid: Record<string, string>[],
) => {
  for (const key of required) {
    const v = obj[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '' && prefix === '')) {
      missing.push({ [`${prefix}${key}`]: 'required' });
    }
  }
  for (const [key, value] of Object.entries(obj)) {
    const kind = props[key];
    if (!kind) {
      invalid.push({ [`${prefix}${key}`]: 'is not a writable property' });
      continue;
    }
    misfit(kind, value, `${prefix}${key}`, invalid, missing);
  }
};

/* ----------------------------------------------------------------------------------------------
 * Error bodies, as Apideck sends them.
 * ------------------------------------------------------------------------------------------- */

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
};
const apiError = (status: number, typeName: string, message: string, detail?: unknown): SimResponse =>
  json(status, {
    status_code: status,
    error: REASONS[status] ?? 'Error',
    type_name: typeName,
    message,
    ...(detail !== undefined ? { detail } : {}),
    ref: `https://developers.apideck.com/errors#${typeName.toLowerCase()}`,
  });
const invalidParams = (detail: { missing?: Record<string, string>[]; invalid?: Record<string, string>[] }) =>
  apiError(400, 'RequestValidationError', 'Invalid Params', {
    ...(detail.missing?.length ? { missing: detail.missing } : {}),
    ...(detail.invalid?.length ? { invalid: detail.invalid } : {}),
  });

/* ----------------------------------------------------------------------------------------------
 * The simulator.
 * ------------------------------------------------------------------------------------------- */

const encodeCursor = (resource: string, offset: number) =>
  Buffer.from(`${APIDECK_SANDBOX_SERVICE}::${resource}::${offset}`).toString('base64');
const decodeCursor = (resource: string, cursor: string): number | undefined => {
  const m = /^([\w-]+)::(\w+)::(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m && m[1] === APIDECK_SANDBOX_SERVICE && m[2] === resource ? Number(m[3]) : undefined;
};

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');
const digits = (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : '');

/**
 * Custom fields as Apideck's examples show them (apideck-crm.md §6.1): every record example of
 * apideck-crm.openapi.yml carries `employee_level`, a text value; the `CustomField.value` schema's
 * examples give the other documented types (10, true, `{ foo: 'bar' }`, a list). The ids and names
 * of those four fields are the sandbox's own (no document names one).
 */
export const APIDECK_CUSTOM_FIELDS = {
  text: {
    id: '2389328923893298',
    name: 'employee_level',
    description: 'Employee Level',
    value: 'Uses Salesforce and Marketo',
  },
  number: { id: '2389328923893299', name: 'employee_count', description: 'Employee Count', value: 10 },
  boolean: { id: '2389328923893300', name: 'is_partner', description: 'Partner', value: true },
  object: {
    id: '2389328923893301',
    name: 'integration_settings',
    description: 'Integration Settings',
    value: { foo: 'bar' },
  },
  list: {
    id: '2389328923893302',
    name: 'tools_used',
    description: 'Tools Used',
    value: ['Uses Salesforce and Marketo', 10, true],
  },
};

export interface ApideckSimulatorOptions {
  /** The largest page the connector gives, whatever `limit` asks for. */
  pageSize?: number;
  /**
   * The downstream CRM's rate limit (apideck-crm.md §5.4): `limit` requests per window of
   * `windowSeconds`. Every answer then carries `x-downstream-ratelimit-limit`, `-remaining` and
   * `-reset` (a Unix timestamp in seconds, as Apideck's reference gives it), and a request over the
   * limit is a 429 `ConnectorRateLimitError` with those headers and no `Retry-After`. Off by default.
   */
  downstreamRateLimit?: { limit: number; windowSeconds: number };
  /**
   * What the connector does not implement, per resource (apideck-crm.md §5.5): the `filter[...]`
   * keys and `sort[by]` fields it refuses, and whether it refuses paging (`limit`/`cursor`; it then
   * answers every record on one page).
   */
  refuse?: Partial<Record<Resource, { filters?: string[]; sortBy?: string[]; paging?: boolean }>>;
}

export const createApideckSimulator = (options: ApideckSimulatorOptions = {}) => {
  const server = new SimServer('apideck');
  let seq = 10000;
  const nextId = () => String((seq += 1));
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const now = () => new Date().toISOString();

  const store: Record<Resource, Rec[]> = {
    contacts: [],
    companies: [],
    opportunities: [],
    leads: [],
    notes: [],
    activities: [],
    pipelines: [],
    users: [],
  };
  const add = (resource: Resource, fields: Record<string, unknown>, createdAt = now(), updatedAt = createdAt): Rec => {
    const rec: Rec = { ...fields, id: nextId(), created_at: createdAt, updated_at: updatedAt };
    store[resource].push(rec);
    return rec;
  };

  // Seed: users and pipelines as HubSpot has them, two companies, two contacts, a deal and a lead;
  // the first company, contact, deal and the lead carry custom fields as Apideck's examples do.
  const elonUser = add(
    'users',
    {
      first_name: 'Elon',
      last_name: 'Musk',
      username: 'elon',
      emails: [{ email: 'elon@example.com', type: 'primary' }],
    },
    ago(60 * 24 * 90),
  );
  add(
    'users',
    { first_name: 'Gwynne', last_name: 'Shotwell', emails: [{ email: 'gwynne@example.com', type: 'primary' }] },
    ago(60 * 24 * 90),
  );
  const salesPipeline: Rec = {
    id: 'default',
    name: 'Sales Pipeline',
    currency: 'USD',
    archived: false,
    active: true,
    display_order: 1,
    win_probability_enabled: true,
    stages: [
      {
        id: 'appointmentscheduled',
        name: 'Appointment Scheduled',
        value: 'APPOINTMENT_SCHEDULED',
        win_probability: 20,
        display_order: 1,
      },
      { id: 'contractsent', name: 'Contract Sent', value: 'CONTRACT_SENT', win_probability: 50, display_order: 2 },
      { id: 'closedwon', name: 'Closed Won', value: 'CLOSED_WON', win_probability: 100, display_order: 3 },
    ],
    created_at: ago(60 * 24 * 365),
    updated_at: ago(60 * 24 * 365),
  };
  const renewals: Rec = {
    id: 'renewals',
    name: 'Renewals',
    currency: 'USD',
    archived: false,
    active: true,
    display_order: 2,
    win_probability_enabled: false,
    stages: [
      { id: 'renewaldue', name: 'Renewal Due', value: 'RENEWAL_DUE', win_probability: 60, display_order: 1 },
      { id: 'renewed', name: 'Renewed', value: 'RENEWED', win_probability: 100, display_order: 2 },
    ],
    created_at: ago(60 * 24 * 365),
    updated_at: ago(60 * 24 * 365),
  };
  store.pipelines.push(salesPipeline, renewals);
  const spacex = add(
    'companies',
    {
      name: 'SpaceX',
      owner_id: elonUser.id,
      industry: 'Aerospace',
      websites: [{ url: 'https://spacex.com', type: 'primary' }],
      emails: [{ email: 'info@spacex.com', type: 'primary' }],
      phone_numbers: [],
      addresses: [{ type: 'primary', city: 'Hawthorne', state: 'CA', country: 'US' }],
      tags: ['Rockets'],
      custom_fields: [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.boolean],
    },
    ago(60 * 24 * 60),
  );
  add('companies', { name: 'Tesla', industry: 'Automotive', tags: [] }, ago(60 * 24 * 50));
  const elon = add(
    'contacts',
    {
      name: 'Elon Musk',
      first_name: 'Elon',
      last_name: 'Musk',
      title: 'CEO',
      company_id: spacex.id,
      company_name: 'SpaceX',
      owner_id: elonUser.id,
      type: 'personal',
      emails: [
        { id: '1', email: 'elon@musk.com', type: 'primary' },
        { id: '2', email: 'elon@spacex.com', type: 'work' },
      ],
      phone_numbers: [{ id: '1', number: '111-111-1111', type: 'mobile' }],
      addresses: [
        {
          id: '1',
          type: 'primary',
          line1: 'Rocket Road 1',
          city: 'Hawthorne',
          state: 'CA',
          postal_code: '90250',
          country: 'US',
        },
      ],
      websites: [],
      social_links: [],
      tags: ['VIP'],
      custom_fields: [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.number],
    },
    ago(60 * 24 * 3),
    ago(60),
  );
  const gwynne = add(
    'contacts',
    {
      name: 'Gwynne Shotwell',
      first_name: 'Gwynne',
      last_name: 'Shotwell',
      title: 'President',
      company_id: spacex.id,
      company_name: 'SpaceX',
      emails: [{ id: '3', email: 'gwynne@spacex.com', type: 'work' }],
      phone_numbers: [],
      addresses: [],
      websites: [],
      social_links: [],
      tags: [],
    },
    ago(120),
  );
  const rocket = add(
    'opportunities',
    {
      title: 'New Rocket',
      primary_contact_id: elon.id,
      monetary_amount: 75000,
      currency: 'USD',
      pipeline_id: 'default',
      pipeline_stage_id: 'contractsent',
      company_id: spacex.id,
      owner_id: elonUser.id,
      win_probability: 40,
      status: 'Open',
      contact_ids: [elon.id],
      tags: [],
      custom_fields: [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.list],
    },
    ago(60 * 24),
    ago(30),
  );

  const lead = add(
    'leads',
    {
      name: 'Jeff Bezos',
      first_name: 'Jeff',
      last_name: 'Bezos',
      title: 'Founder',
      company_name: 'Blue Origin',
      lead_source: 'Website',
      status: 'New',
      emails: [{ id: '4', email: 'jeff@blueorigin.example', type: 'primary' }],
      phone_numbers: [],
      addresses: [],
      websites: [],
      social_links: [],
      tags: [],
      custom_fields: [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.object],
    },
    ago(60 * 5),
  );

  /* ---- request checks ---- */

  const headerOf = (req: SimRequest, name: string): string | undefined => {
    const v = req.headers[name];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };

  /** The four headers: the key, the app, the consumer, and the connector when the consumer names one. */
  const authed =
    (handler: (req: SimRequest) => SimResponse): ((req: SimRequest) => SimResponse) =>
    (req) => {
      const missing = ['x-apideck-app-id', 'x-apideck-consumer-id']
        .filter((h) => !headerOf(req, h))
        .map((h) => ({ [h]: 'required' }));
      const auth = headerOf(req, 'authorization');
      if (!auth) return apiError(401, 'UnauthorizedError', 'Missing authentication', 'Missing Authorization header');
      if (missing.length) return apiError(400, 'RequestHeadersValidationError', 'Invalid Params', { missing });
      const key = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
      if (
        key !== APIDECK_SANDBOX_CREDENTIALS.api_key ||
        headerOf(req, 'x-apideck-app-id') !== APIDECK_SANDBOX_CREDENTIALS.app_id
      ) {
        return apiError(401, 'UnauthorizedError', 'Unauthorized Request', 'Verify your API key and application id.');
      }
      if (headerOf(req, 'x-apideck-consumer-id') !== APIDECK_SANDBOX_CREDENTIALS.consumer_id) {
        return apiError(404, 'ConnectionNotFoundError', 'No CRM connection found for this consumer');
      }
      const service = headerOf(req, 'x-apideck-service-id');
      if (service !== undefined && service !== APIDECK_SANDBOX_SERVICE) {
        return apiError(404, 'ConnectionNotFoundError', `The consumer has no ${service} connection`);
      }
      if (req.rawBody && !/application\/json/i.test(headerOf(req, 'content-type') ?? '')) {
        return apiError(400, 'RequestValidationError', 'Invalid Params', 'Content-Type must be application/json');
      }
      const rate = downstreamRate();
      if (!rate) return handler(req);
      if (rate.limited) {
        const limited = apiError(429, 'ConnectorRateLimitError', 'Connector Rate Limit Error', {
          context: `The ${APIDECK_SANDBOX_SERVICE} API rate limit was reached`,
        });
        return { ...limited, headers: { ...limited.headers, ...rate.headers } };
      }
      const res = handler(req);
      return { ...res, headers: { ...res.headers, ...rate.headers } };
    };

  /**
   * The downstream CRM's rate-limit window (options.downstreamRateLimit): counts a request that
   * reaches the connector, and gives the three `x-downstream-ratelimit-*` headers Apideck maps from
   * the connector's own (apideck-crm.md §5.4).
   */
  let rateWindow = { start: 0, used: 0 };
  const downstreamRate = (): { limited: boolean; headers: Record<string, string> } | undefined => {
    const rl = options.downstreamRateLimit;
    if (!rl) return undefined;
    const nowMs = Date.now();
    if (nowMs >= rateWindow.start + rl.windowSeconds * 1000) rateWindow = { start: nowMs, used: 0 };
    const limited = rateWindow.used >= rl.limit;
    if (!limited) rateWindow.used += 1;
    return {
      limited,
      headers: {
        'x-downstream-ratelimit-limit': String(rl.limit),
        'x-downstream-ratelimit-remaining': String(rl.limit - rateWindow.used),
        'x-downstream-ratelimit-reset': String(Math.ceil((rateWindow.start + rl.windowSeconds * 1000) / 1000)),
      },
    };
  };

  const envelope = (resource: Resource, operation: string, status: number, data: unknown, extra: object = {}) =>
    json(status, {
      status_code: status,
      status: status === 201 ? 'Created' : 'OK',
      service: APIDECK_SANDBOX_SERVICE,
      resource,
      operation,
      data,
      ...extra,
    });

  /** Matches one record against one filter, the way a connector would (text is case-insensitive). */
  const matches = (resource: Resource, rec: Rec, key: string, value: string): boolean => {
    const kind = RULES[resource].filters[key];
    if (kind === 'date')
      return Date.parse(String(key === 'created_since' ? rec.created_at : rec.updated_at)) >= Date.parse(value);
    if (kind === 'number') return rec[key] === Number(value);
    if (key === 'email') {
      const emails = (rec.emails as { email?: string }[] | undefined) ?? [];
      return emails.some((e) => lower(e.email) === lower(value));
    }
    if (key === 'phone_number') {
      const phones = (rec.phone_numbers as { number?: string }[] | undefined) ?? [];
      return phones.some((p) => digits(p.number) !== '' && digits(p.number) === digits(value));
    }
    if (key === 'name' || key === 'title') {
      const name = resource === 'users' ? `${String(rec.first_name ?? '')} ${String(rec.last_name ?? '')}` : rec[key];
      return lower(name).includes(lower(value));
    }
    if (key === 'first_name' || key === 'last_name' || key === 'status' || key === 'type')
      return lower(rec[key]) === lower(value);
    return rec[key] === value;
  };

  const list = (resource: Resource) =>
    authed((req) => {
      const rules = RULES[resource];
      const invalid: Record<string, string>[] = [];
      const filters: [string, string][] = [];
      let sortBy: string | undefined;
      let direction: 'asc' | 'desc' = 'asc';
      let limit = 20;
      let offset = 0;
      for (const [key, value] of req.query.entries()) {
        const filter = /^filter\[(\w+)\]$/.exec(key);
        if (filter) {
          const name = filter[1]!;
          const kind = rules.filters[name];
          if (!kind) invalid.push({ [key]: 'is not a filter of this resource' });
          else if (kind === 'date' && Number.isNaN(Date.parse(value))) invalid.push({ [key]: 'must be a date-time' });
          else if (kind === 'number' && Number.isNaN(Number(value))) invalid.push({ [key]: 'must be a number' });
          else filters.push([name, value]);
        } else if (key === 'sort[by]') {
          if (!rules.sorts.includes(value))
            invalid.push({ [key]: `must be one of ${rules.sorts.join(', ') || '(no sort)'}` });
          sortBy = value;
        } else if (key === 'sort[direction]') {
          if (value !== 'asc' && value !== 'desc') invalid.push({ [key]: 'must be asc or desc' });
          direction = value === 'desc' ? 'desc' : 'asc';
        } else if (key === 'limit') {
          limit = Number(value);
          if (!Number.isInteger(limit) || limit < 1 || limit > 200)
            invalid.push({ limit: 'must be an integer from 1 to 200' });
        } else if (key === 'cursor') {
          const at = decodeCursor(resource, value);
          if (at === undefined)
            return apiError(
              400,
              'InvalidCursorError',
              'Invalid cursor',
              `The cursor is not valid for ${APIDECK_SANDBOX_SERVICE}`,
            );
          offset = at;
        } else if (key === 'raw' || key === 'fields' || /^pass_through\[\w+\]$/.test(key)) {
          // Accepted and ignored: raw output and field selection are not simulated.
        } else {
          invalid.push({ [key]: 'is not a query parameter of this endpoint' });
        }
      }
      if (invalid.length) return invalidParams({ invalid });
      // A valid request the connector cannot serve (apideck-crm.md §5.5). The document gives no
      // message or detail for these three types: the texts below are the sandbox's own.
      const refuse = options.refuse?.[resource] ?? {};
      const refusedFilters = filters.map(([k]) => k).filter((k) => refuse.filters?.includes(k));
      if (refusedFilters.length)
        return apiError(
          400,
          'UnsupportedFiltersError',
          'Unsupported filters',
          `${refusedFilters.map((k) => `filter[${k}]`).join(', ')} is not supported by ${APIDECK_SANDBOX_SERVICE}`,
        );
      if (sortBy && refuse.sortBy?.includes(sortBy))
        return apiError(
          400,
          'UnsupportedSortFieldError',
          'Unsupported sort field',
          `sort[by]=${sortBy} is not supported by ${APIDECK_SANDBOX_SERVICE}`,
        );
      if (refuse.paging && (req.query.has('limit') || req.query.has('cursor')))
        return apiError(
          400,
          'PaginationNotSupportedError',
          'Pagination not supported',
          `Pagination is not yet supported for ${APIDECK_SANDBOX_SERVICE}, try removing limit and/or cursor from the query`,
        );

      let items = store[resource].filter((rec) => filters.every(([k, v]) => matches(resource, rec, k, v)));
      if (sortBy) {
        const by = sortBy;
        const sign = direction === 'desc' ? -1 : 1;
        items = [...items].sort((a, b) => sign * String(a[by] ?? '').localeCompare(String(b[by] ?? '')));
      }
      // A connector without paging answers every record at once.
      const size = refuse.paging ? Math.max(items.length, 1) : Math.min(limit, options.pageSize ?? limit);
      const data = items.slice(offset, offset + size);
      const next = offset + size < items.length ? encodeCursor(resource, offset + size) : null;
      const previous = offset > 0 ? encodeCursor(resource, Math.max(0, offset - size)) : null;
      const current = encodeCursor(resource, offset);
      const link = (cursor: string | null) =>
        cursor === null ? null : `https://unify.apideck.com/crm/${resource}?cursor=${encodeURIComponent(cursor)}`;
      return envelope(resource, 'all', 200, data, {
        meta: { items_on_page: data.length, cursors: { previous, current, next } },
        links: { previous: link(previous), current: link(current), next: link(next) },
      });
    });

  /** References a downstream CRM checks: an id that names nothing is a 422 naming the field. */
  const checkReferences = (body: Record<string, unknown>): SimResponse | undefined => {
    const refs: [string, Resource][] = [
      ['owner_id', 'users'],
      ['company_id', 'companies'],
      ['contact_id', 'contacts'],
      ['primary_contact_id', 'contacts'],
      ['opportunity_id', 'opportunities'],
      ['lead_id', 'leads'],
    ];
    for (const [field, resource] of refs) {
      const id = body[field];
      if (typeof id === 'string' && !store[resource].some((r) => r.id === id)) {
        return apiError(422, 'ConnectorExecutionError', `Unprocessable request: ${field} ${id} does not exist`, {
          field,
          message: `No ${resource.replace(/s$/, '').replace(/ie$/, 'y')} with id ${id}`,
        });
      }
    }
    const pipelineId = body.pipeline_id;
    const stageId = body.pipeline_stage_id;
    if (typeof pipelineId === 'string' || typeof stageId === 'string') {
      const pipeline = store.pipelines.find((p) => p.id === pipelineId);
      if (typeof pipelineId === 'string' && !pipeline) {
        return apiError(
          422,
          'ConnectorExecutionError',
          `Unprocessable request: pipeline ${pipelineId} does not exist`,
          {
            field: 'pipeline_id',
          },
        );
      }
      const stages = (pipeline ? [pipeline] : store.pipelines).flatMap((p) => (p.stages as { id: string }[]) ?? []);
      if (typeof stageId === 'string' && !stages.some((s) => s.id === stageId)) {
        return apiError(
          422,
          'ConnectorExecutionError',
          `Unprocessable request: stage ${stageId} is not in the pipeline`,
          {
            field: 'pipeline_stage_id',
          },
        );
      }
    }
    return undefined;
  };

  const validBody = (
    resource: Resource,
    body: unknown,
    mode: 'create' | 'update',
  ): SimResponse | Record<string, unknown> => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return apiError(400, 'RequestValidationError', 'Invalid Params', 'The body must be a JSON object');
    }
    const missing: Record<string, string>[] = [];
    const invalid: Record<string, string>[] = [];
    const rules = RULES[resource];
    checkObject(
      rules.props,
      mode === 'create' ? rules.required : [],
      body as Record<string, unknown>,
      '',
      missing,
      invalid,
    );
    if (missing.length || invalid.length) return invalidParams({ missing, invalid });
    return checkReferences(body as Record<string, unknown>) ?? (body as Record<string, unknown>);
  };
  const isResponse = (x: SimResponse | Record<string, unknown>): x is SimResponse =>
    typeof (x as SimResponse).status === 'number' && 'body' in x;

  const create = (resource: Resource) =>
    authed((req) => {
      const body = validBody(resource, req.body, 'create');
      if (isResponse(body)) return body;
      const rec = add(resource, body);
      return envelope(resource, 'add', 201, { id: rec.id });
    });

  const update = (resource: Resource) =>
    authed((req) => {
      const rec = store[resource].find((r) => r.id === req.params.id);
      if (!rec)
        return apiError(
          404,
          'EntityNotFoundError',
          'Unknown Resource',
          `Could not find ${resource} with id ${req.params.id}`,
        );
      const body = validBody(resource, req.body, 'update');
      if (isResponse(body)) return body;
      // PATCH is a partial update (apideck-crm.md §1.1): a field the body leaves out keeps its value.
      // A field it carries is replaced whole, lists included: the document describes no merging of
      // list items, so `emails: [one]` leaves the record with that one email.
      Object.assign(rec, body, { updated_at: now() });
      return envelope(resource, 'update', 200, { id: rec.id });
    });

  const getOne = (resource: Resource) =>
    authed((req) => {
      const rec = store[resource].find((r) => r.id === req.params.id);
      if (!rec)
        return apiError(
          404,
          'EntityNotFoundError',
          'Unknown Resource',
          `Could not find ${resource} with id ${req.params.id}`,
        );
      return envelope(resource, 'one', 200, rec);
    });

  for (const resource of ['contacts', 'companies', 'opportunities', 'leads', 'notes', 'activities'] as const) {
    server
      .route('GET', `/crm/${resource}`, list(resource))
      .route('POST', `/crm/${resource}`, create(resource))
      .route('GET', `/crm/${resource}/:id`, getOne(resource))
      .route('PATCH', `/crm/${resource}/:id`, update(resource));
  }
  server.route('GET', '/crm/pipelines', list('pipelines')).route('GET', '/crm/users', list('users'));

  return { server, store, seeded: { elon, gwynne, spacex, rocket, lead, elonUser, salesPipeline, renewals } };
};

export type ApideckSimulator = ReturnType<typeof createApideckSimulator>;
