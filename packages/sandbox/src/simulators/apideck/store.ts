/**
 * The Apideck sandbox account: one consumer with one CRM connection (HubSpot), its records in
 * memory, and the listeners the webhook deliveries hang on.
 */

export const APIDECK_SANDBOX_CREDENTIALS = {
  api_key: 'sk_sandbox_apideck_key_0001',
  app_id: 'sandbox-app-id',
  consumer_id: 'test-consumer',
};
/** The one CRM connection the sandbox consumer has. */
export const APIDECK_SANDBOX_SERVICE = 'hubspot';

export type Rec = Record<string, unknown> & { id: string; created_at: string; updated_at: string };
export type Resource =
  'contacts' | 'companies' | 'opportunities' | 'leads' | 'notes' | 'activities' | 'pipelines' | 'users';

/** The resources with writes (and events), and the entity their events name (`crm.<entity>.<action>`). */
export const ENTITY_OF = {
  contacts: 'contact',
  companies: 'company',
  opportunities: 'opportunity',
  leads: 'lead',
  notes: 'note',
  activities: 'activity',
} as const;
export type WritableResource = keyof typeof ENTITY_OF;

/** A CRM event to deliver; the webhooks fill in the rest (`event_id`, `occurred_at` …). */
export interface SimEvent {
  entity: string;
  action: 'created' | 'updated' | 'deleted';
  id: string;
  consumer_id?: string;
  service_id?: string;
}

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

export const nowIso = () => new Date().toISOString();
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const pipeline = (
  id: string,
  name: string,
  order: number,
  probabilities: boolean,
  stages: [string, string, number][],
) => ({
  id,
  name,
  currency: 'USD',
  archived: false,
  active: true,
  display_order: order,
  win_probability_enabled: probabilities,
  stages: stages.map(([stageId, stageName, win_probability], i) => ({
    id: stageId,
    name: stageName,
    value: stageName.toUpperCase().replace(/ /g, '_'),
    win_probability,
    display_order: i + 1,
  })),
  created_at: ago(60 * 24 * 365),
  updated_at: ago(60 * 24 * 365),
});

/**
 * The store, seeded: users and pipelines as HubSpot has them, two companies, two contacts, a deal and
 * a lead; the first company, contact, deal and the lead carry custom fields as Apideck's examples do.
 */
export const createApideckStore = (options: ApideckSimulatorOptions) => {
  let seq = 10000;
  const records: Record<Resource, Rec[]> = {
    contacts: [],
    companies: [],
    opportunities: [],
    leads: [],
    notes: [],
    activities: [],
    pipelines: [],
    users: [],
  };
  const add = (resource: Resource, fields: Record<string, unknown>, createdAt = nowIso(), updatedAt = createdAt) => {
    seq += 1;
    const rec: Rec = { ...fields, id: String(seq), created_at: createdAt, updated_at: updatedAt };
    records[resource].push(rec);
    return rec;
  };

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
  const salesPipeline: Rec = pipeline('default', 'Sales Pipeline', 1, true, [
    ['appointmentscheduled', 'Appointment Scheduled', 20],
    ['contractsent', 'Contract Sent', 50],
    ['closedwon', 'Closed Won', 100],
  ]);
  const renewals: Rec = pipeline('renewals', 'Renewals', 2, false, [
    ['renewaldue', 'Renewal Due', 60],
    ['renewed', 'Renewed', 100],
  ]);
  records.pipelines.push(salesPipeline, renewals);
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
      date_stage_changed: ago(60 * 24),
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

  const listeners: ((event: SimEvent) => void)[] = [];
  return {
    options,
    records,
    add,
    seeded: { elon, gwynne, spacex, rocket, lead, elonUser, salesPipeline, renewals },
    /** The downstream rate-limit window (options.downstreamRateLimit). */
    rateWindow: { start: 0, used: 0 },
    /** Registers a listener for every record created, updated or deleted through the API. */
    onEvent: (listener: (event: SimEvent) => void) => void listeners.push(listener),
    emit: (event: SimEvent) => listeners.forEach((listener) => listener(event)),
  };
};

export type ApideckStore = ReturnType<typeof createApideckStore>;
