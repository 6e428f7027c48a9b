/**
 * The secret scan: every operation of every integration (auth tests, triggers, dropdowns, searches,
 * creates, REST hook calls, dynamic fields), run with sentinel credentials against CRM answers that
 * echo those credentials back. No error message and no console line may show any of them, in any
 * form the scrubber knows (as stored, trimmed, URL-encoded, JSON-escaped, Basic's base64). What
 * each operation does with a failure is pinned in that integration's own tests; this file only
 * proves that nothing an operation can show leaks a secret, and counts what it scanned.
 */
import { appRunner, type MethodRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { TourPlan } from '../src/tour/tour.lib';
import {
  ALL_SENTINELS,
  dialectOf,
  OPERATIONS,
  PLANS,
  sentinel,
  sentinelAuth,
  sentinelEnv,
  sentinelsIn,
  type Operation,
} from './operations';

// core exits the process after 250 runs above 450 MB of RSS (Lambda's recycling); a jest worker's
// RSS includes jest and every app, so that check would end the run here.
jest.mock('zapier-platform-core/src/tools/memory-checker', () => () => undefined);

const originOf = (crm: string) => `https://${crm}.scan.test`;
const baseOf = (crm: string) => `${originOf(crm)}/scan-base`;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const scanned = { messages: 0, consoleLines: 0 };
const consoleLeaks: string[] = [];
const consoleSpies: jest.SpyInstance[] = [];

const runners = new Map<TourPlan, MethodRunner>();
const runnerOf = (plan: TourPlan): MethodRunner => {
  const run = runners.get(plan) ?? appRunner(plan.app);
  runners.set(plan, run);
  return run;
};

const envKeys = new Set<string>();
for (const plan of PLANS) for (const k of Object.keys(plan.env('https://x.test'))) envKeys.add(k);
const savedEnv = Object.fromEntries([...envKeys].map((k) => [k, process.env[k]]));

/** What the run showed the user: the error's raw JSON and message (an output is the CRM's own data). */
const shown = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return `${(err as Error).message}`;
  }
};

/** Runs one operation; every request to its origin gets `status` with `body` (the CRM's dialect). */
const runAgainst = async (
  op: Operation,
  status: number,
  body: string,
  authData: Record<string, string> = sentinelAuth(op.plan),
): Promise<{ message?: string; requests: number }> => {
  nock.cleanAll();
  let requests = 0;
  for (const method of METHODS) {
    nock(originOf(op.crm))
      .persist()
      .intercept(() => true, method)
      .query(true)
      .reply(() => {
        requests += 1;
        return [status, body, { 'Content-Type': 'application/json' }];
      });
  }
  Object.assign(process.env, sentinelEnv(op.plan, baseOf(op.crm)));
  const message = await shown(runnerOf(op.plan)(op.method, makeBundle(authData, op.inputData, op.meta, op.extra)));
  nock.cleanAll();
  if (message !== undefined) scanned.messages += 1;
  return { message, requests };
};

/** The credentials the CRM "echoes": every sentinel the run was sent. */
const echo = (op: Operation) =>
  Object.values(sentinelAuth(op.plan))
    .filter((v) => v.startsWith('SENTINEL-'))
    .join(' and ');

beforeAll(() => {
  nock.disableNetConnect();
  // core's z.console writes through console in tests: every line is checked as it is written.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    consoleSpies.push(
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
        scanned.consoleLines += 1;
        if (sentinelsIn(line).length > 0) consoleLeaks.push(line);
      }),
    );
  }
});

afterEach(() => {
  expect(consoleLeaks).toEqual([]);
});

afterAll(() => {
  consoleSpies.forEach((s) => s.mockRestore());
  nock.enableNetConnect();
  nock.restore();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  // A scan that scanned nothing proves nothing.
  expect(scanned.messages).toBeGreaterThanOrEqual(OPERATIONS.length);
  process.stdout.write(
    `\nSecret scan: ${OPERATIONS.length} operations of ${PLANS.length} integrations, ${ALL_SENTINELS.length} ` +
      `sentinels, none in ${scanned.messages} messages and ${scanned.consoleLines} console lines.\n`,
  );
});

