import { appRunner, type FlatObject } from '@crm-zapier/kit';
import { expectNothingSent, failureOf, makeBundle, operationRunner, type RunOptions } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { InferInputData, InputField } from 'zapier-platform-core';
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

interface PollingTrigger {
  key: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- core's own constraint (InferInputData)
  operation: { inputFields?: readonly InputField<any>[] };
}

/**
 * Polling triggers, typed from their input fields: the kit's runner does not take core's Trigger
 * type yet (its hook-to-poll member has no `perform`).
 */
const trigger = <T extends PollingTrigger>(
  op: T,
  input: Partial<InferInputData<NonNullable<T['operation']['inputFields']>>>,
  { extra = {}, meta = {} }: RunOptions = {},
) =>
  method(`triggers.${op.key}.operation.perform`, makeBundle(AUTH, { ...input, ...extra }, meta)) as Promise<
    FlatObject[]
  >;

/** Runs operations through core's runtime, input typed by each operation's own input fields. */
export const run = { ...operationRunner(App, AUTH), trigger };

/** Runs any other method of the app by its path (`authentication.test`, `creates.x.operation.inputFields`). */
export const runMethod = (path: string, inputData: Record<string, unknown> = {}) =>
  method(path, makeBundle(AUTH, inputData));

/** The AppError code a failure carries (core serialises it in the message's JSON). */
const codeOf = (raw: string): unknown => {
  try {
    return (JSON.parse(raw) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
};

/** Where the redirect tests point: a host nock does not answer, so a followed redirect would show. */
const ELSEWHERE = { Location: 'https://elsewhere.example/api/v1/zapier/stolen' };

/** A write that failed after it may have reached NetHunt: a plain error saying so, never retried. */
const expectOutcomeUnknown = async (promise: Promise<unknown>) => {
  const err = await failureOf(promise);
  expect({ name: err.name, code: codeOf(err.raw) }).toEqual({ name: 'AppError', code: 'OutcomeUnknown' });
  expect(err.message).toMatch(/^NetHunt CRM had a problem on its side.*may or may not have been made/);
};

/** The redirect a write was answered with is refused, naming the host, and nothing follows it there. */
const expectRedirectRefused = async (promise: Promise<unknown>) => {
  const err = await failureOf(promise);
  expect({ name: err.name, code: codeOf(err.raw) }).toEqual({ name: 'AppError', code: 'Redirect' });
  expect(err.message).toMatch(/^NetHunt CRM answered with a redirect to elsewhere\.example\. /);
  // Nothing went to the host it pointed to: that request would have been an unmatched one.
  expectNothingSent();
};

/** A folder's own keys: the sample shows a Contacts folder's, a user's folder has its own. */
const PER_FOLDER = /^(fields|field_actions)__/;

/** Every key of the operation's static sample is in a live output (Zapier's T004), but the folder's own. */
export const expectSampleKeys = (op: { operation: { sample?: object } }, output: object) =>
  expect(Object.keys(output)).toEqual(
    expect.arrayContaining(Object.keys(op.operation.sample ?? {}).filter((k) => !PER_FOLDER.test(k))),
  );

/**
 * The two tests of every write: a 500 is OutcomeUnknown and not retried (`.once()`: a retry would be
 * unmatched), a 302 is refused and not followed. `write` sets up what the operation reads first and
 * returns the write's interceptor; `send` runs the operation; `mayHave` says what the 500 leaves unknown.
 */
export const itRefusesUnsafeOutcomes = (
  mayHave: string,
  write: () => nock.Interceptor,
  send: () => Promise<unknown>,
) => {
  it(`does not retry a 500: ${mayHave}`, async () => {
    write().once().reply(500, 'Internal error', TEXT);
    await expectOutcomeUnknown(send());
  });

  it('does not follow a redirect', async () => {
    write().reply(302, '', ELSEWHERE);
    await expectRedirectRefused(send());
  });
};

/** The record picker of an operation: the folder first, then the record from a dropdown linked to Find Record. */
export const expectFolderThenRecord = (
  fields: readonly unknown[] | undefined,
  folderDropdown = 'list_readable_folders.id.name',
  record: object = { required: true, search: 'find_record.id' },
) =>
  expect((fields ?? []).slice(0, 2)).toEqual([
    expect.objectContaining({ key: 'folder_id', label: 'Folder', dynamic: folderDropdown, altersDynamicFields: true }),
    expect.objectContaining({ key: 'record_id', label: 'Record', dynamic: 'list_recent_records.id.name', ...record }),
  ]);
