import { appRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';

export const ORIGIN = 'https://lunarsend.com';
export const BASE = '/api/v2';
/** Sentinel credentials: they must never appear in an error or an output. */
export const AUTH = { api_key: 'ls-SENTINEL-key-5b9e2d71' };
export const CONTACT_ID = '150c081d-5d5f-401d-abd1-727c35222054';
export const USER_ID = '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41';

export const run = appRunner(App);
export const bundle = (inputData: Record<string, unknown> = {}, meta: Partial<Bundle['meta']> = {}) =>
  makeBundle(AUTH, inputData, meta);

/** nock scope that only matches requests carrying the API key header and asking for JSON. */
export const api = () => nock(ORIGIN, { reqheaders: { 'x-api-key': AUTH.api_key, accept: 'application/json' } });

/** A body-carrying request must say it is JSON. */
export const jsonBody = { 'content-type': 'application/json' };

/**
 * Records every request nock saw that no interceptor expected. With the net disabled, a bad-input
 * test that shows an empty list proves nothing was sent.
 */
export const watchRequests = () => {
  const seen: string[] = [];
  const listener = (req: { method?: string; path?: string }) => seen.push(`${req.method} ${req.path}`);
  nock.emitter.on('no match', listener);
  return {
    seen,
    stop: () => {
      nock.emitter.removeListener('no match', listener);
    },
  };
};

/** The keys of a result, sorted: perform's output must have exactly the sample's keys. */
export const keysOf = (o: unknown) => Object.keys(o as object).sort();