describe.each(PLANS.map((plan) => [plan.crm] as const))('%s', (crm) => {
  const ops = OPERATIONS.filter((op) => op.crm === crm);

  test.each(ops.map((op) => [op.name, op] as const))(
    '%s › errors that echo the credentials show none of them',
    async (_name, op) => {
      for (const status of [400, 500]) {
        const body = JSON.stringify(dialectOf(crm).error(status, `scan-says-${status} (you sent ${echo(op)})`));
        const { message, requests } = await runAgainst(op, status, body);
        if (requests === 0) continue; // an operation that needs no request (a static list) shows nothing
        expect(message).toBeDefined();
        expect(sentinelsIn(message!)).toEqual([]);
      }
    },
  );

  // Credentials stored as pasted, with whitespace around them: core trims the header, so the CRM
  // echoes the trimmed value, and that is what the scrubber must find.
  const authTest = ops.find((op) => op.kind === 'auth test');
  if (authTest)
    test('auth test › a 400 echoing the trimmed credentials shows none of them', async () => {
      const padded = Object.fromEntries(
        Object.entries(sentinelAuth(authTest.plan)).map(([k, v]) => [k, v.startsWith('SENTINEL-') ? ` ${v}\t` : v]),
      );
      const body = JSON.stringify(dialectOf(crm).error(400, `scan-says-400 (you sent ${echo(authTest)})`));
      const { message } = await runAgainst(authTest, 400, body, padded);
      expect(message).toContain('scan-says-400 (you sent :censored:');
      expect(sentinelsIn(message!)).toEqual([]);
    });
});

describe('nimble token refresh', () => {
  const plan = PLANS.find((p) => p.crm === 'nimble');
  const refresh = OPERATIONS.find((op) => op.crm === 'nimble' && op.kind === 'auth test');

  test.each([
    [400, 'invalid_grant'],
    [401, 'invalid_client'],
    [503, 'temporarily_unavailable'],
  ])(
    'a refused refresh (HTTP %s %s) that echoes the tokens and client secret names none of them',
    async (status, error) => {
      const auth = sentinelAuth(plan!);
      const clientSecret = sentinelEnv(plan!, 'https://x.test').CLIENT_SECRET ?? '';
      expect(clientSecret).toContain('SENTINEL-');
      const body = JSON.stringify({
        error,
        error_description: `refresh token ${auth.refresh_token} / client ${clientSecret} refused`,
      });
      const { message, requests } = await runAgainst(
        { ...refresh!, method: 'authentication.oauth2Config.refreshAccessToken' },
        status,
        body,
      );
      expect(requests).toBe(1);
      expect(message).toBeDefined();
      expect(sentinelsIn(message!)).toEqual([]);
    },
  );

  test('a failed user lookup after the code exchange logs a line without the token just received', async () => {
    const tokens = {
      access_token: sentinel('nimble', 'access_token_new'),
      refresh_token: sentinel('nimble', 'refresh_new'),
    };
    ALL_SENTINELS.push(...Object.values(tokens));
    Object.assign(process.env, sentinelEnv(plan!, baseOf('nimble')));
    nock(originOf('nimble'))
      .post('/scan-base/api/oauth/token')
      .reply(200, { ...tokens, token_type: 'bearer', expires_in: 599 });
    nock(originOf('nimble'))
      .get('/scan-base/api/v1/myself')
      .reply(400, { message: `token ${tokens.access_token} is not valid here` });
    const before = scanned.consoleLines;
    const inputData = { code: 'the-code', redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App/' };
    const out = await runnerOf(plan!)('authentication.oauth2Config.getAccessToken', makeBundle({}, inputData));
    // The tokens are the one output that holds secrets: Zapier stores them as authData, never shows them.
    expect(out).toMatchObject(tokens);
    expect(scanned.consoleLines).toBeGreaterThan(before);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
