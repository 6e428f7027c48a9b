import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle, operationRunner } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';
import { CONTACT_FIELDS, PIPELINE } from '../src/samples';
import { useContract } from './contract';

export const ORIGIN = 'https://app.nimble.com';
export const REDIRECT_URI = 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/';
/** Sentinel secrets: they must never appear in an error or an output. */
export const CLIENT = { id: 'nb-client-id-5a1f', secret: 'nb-SENTINEL-client-secret-93e1' };
export const AUTH = {
  access_token: 'nb-SENTINEL-access-token-7f3a9c',
  refresh_token: 'nb-SENTINEL-refresh-token-2b8d1e',
  redirect_uri: REDIRECT_URI,
};
const SECRETS = [CLIENT.secret, AUTH.access_token, AUTH.refresh_token];

export const CONTACT_ID = '5049fb849b85f669e40000dc';
export const USER_ID = '4f2acc3142a053dda595f00b';

/** The integration's environment, as `zapier-platform env:set` would give it; no sandbox override. */
const ENV_KEYS = ['CLIENT_ID', 'CLIENT_SECRET', 'NIMBLE_BASE_URL', 'NIMBLE_AUTH_URL', 'REDIRECT_URI'];

export const useEnv = (): void => {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  beforeEach(() => {
    process.env.CLIENT_ID = CLIENT.id;
    process.env.CLIENT_SECRET = CLIENT.secret;
    delete process.env.NIMBLE_BASE_URL;
    delete process.env.NIMBLE_AUTH_URL;
    delete process.env.REDIRECT_URI;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
};

/** Typed runs of the app's operations, connected as AUTH (a runner keeps one `z.cache` for all its runs). */
export const runner = (authData: Record<string, string> = AUTH) => operationRunner(App, authData);

/** Runs any method of the app by its path (authentication, dynamic fields). */
export const runMethod = appRunner(App);
/** What the authentication methods read from `inputData`: the OAuth2 redirect's values, or the auth test's output. */
type AuthInput = { code?: string; redirect_uri?: string; state?: string; name?: string; email?: string };
export const bundle = (
  inputData: AuthInput = {},
  meta: Partial<Bundle['meta']> = {},
  authData: Record<string, string> = AUTH,
) => makeBundle(authData, inputData, meta);

/**
 * The fields an operation's dynamic `inputFields`/`outputFields` give (`creates.create_contact`),
 * for a form filled in with `inputData` (a picked Pipeline, say).
 */
const fieldsOf = async (
  path: string,
  inputData: Record<string, unknown> = {},
): Promise<{ key: string; [k: string]: unknown }[]> => {
  const fields = await runMethod(path, makeBundle(AUTH, inputData));
  if (!Array.isArray(fields)) throw new Error(`${path} gave no list`);
  return fields.filter((f): f is { key: string } => typeof f?.key === 'string');
};
export const inputFieldsOf = (operation: string, inputData: Record<string, unknown> = {}) =>
  fieldsOf(`${operation}.operation.inputFields`, inputData);
export const outputFieldsOf = (operation: string) => fieldsOf(`${operation}.operation.outputFields`);

/**
 * Every request the API scopes below answer (method, path, query, body) and every success answer
 * they give is checked against Nimble's OpenAPI document; a violation fails the test (see
 * `contract.ts`). Registered once per test file that imports these helpers.
 */
const contract = useContract();

const authorized = () =>
  nock(ORIGIN, { reqheaders: { authorization: `Bearer ${AUTH.access_token}`, accept: 'application/json' } });

/** nock scope that only matches requests with the Bearer token and asking for JSON, checked against the spec. */
export const api = () => contract.watch(authorized());

/** The same without the contract check: for answers the spec does not allow (a wrong shape, a redirect). */
export const offContract = authorized;

/** Nimble's list envelope. */
export const listing = (resources: unknown[]) => ({
  meta: { page: 1, pages: 1, per_page: 50, total: resources.length },
  resources,
});

/** Asserts an error shows none of the secrets. */
export const expectNoSecret = (text: string): void => {
  for (const s of SECRETS) expect(text).not.toContain(s);
};

/** The error code core gives an app error (`z.errors.Error(message, code, status)`). */
export const codeOf = (err: { raw: string }): unknown => {
  try {
    return (JSON.parse(err.raw) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
};

/**
 * A write that may have reached Nimble is never replayed: a 500 (answered once, so a retry would find
 * no interceptor) is OutcomeUnknown. A 302 is not followed: the error names the host, and nothing is
 * sent there.
 */
export const expectWriteSafety = async (
  intercept: () => nock.Interceptor,
  send: () => Promise<unknown>,
): Promise<void> => {
  intercept().once().reply(500, { message: 'Internal error' });
  const failed = await failureOf(send());
  expect(codeOf(failed)).toBe('OutcomeUnknown');
  expect(failed.message).toMatch(/^Nimble had a problem on its side: Internal error, so the change may or may not/);

  intercept().reply(302, '', { Location: 'https://elsewhere.example.net/steal' });
  const redirected = await failureOf(send());
  expect(codeOf(redirected)).toBe('Redirect');
  expect(redirected.message).toMatch(/^Nimble answered with a redirect to elsewhere\.example\.net\./);
};

/** The standard deal fields, with the ids Create Deal and Update Deal key `fields_values` by. */
export const STANDARD_FIELDS = {
  standard_fields: [
    { field_id: 'f-name', field_name: 'name', field_type: 'string' },
    { field_id: 'f-amount', field_name: 'amount', field_type: 'number' },
    { field_id: 'f-probability', field_name: 'probability', field_type: 'number' },
    { field_id: 'f-close', field_name: 'expected_close_date', field_type: 'string' },
    { field_id: 'f-description', field_name: 'description', field_type: 'string' },
  ],
  pipelines_tabs: [],
};

/** The Partners pipeline (another pipeline of the account, with its own custom deal fields). */
export const PARTNERS_ID = '630f34cfa34058dea76c0c0f';

const dealField = (pipeline_id: string, field_id: string, field_name: string, field_type: string) => ({
  type: 'field',
  pipeline_id,
  field: { field_id, field_name, field_type, modifier: '', multiples: false, available_actions: 'edit_all' },
});
/**
 * `GET /api/v2/deals/fields` for an account with custom deal fields (nimble.md §12, D13): the standard
 * fields, and per pipeline a tab of fields and groups (`field_type` a string, as the document types
 * it). Sales has one field of each writable kind, a drop-down without options and an address (neither
 * can be set from a Zap), and a "Region" that Partners also has (another field, another id).
 */
export const DEAL_FIELDS = {
  standard_fields: STANDARD_FIELDS.standard_fields,
  pipelines_tabs: [
    {
      tab_id: 't-sales',
      tab_name: 'Details',
      pipeline_id: PIPELINE.pipeline_id,
      members: [
        dealField(PIPELINE.pipeline_id, 'f-name', 'name', 'string'),
        dealField(PIPELINE.pipeline_id, 'c-length', 'Contract length', 'number'),
        {
          type: 'group',
          group_name: 'Renewal',
          group_id: 'g-renewal',
          logo_id: 'l1',
          fields: [
            dealField(PIPELINE.pipeline_id, 'c-renewal', 'Renewal date', 'datetime'),
            dealField(PIPELINE.pipeline_id, 'c-auto', 'Auto-renew', 'boolean'),
          ],
        },
        dealField(PIPELINE.pipeline_id, 'c-manager', 'Account manager', 'user'),
        dealField(PIPELINE.pipeline_id, 'c-notes', 'Handover notes', 'long_string'),
        dealField(PIPELINE.pipeline_id, 'c-region', 'Region', 'string'),
        dealField(PIPELINE.pipeline_id, 'c-source', 'Lead source', 'choice'),
        dealField(PIPELINE.pipeline_id, 'c-office', 'Office', 'address'),
      ],
    },
    {
      tab_id: 't-partners',
      tab_name: 'Partner',
      pipeline_id: PARTNERS_ID,
      members: [
        dealField(PARTNERS_ID, 'p-region', 'Region', 'string'),
        dealField(PARTNERS_ID, 'p-tier', 'Partner tier', 'string'),
      ],
    },
  ],
};

/** The custom fields of Sales (DEAL_FIELDS) a Zap can fill, as Create Deal's form shows them. */
export const SALES_CUSTOM_INPUTS = (leave: 'skip it' | 'keep its value') => [
  {
    key: 'fields__contract_length',
    label: 'Contract length',
    required: false,
    type: 'number',
    helpText: `A number: the deal's "Contract length" field in Nimble. Leave empty to ${leave}.`,
  },
  {
    key: 'fields__renewal_date',
    label: 'Renewal date',
    required: false,
    type: 'datetime',
    helpText: `A date and time (sent with your Zap's time zone offset): the deal's "Renewal date" field in Nimble. Leave empty to ${leave}.`,
  },
  {
    key: 'fields__auto_renew',
    label: 'Auto-renew',
    required: false,
    type: 'boolean',
    helpText: `Yes or no: the deal's "Auto-renew" field in Nimble. Leave empty to ${leave}.`,
  },
  {
    key: 'fields__account_manager',
    label: 'Account manager',
    required: false,
    dynamic: 'list_users.id.name',
    helpText: `A Nimble user: the deal's "Account manager" field in Nimble. Leave empty to ${leave}.`,
  },
  {
    key: 'fields__handover_notes',
    label: 'Handover notes',
    required: false,
    type: 'text',
    helpText: `Text: the deal's "Handover notes" field in Nimble. Leave empty to ${leave}.`,
  },
  {
    key: 'fields__region',
    label: 'Region',
    required: false,
    helpText: `Text: the deal's "Region" field in Nimble. Leave empty to ${leave}.`,
  },
];

/** Stage ids of SALES, one of each kind nimble.md §12.3 tells apart. */
export const STAGE = {
  qualified: PIPELINE.stages[0]!.stage_id,
  proposal: '62fd6587048065ca3510c6d6',
  old: '62fd6587048065ca3510c6d7',
  won: '62fd6587048065ca3510c6d8',
  lost: '62fd6587048065ca3510c6d9',
};
const stage = (stage_id: string, name: string, default_probability: number | null, role: string, archived = false) => ({
  ...PIPELINE.stages[0]!,
  stage_id,
  name,
  default_probability,
  role: { name: role, is_final: role === 'won' || role === 'lost' },
  archived_at: archived ? '2023-01-01T00:00:00+0000' : null,
});
/** The Sales pipeline: Qualified (20%), Proposal (no default probability), an archived stage, Won and Lost. */
export const SALES = {
  ...PIPELINE,
  stages: [
    PIPELINE.stages[0]!,
    stage(STAGE.proposal, 'Proposal', null, 'regular'),
    stage(STAGE.old, 'Old stage', 10, 'regular', true),
    stage(STAGE.won, 'Won', 100, 'won'),
    stage(STAGE.lost, 'Lost', 0, 'lost'),
  ],
};

/** `CONTACT` (samples.ts) as every contact operation outputs it: pinned here, not computed by map.ts. */
export const FLAT_CONTACT = {
  id: CONTACT_ID,
  record_type: 'person',
  name: 'Maria Lopez',
  first_name: 'Maria',
  last_name: 'Lopez',
  middle_name: null,
  company_name: 'Brightwave Analytics',
  title: 'Sales Director',
  email: 'maria.lopez@brightwave.io',
  emails: ['maria.lopez@brightwave.io', 'maria.lopez@outlook.com'],
  email_work: 'maria.lopez@brightwave.io',
  email_personal: 'maria.lopez@outlook.com',
  email_other: null,
  phone: '+1 415 555 0142',
  phones: ['+1 415 555 0142', '+1 415 555 0187'],
  phone_mobile: '+1 415 555 0142',
  phone_work: '+1 415 555 0187',
  phone_home: null,
  phone_main: null,
  phone_other: null,
  website: 'https://brightwave.io',
  websites: ['https://brightwave.io'],
  address_type: 'work',
  address_street: '500 Howard St, Suite 300',
  address_city: 'San Francisco',
  address_state: 'CA',
  address_zip: '94105',
  address_country: 'United States',
  birthday: null,
  domain: null,
  description: null,
  tags: ['webinar lead'],
  owner_id: USER_ID,
  avatar_url: 'https://app.nimble.com/api/contacts/avatars/5049fb849b85f669e40000dc',
  creator: 'Daniel Reyes',
  updater: 'Daniel Reyes',
  created: '2024-03-12T16:49:56+0000',
  updated: '2024-03-14T09:05:12+0000',
  fields__source: 'csv',
  'fields__lead status': '3',
  'fields__lead status__label': 'Qualified',
};

/** `DEAL` (samples.ts) as every deal operation outputs it. */
export const FLAT_DEAL = {
  id: '65958d7ef2e8748e6361dd00',
  deal_number: 42,
  name: 'Brightwave annual plan',
  amount: 24000,
  currency: 'USD',
  probability: 20,
  description: '40 seats, billed yearly',
  expected_close_date: '2024-03-31',
  actual_close_date: null,
  pipeline_id: '630f34cfa34058dea76c0c0e',
  pipeline_name: 'Sales',
  stage_id: '62fd6587048065ca3510c6d5',
  stage_name: 'Qualified',
  owner_id: USER_ID,
  owner_name: 'Daniel Reyes',
  owner_email: 'daniel@summitsoftware.com',
  contact_ids: [CONTACT_ID],
  contact_names: ['Maria Lopez'],
  tags: ['renewal'],
  age_in_days: 2,
  created: '2024-01-03T10:00:00+0000',
  updated: '2024-01-05T12:00:00+0000',
};

/**
 * The contact fields metadata, read (once per runner: it is kept in z.cache) to label a contact's
 * drop-down fields. Optional: a runner that read it in an earlier test has it cached.
 */
export const contactFieldsMeta = () => api().get('/api/v1/contacts/fields').optionally().reply(200, CONTACT_FIELDS);

/** The keys of an output without its account-specific `fields__…` ones: what the static sample must have. */
export const staticKeys = (out: object): string[] => Object.keys(out).filter((k) => !k.startsWith('fields__'));
