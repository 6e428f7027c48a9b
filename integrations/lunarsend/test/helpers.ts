import { appRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { FlatObject } from '@crm-zapier/kit';
import type { Bundle, Create, InferInputData, InputFields, Search, Trigger } from 'zapier-platform-core';
import App from '../index';

export const ORIGIN = 'https://lunarsend.com';
export const BASE = '/api/v2';
/** Sentinel credentials: they must never appear in an error or an output. */
export const AUTH = { api_key: 'ls-SENTINEL-key-5b9e2d71' };
export const CONTACT_ID = '150c081d-5d5f-401d-abd1-727c35222054';
export const USER_ID = '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41';

/** nock scope that only matches requests carrying the API key header and asking for JSON. */
export const api = () => nock(ORIGIN, { reqheaders: { 'x-api-key': AUTH.api_key, accept: 'application/json' } });

/** A LunarSend error body: `{ error: "<code>", message: "<text>" }`. */
export const lunarError = (error: string, message: string) => ({ error, message });

/* ---------- typed runner (stand-in for the kit's operationRunner until it lands) ---------- */

interface RunOptions {
  /** Input keys or values the fields do not declare (what a user could still send). */
  extra?: Record<string, unknown>;
  meta?: Partial<Bundle['meta']>;
}

const runMethod = appRunner(App);
const perform = (path: string, input: object, { extra = {}, meta = {} }: RunOptions) =>
  runMethod(path, makeBundle(AUTH, { ...input, ...extra }, meta));

/** Runs one operation the way a Zap does; its input is typed by the operation's fields. */
export const run = {
  create: <F extends InputFields>(
    op: Create<string, F>,
    input: Partial<InferInputData<F>> = {},
    options: RunOptions = {},
  ) => perform(`creates.${op.key}.operation.perform`, input, options) as Promise<FlatObject>,
  search: <F extends InputFields>(
    op: Search<string, F>,
    input: Partial<InferInputData<F>> = {},
    options: RunOptions = {},
  ) => perform(`searches.${op.key}.operation.perform`, input, options) as Promise<FlatObject[]>,
  trigger: <F extends InputFields>(
    op: Trigger<string, F>,
    input: Partial<InferInputData<F>> = {},
    options: RunOptions = {},
  ) => perform(`triggers.${op.key}.operation.perform`, input, options) as Promise<FlatObject[]>,
};

/** Requests nock saw that no interceptor expected, since the test began. */
const unexpected: string[] = [];
nock.emitter.on('no match', (req: { method?: string; path?: string }) => unexpected.push(`${req.method} ${req.path}`));
beforeEach(() => {
  unexpected.length = 0;
});

/** After a bad-input check (no interceptor set up): nock saw no request at all. */
export const expectNothingSent = (): void => {
  expect(unexpected).toEqual([]);
};
