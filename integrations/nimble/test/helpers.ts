import { appRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';
import { PIPELINE } from '../src/samples';
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
export const SECRETS = [CLIENT.secret, AUTH.access_token, AUTH.refresh_token];

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

export const run = appRunner(App);
/** A runner with its own, empty `z.cache` (each appTester keeps one for all its calls). */
export const freshRun = () => appRunner(App);
export const bundle = (
  inputData: Record<string, unknown> = {},
  meta: Partial<Bundle['meta']> = {},
  authData: Record<string, string> = AUTH,
) => makeBundle(authData, inputData, meta);

/**
 * Every request the API scopes below answer (method, path, query, body) and every success answer
 * they give is checked against Nimble's OpenAPI document; a violation fails the test (see
 * `contract.ts`). Registered once per test file that imports these helpers.
 */
const contract = useContract();

/** nock scope that only matches requests with the Bearer token and asking for JSON. */
export const api = () =>
  contract.watch(
    nock(ORIGIN, { reqheaders: { authorization: `Bearer ${AUTH.access_token}`, accept: 'application/json' } }),
  );

/** Every request nock saw but had no interceptor for: proof that bad input sent nothing. */
export const unmatchedRequests = (): string[] => {
  const seen: string[] = [];
  beforeEach(() => {
    seen.length = 0;
  });
  const listener = (req: { method?: string; path?: string }) => seen.push(`${req.method} ${req.path}`);
  beforeAll(() => {
    nock.emitter.on('no match', listener);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', listener);
  });
  return seen;
};

/** Asserts an error shows none of the secrets. */
export const expectNoSecret = (text: string): void => {
  for (const s of SECRETS) expect(text).not.toContain(s);
};

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
