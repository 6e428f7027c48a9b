import { appRunner, type FlatObject } from '@crm-zapier/kit';
import { failureOf, makeBundle, operationRunner, type RunOptions } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';
import { USER } from '../src/samples';
import { allowOffContractReplies, record, recordedProblems } from './contract';

export const ORIGIN = 'https://unify.apideck.com';
/** Sentinel credentials: the key and app id must never appear in an error or an output. */
export const AUTH = {
  api_key: 'sk_live_SENTINEL_apideck_9f3a7c',
  app_id: 'app-SENTINEL-4d2b',
  consumer_id: 'consumer-42',
};
export const AUTH_WITH_SERVICE = { ...AUTH, service_id: 'pipedrive' };

/** Runs any app method by its path (`authentication.test`, `triggers.x.operation.performSubscribe`). */
export const runMethod = appRunner(App);

const kitRunner = operationRunner(App, AUTH);

/**
 * The kit's typed runners: input typed by each operation's input fields, flat outputs. Triggers go
 * through `runMethod` for now: core types a trigger's operation as a union that includes
 * hook-to-poll (no `perform`), which the kit's `Operation` type refuses. Apideck's triggers take no
 * static inputs (a dropdown's `pipeline_id` is dynamic, so it goes in `extra` anyway).
 */
export const run = {
  create: kitRunner.create,
  search: kitRunner.search,
  trigger: (op: { key: string }, input: Record<string, never>, options: RunOptions = {}) =>
    runMethod(
      `triggers.${op.key}.operation.perform`,
      makeBundle(AUTH, { ...input, ...options.extra }, options.meta, options.bundle),
    ) as Promise<FlatObject[]>,
};

export const bundle = (
  inputData: Record<string, unknown> = {},
  meta: Partial<Bundle['meta']> = {},
  auth: Record<string, string> = AUTH,
) => makeBundle(auth, inputData, meta);

/**
 * nock scope that only matches requests carrying Apideck's headers for `auth` — and no service
 * header unless `auth` has a service id — and asking for JSON.
 */
export const api = (auth: Record<string, string> = AUTH) => {
  const scope = nock(ORIGIN, {
    reqheaders: {
      authorization: `Bearer ${auth.api_key}`,
      'x-apideck-app-id': auth.app_id!,
      'x-apideck-consumer-id': auth.consumer_id!,
      accept: 'application/json',
      ...(auth.service_id ? { 'x-apideck-service-id': auth.service_id } : {}),
    },
    badheaders: auth.service_id ? [] : ['x-apideck-service-id'],
  });
  record(scope);
  return scope;
};

/**
 * The contract check of every nock test that imports these helpers: after each test, every request
 * the app sent through `api()` (method, path, query, headers, body), and every literal reply the test
 * gave, must conform to Apideck's OpenAPI document.
 */
afterEach(async () => {
  expect(await recordedProblems()).toEqual([]);
});

/** The query of a request path, as a plain object, to compare exactly (`filter[email]` as is). */
export const queryOf = (uri: string): Record<string, string> =>
  Object.fromEntries(new URL(uri, ORIGIN).searchParams.entries());

/** A list answer in Apideck's envelope. */
export const listBody = (resource: string, data: unknown[], next: string | null = null) => ({
  status_code: 200,
  status: 'OK',
  service: 'pipedrive',
  resource,
  operation: 'all',
  data,
  meta: { items_on_page: data.length, cursors: { previous: null, current: 'Y3VycmVudA==', next } },
  links: {
    previous: null,
    current: `${ORIGIN}/crm/${resource}`,
    next: next ? `${ORIGIN}/crm/${resource}?cursor=${next}` : null,
  },
});

/** A create/update answer in Apideck's envelope. */
export const idBody = (resource: string, id: string, operation: 'add' | 'update' = 'add') => ({
  status_code: operation === 'add' ? 201 : 200,
  status: operation === 'add' ? 'Created' : 'OK',
  service: 'pipedrive',
  resource,
  operation,
  data: { id },
});

/** A one-record answer in Apideck's envelope. */
export const oneBody = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'pipedrive',
  resource,
  operation: 'one',
  data,
});

/** Apideck's error body. */
export const errorBody = (status: number, typeName: string, message: string, detail?: unknown) => ({
  status_code: status,
  error:
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      402: 'Payment Required',
      404: 'Not Found',
      422: 'Unprocessable Entity',
      429: 'Too Many Requests',
    }[status] ?? 'Error',
  type_name: typeName,
  message,
  ...(detail !== undefined ? { detail } : {}),
  ref: `https://developers.apideck.com/errors#${typeName.toLowerCase()}`,
});

/** Two pipelines as Apideck lists them, the stages out of display order (the stages dropdown sorts them). */
export const PIPELINES = [
  {
    id: 'default',
    name: 'Sales Pipeline',
    stages: [
      { id: 'contractsent', name: 'Contract Sent', display_order: 2 },
      { id: 'appointment', name: 'Appointment', display_order: 1 },
    ],
  },
  { id: 'renewals', name: 'Renewals', stages: [{ id: 'due', name: 'Due', display_order: 1 }] },
];

/**
 * The failures of a dropdown that reads `/crm/pipelines` (List Pipelines, List Pipeline Stages): a 4xx
 * is shown with Apideck's text, and a pipeline without an id is a clear error.
 */
