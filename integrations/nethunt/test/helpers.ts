import { appRunner, type FlatObject } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle, InferInputData, InputField } from 'zapier-platform-core';
import App from '../index';

export const ORIGIN = 'https://nethunt.com';
export const BASE = '/api/v1/zapier';
/** Sentinel credentials: they must never appear in an error or an output. */
export const AUTH = { username: 'jane.doe@example.com', password: 'nh-SENTINEL-key-7f3a9c' };
export const FOLDER = '596f710ef5be7653dee0da14';
export const RECORD_ID = '596f644b8f6d05e16c24b830';
export const TEXT = { 'Content-Type': 'text/plain' };

/** nock scope that only matches requests carrying the Basic header for AUTH and asking for JSON. */
export const api = () =>
  nock(ORIGIN, {
    reqheaders: {
      authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`,
      accept: 'application/json',
    },
  });

/**
 * The read that learns the folder's field types (the oldest records of the folder), answered with
 * `records`: `folder-field` gives names only (nethunt.md, "Field types and how to type values").
 */
export const typeSample = (records: unknown[], folder = FOLDER) =>
  api()
    .get(`${BASE}/triggers/new-record/${folder}`)
    .query({ since: '1970-01-01T00:00:00.000Z', limit: '25' })
    .reply(200, records);

const method = appRunner(App);

interface RunOptions {
  /** Keys of dynamic fields (`fields__Name`), which the static fields cannot type. */
  extra?: Record<string, unknown>;
  meta?: Partial<Bundle['meta']>;
}
interface Operation {
  key: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- core's own constraint (InferInputData)
  operation: { inputFields?: readonly InputField<any>[] };
}
type InputOf<O extends Operation> = Partial<InferInputData<NonNullable<O['operation']['inputFields']>>>;

const runner =
  <Output>(kind: 'triggers' | 'searches' | 'creates') =>
  <O extends Operation>(op: O, input: InputOf<O>, { extra = {}, meta = {} }: RunOptions = {}) =>
    method(`${kind}.${op.key}.operation.perform`, makeBundle(AUTH, { ...input, ...extra }, meta)) as Promise<Output>;

/** Runs an operation through core's lambda handler, its input typed by the operation's fields. */
export const run = {
  trigger: runner<FlatObject[]>('triggers'),
  search: runner<FlatObject[]>('searches'),
  create: runner<FlatObject>('creates'),
};

/** Runs any other method of the app by its path (`authentication.test`, `creates.x.operation.inputFields`). */
export const runMethod = (path: string, inputData: Record<string, unknown> = {}) =>
  method(path, makeBundle(AUTH, inputData));

let unmatched: string[] = [];
nock.emitter.on('no match', (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`));
beforeEach(() => {
  unmatched = [];
});

/**
 * No request went out that the test did not answer: in a bad-input check, which answers none, no
 * request at all (nock saw every request, and disallows the network).
 */
export const expectNothingSent = () => expect(unmatched).toEqual([]);

/** The AppError code a failure carries (core serialises it in the message's JSON). */
const codeOf = (raw: string): unknown => {
  try {
    return (JSON.parse(raw) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
};

/** A write that failed after it may have reached NetHunt: a plain error saying so, never retried. */
export const expectOutcomeUnknown = async (promise: Promise<unknown>) => {
  const err = await failureOf(promise);
  expect({ name: err.name, code: codeOf(err.raw) }).toEqual({ name: 'AppError', code: 'OutcomeUnknown' });
  expect(err.message).toMatch(/^NetHunt CRM had a problem \(HTTP 500\).*may or may not have been made/);
};

/** The redirect a write was answered with is refused, naming the host, and nothing follows it there. */
export const expectRedirectRefused = async (promise: Promise<unknown>) => {
  const err = await failureOf(promise);
  expect({ name: err.name, code: codeOf(err.raw) }).toEqual({ name: 'AppError', code: 'Redirect' });
  expect(err.message).toMatch(/^NetHunt CRM answered with a redirect \(HTTP 302\) to elsewhere\.example\. /);
  expect(unmatched).toEqual([]);
};

/** Where the redirect tests point: a host nock does not answer, so a followed redirect would show. */
export const ELSEWHERE = { Location: 'https://elsewhere.example/api/v1/zapier/stolen' };

/** Every key of the operation's static sample is in a live output (Zapier's T004). */
export const expectSampleKeys = (op: { operation: { sample?: object } }, output: object) =>
  expect(Object.keys(output)).toEqual(expect.arrayContaining(Object.keys(op.operation.sample ?? {})));
