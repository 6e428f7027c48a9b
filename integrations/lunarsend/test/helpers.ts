import { appRunner, type FlatObject } from '@crm-zapier/kit';
import { makeBundle, operationRunner } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle, Trigger } from 'zapier-platform-core';
import App from '../index';

export const ORIGIN = 'https://lunarsend.com';
export const BASE = '/api/v2';
/** Sentinel credentials: they must never appear in an error or an output. */
export const AUTH = { api_key: 'ls-SENTINEL-key-5b9e2d71' };
export const CONTACT_ID = '150c081d-5d5f-401d-abd1-727c35222054';
export const USER_ID = '77f463d7-3c1b-4a0e-9d55-0b3f1c2a9e41';

/** Runs one operation the way a Zap does; its input is typed by the operation's fields. */
export const run = operationRunner(App, AUTH);

/**
 * Runs a dropdown trigger (no input) the way a Zap does, on page `page`. The kit's `run.trigger`
 * does not accept core's `Trigger` type yet: its hook-to-poll member has no `perform`.
 */
export const runDropdown = (trigger: Trigger, meta: Partial<Bundle['meta']> = {}) =>
  appRunner(App)(`triggers.${trigger.key}.operation.perform`, makeBundle(AUTH, {}, meta)) as Promise<FlatObject[]>;

/** nock scope that only matches requests carrying the API key header and asking for JSON. */
export const api = () => nock(ORIGIN, { reqheaders: { 'x-api-key': AUTH.api_key, accept: 'application/json' } });

/** A LunarSend error body: `{ error: "<code>", message: "<text>" }`. */
export const lunarError = (error: string, message: string) => ({ error, message });
