import { objectId } from '../../server';

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

export const USER = {
  user_id: '4f2acc3142a053dda595f00b',
  company_id: '4c2118ad54397f271b000000',
  company_size: 3,
  name: 'Daniel Reyes',
  email: 'daniel@summitsoftware.com',
};
export const SHORT_USER = {
  user_id: USER.user_id,
  name: USER.name,
  email: USER.email,
  avatar_url: `https://app.nimble.com/api/users/avatars/${USER.user_id}`,
  is_active: true,
};

export const SCOPES = ['basic', 'contacts', 'deals'] as const;
export type Scope = (typeof SCOPES)[number];

/** Nimble's timestamp form: `2012-09-07T16:49:56+0000`. */
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

export interface StoredValue {
  value: string;
  modifier: string;
  is_primary?: boolean;
}
export interface StoredContact {
  id: string;
  record_type: 'person' | 'company';
  createdMs: number;
  updatedMs: number;
  owner_id: string | null;
  fields: Record<string, StoredValue[]>;
  tags: string[];
}
export interface Stage {
  stage_id: string;
  name: string;
  default_probability: number | null;
  archived_at: string | null;
  /** `role.name`: a final stage is the won or the lost one (`role.is_final`). */
  role: 'regular' | 'won' | 'lost';
}
export interface PipelineDef {
  pipeline_id: string;
  name: string;
  default_currency: string;
  archived_at: string | null;
  stages: Stage[];
}
export interface StoredDeal {
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
interface Grant {
  scopes: Scope[];
  expiresAt: number;
}

/** An update's time: now, and always after the last one (Updated triggers tell versions apart by it). */
export const touched = (updatedMs: number) => Math.max(Date.now(), updatedMs + 1000);

const minutesAgo = (m: number) => Date.now() - m * 60_000;

const stage = (
  stage_id: string,
  name: string,
  default_probability: number | null,
  role: Stage['role'] = 'regular',
) => ({
  stage_id,
  name,
  default_probability,
  archived_at: null,
  role,
});

/** The sandbox account: the user, three contacts, two pipelines (one archived) and a deal. */
export const createNimbleStore = (options: NimbleSimulatorOptions) => {
  const contacts: StoredContact[] = [];
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
  const maria = addContact(
    'person',
    {
      'first name': [{ value: 'Maria', modifier: '' }],
      'last name': [{ value: 'Lopez', modifier: '' }],
      email: [{ value: 'maria.lopez@outlook.com', modifier: 'personal' }],
      phone: [
        { value: '+1 415 555 0142', modifier: 'mobile' },
        { value: '+1 415 555 0199', modifier: 'home' },
      ],
      // The guide's own read example writes an address with Python-style single quotes.
      address: [
        {
          value: "{'city': 'San Francisco', 'street': '1250 Valencia St', 'zip': '94110', 'country': 'United States'}",
          modifier: 'home',
        },
      ],
      source: [{ value: 'csv', modifier: '' }],
    },
    minutesAgo(3 * 24 * 60),
    ['csv import'],
  );
  maria.updatedMs = minutesAgo(60);
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
        stage('62fd6587048065ca3510c6d5', 'Qualified', 20),
        stage('62fd6587048065ca3510c6d6', 'Proposal', null),
        { ...stage('62fd6587048065ca3510c6d7', 'Old stage', 10), archived_at: stamp(minutesAgo(9000)) },
        stage('62fd6587048065ca3510c6d8', 'Won', 100, 'won'),
        stage('62fd6587048065ca3510c6d9', 'Lost', 0, 'lost'),
      ],
    },
    {
      pipeline_id: '630f34cfa34058dea76c0c0f',
      name: 'Partners (archived)',
      default_currency: 'EUR',
      archived_at: stamp(minutesAgo(90_000)),
      stages: [stage('62fd6587048065ca3510c6e1', 'Intro', 10)],
    },
  ];
  const deals: StoredDeal[] = [
    {
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
    },
  ];

  return {
    options,
    contacts,
    addContact,
    contactById: (id: string | undefined) => contacts.find((c) => c.id === id),
    notes: [] as Record<string, unknown>[],
    tasks: [] as Record<string, unknown>[],
    deals,
    dealNotes: [] as (Record<string, unknown> & { deal_id: string })[],
    pipelines,
    seeded: { maria, nimbleCo, jon },
    /** OAuth grants: authorization codes, access tokens, refresh tokens. */
    codes: new Map<string, Grant & { redirectUri: string }>(),
    accessTokens: new Map<string, Grant>(),
    refreshTokens: new Map<string, { redirectUri: string; scopes: Scope[] }>(),
  };
};

export type NimbleStore = ReturnType<typeof createNimbleStore>;