export const itShowsPipelinesFailures = (trigger: { key: string }) => {
  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/pipelines')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(trigger, {}));
    expect(err.message).toBe('Apideck rejected the request: Invalid Params — cursor is invalid');
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/pipelines')
      .query(true)
      .reply(200, listBody('pipelines', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(trigger, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
};

/** An operation's static input field by key, as the Zap editor gets it. */
export const fieldOf = (op: { operation: object }, key: string): Record<string, unknown> | undefined =>
  ((op.operation as { inputFields?: unknown[] }).inputFields ?? []).find(
    (f) => typeof f === 'object' && f !== null && (f as { key?: unknown }).key === key,
  ) as Record<string, unknown> | undefined;

/** The company picker every operation with one shows: by name, with the Find Company step beside it. */
export const COMPANY_PICKER = {
  key: 'company_id',
  label: 'Company',
  type: 'string',
  dynamic: 'list_companies.id.name',
  search: 'find_company.id',
};

/**
 * The user list a contact or company operation reads once for its owner's name (the pipeline list,
 * for a deal's pipeline and stage names), answered with the sample's owner (pipeline).
 */
export const usersAnswer = (auth: Record<string, string> = AUTH) =>
  api(auth)
    .get('/crm/users')
    .query({ limit: '200' })
    .reply(200, listBody('users', [USER]));

/** Vault's list of a connection's custom fields (apideck-vault.openapi.yml `GetCustomFieldsResponse`). */
export const customFieldsBody = (data: unknown[]) => ({ status_code: 200, status: 'OK', data });

/**
 * A Pipedrive connection's custom fields as Vault lists them: Pipedrive keys custom fields by a
 * 40-hex hash, and names them. One without a name (labelled by its id) and one listed twice (shown once).
 */
export const VAULT_CUSTOM_FIELDS = [
  {
    id: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
    name: 'Region',
    description: 'Sales region of the account',
    value: 'EMEA',
    finder: '$.dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
  },
  {
    id: '5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80',
    name: 'Customer Since',
    description: null,
    value: '2019-04-01',
    finder: '$.5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80',
  },
  {
    id: '9ab0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8',
    name: null,
    description: null,
    value: 12,
    finder: '$.9ab0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8',
  },
  {
    id: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
    name: 'Region',
    description: 'Sales region of the account',
    value: 'EMEA',
    finder: '$.dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
  },
];

/** The inputs the editor shows for VAULT_CUSTOM_FIELDS. */
export const CUSTOM_FIELD_INPUTS = [
  {
    key: 'custom_fields__dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
    label: 'Region',
    required: false,
    helpText:
      'Sales region of the account. Custom field `dcf558aac1ae4e8c4f849ba5e668430d8df9be12`. Leave empty to skip it.',
  },
  {
    key: 'custom_fields__5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80',
    label: 'Customer Since',
    required: false,
    helpText: 'Custom field `5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80`. Leave empty to skip it.',
  },
  {
    key: 'custom_fields__9ab0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8',
    label: '9ab0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8',
    required: false,
    helpText: 'Custom field `9ab0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8`. Leave empty to skip it.',
  },
];

/** The free custom-field input the editor shows when the connection's list is empty or cannot be read. */
export const OTHER_CUSTOM_FIELDS_INPUT = {
  key: 'other_custom_fields',
  label: 'Custom Fields',
  dict: true,
  required: false,
  helpText:
    "Custom fields to set: on the left the field's ID in your CRM (e.g. `Score__c` in Salesforce, the property's internal name in HubSpot), on the right its value. Rows left empty are not sent.",
};

type Op = { key: string; operation: { inputFields?: readonly unknown[] } };

/** The fields the editor shows for `op` that are not among its static ones: its custom-field inputs. */
export const customInputsOf = async (op: Op, auth: Record<string, string> = AUTH) => {
  const own = new Set(
    (op.operation.inputFields ?? []).flatMap((f) =>
      typeof f === 'object' && f !== null ? [(f as { key: string }).key] : [],
    ),
  );
  const fields = (await runMethod(`creates.${op.key}.operation.inputFields`, bundle({}, {}, auth))) as {
    key: string;
  }[];
  return fields.filter((f) => !own.has(f.key));
};

/**
 * The editor of a create or update operation on `resource`: one input per custom field Vault lists
 * for the connection's connector (`GET /vault/connections/crm/{service_id}/{resource}/custom-fields`,
 * one request when the connection names its Service ID), else the free "Custom Fields" input.
 */
export const itShowsCustomFieldInputs = (op: Op, resource: string) => {
  it(`shows one input per custom field Vault lists for the connection's ${resource}: one request`, async () => {
    api(AUTH_WITH_SERVICE)
      .get(`/vault/connections/crm/pipedrive/${resource}/custom-fields`)
      .reply(200, customFieldsBody(VAULT_CUSTOM_FIELDS));
    expect(await customInputsOf(op, AUTH_WITH_SERVICE)).toEqual(CUSTOM_FIELD_INPUTS);
  });

  it('shows the free Custom Fields input when Vault lists none', async () => {
    api(AUTH_WITH_SERVICE)
      .get(`/vault/connections/crm/pipedrive/${resource}/custom-fields`)
      .reply(200, customFieldsBody([]));
    expect(await customInputsOf(op, AUTH_WITH_SERVICE)).toEqual([OTHER_CUSTOM_FIELDS_INPUT]);
  });
};
