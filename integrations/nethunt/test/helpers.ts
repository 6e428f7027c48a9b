import { appRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';

export const ORIGIN = 'https://nethunt.com';
export const BASE = '/api/v1/zapier';
/** Sentinel credentials: they must never appear in an error or an output. */
export const AUTH = { username: 'jane.doe@example.com', password: 'nh-SENTINEL-key-7f3a9c' };
export const FOLDER = '596f710ef5be7653dee0da14';
export const RECORD_ID = '596f644b8f6d05e16c24b830';

export const run = appRunner(App);
export const bundle = (inputData: Record<string, unknown> = {}, meta: Partial<Bundle['meta']> = {}) =>
  makeBundle(AUTH, inputData, meta);

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
