import { appRunner, type FlatObject } from '@crm-zapier/kit';
import { failureOf, makeBundle, operationRunner, type RunOptions } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';
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
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — cursor is invalid',
    );
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
