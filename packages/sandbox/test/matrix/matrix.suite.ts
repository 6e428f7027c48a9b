/**
 * Reliability matrix (issue 8): every operation of every integration (from `allPlans()` and the app
 * definitions) against every failure a user can meet, bad input for every operation, and a secret
 * scan over everything the runs produce. Each case is one in-process runtime call.
 *
 * HTTP failures go through nock with one catch-all interceptor per method on the integration's
 * base URL; timeouts and connection resets through a real loopback server (nock cannot break a
 * connection the way a network does). Every run uses sentinel credentials, and every CRM error body
 * echoes them back, so the scan proves the scrubbing, not just the absence of echoes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRunner, type MethodRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { TourPlan } from '../../src/tour/tour.lib';
import {
  ALL_SENTINELS,
  dialectOf,
  isOAuth2,
  OPERATIONS,
  PLANS,
  sentinel,
  sentinelAuth,
  sentinelEnv,
  sentinelsIn,
  type FieldDef,
  type Operation,
} from './matrix.lib';

/**
 * Cases that fail because of a bug in an integration (not in the kit): kept visible as
 * `test.failing` until the integration is fixed. Key: `<crm> <operation> <case>`.
 */
const KNOWN_BUGS: Record<string, string> = {};

/**
 * Operations whose 2xx answer no source documents, where the reference says any 2xx is success
 * (nethunt.md: delete-record, link-gmail-thread): no JSON shape can be "wrong", so the wrong-shape
 * case only checks that nothing odd reaches the output. Key: `<crm> <operation>`.
 */
const UNDOCUMENTED_ANSWERS = new Set(['nethunt delete_record', 'nethunt link_gmail_thread']);

interface ShardCounts {
  failureRuns: number;
  badInputRuns: number;
  nimbleRuns: number;
  messages: number;
  outputs: number;
  consoleLines: number;
}

/**
 * Each shard leaves its counts in a directory of this jest run; the last one to finish prints the
 * summary line of the whole matrix (and removes the directory).
 */
const reportShard = (
  shard: number,
  of: number,
  counts: ShardCounts,
  totals: { failureCases: number; badInputs: number },
): void => {
  // jest workers are forked with IPC: their parent is the jest run; in band, this process is.
  const runId = typeof process.send === 'function' ? process.ppid : process.pid;
  const dir = join(tmpdir(), `crm-matrix-${runId}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `shard-${shard}.json`), JSON.stringify(counts));
  const files = Array.from({ length: of }, (_x, i) => join(dir, `shard-${i + 1}.json`));
  if (!files.every((f) => existsSync(f))) return;
  const total = files
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as ShardCounts)
    .reduce<ShardCounts>(
      (acc, c) => Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, v + c[k as keyof ShardCounts]])) as never,
      { failureRuns: 0, badInputRuns: 0, nimbleRuns: 0, messages: 0, outputs: 0, consoleLines: 0 },
    );
  rmSync(dir, { recursive: true, force: true });
  const ops = OPERATIONS.length;
  const kinds = Object.entries(
    OPERATIONS.reduce<Record<string, number>>((acc, op) => ((acc[op.kind] = (acc[op.kind] ?? 0) + 1), acc), {}),
  )
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const bugs = Object.keys(KNOWN_BUGS).length;
  process.stdout.write(
    `\nReliability matrix: ${ops} operations (${kinds}; ${PLANS.length} integrations) × ${totals.failureCases} failure cases = ` +
      `${ops * totals.failureCases} cases (${total.failureRuns} passed); ${totals.badInputs} bad-input cases ` +
      `(${total.badInputRuns} passed); ${total.nimbleRuns} OAuth2 refresh cases passed; ${bugs} known integration bugs ` +
      `(test.failing); secret scan: ${ALL_SENTINELS.length} sentinels, none in ${total.messages} messages, ` +
      `${total.outputs} outputs and ${total.consoleLines} console lines.\n`,
  );
};

/**
 * Defines shard `shard` (1-based) of `of`: operations are dealt round-robin across the shard files,
 * because core's runtime exits the process once it has run 250 calls above 450 MB of RSS, and one
 * jest file running every case gets there. The shards also run in parallel on CI's two cores.
 */
export const defineMatrix = (shard: number, of: number): void => {
  // ---------------------------------------------------------------------------------------------
  // Plumbing: origins, runners, environment, and what every run produced (for the secret scan).

  const originOf = (crm: string) => `https://${crm}.matrix.test`;
  const baseOf = (crm: string) => `${originOf(crm)}/matrix-base`;
  const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  /** Only the timeout cases run with a short request timeout; every other case has the normal one. */
  const SHORT_TIMEOUT_MS = '300';

  const runners = new Map<string, MethodRunner>();
  const runnerOf = (plan: TourPlan): MethodRunner => {
    let run = runners.get(plan.crm);
    if (!run) runners.set(plan.crm, (run = appRunner(plan.app)));
    return run;
  };

  const seen = { messages: 0, outputs: 0, consoleLines: 0, consoleLeaks: [] as string[] };
  const stats = { failureRuns: 0, badInputRuns: 0, nimbleRuns: 0 };

  const envKeys = new Set<string>(['CRM_REQUEST_TIMEOUT_MS']);
  for (const plan of PLANS) for (const k of Object.keys(plan.env('https://x.test'))) envKeys.add(k);
  const savedEnv = Object.fromEntries([...envKeys].map((k) => [k, process.env[k]]));

  const pointAt = (plan: TourPlan, base: string) => Object.assign(process.env, sentinelEnv(plan, base));

  interface Outcome {
    output?: unknown;
    error?: { name: string; message: string; raw: string; code?: string; status?: number; delay?: number };
    requests: string[];
  }

  /** No sentinel in what a run showed; counts what was scanned. */
  const scan = (o: Outcome): void => {
    // Console lines are checked as they are written (see the spies): a leak fails the run that made it.
    expect(seen.consoleLeaks).toEqual([]);
    if (o.error) {
      seen.messages += 1;
      expect(sentinelsIn(`${o.error.raw} ${o.error.message}`)).toEqual([]);
    }
    if (o.output !== undefined) {
      seen.outputs += 1;
      expect(sentinelsIn(JSON.stringify(o.output) ?? '')).toEqual([]);
    }
  };

  const settle = async (promise: Promise<unknown>, requests: string[]): Promise<Outcome> => {
    try {
      return { output: await promise, requests };
    } catch (err) {
      const e = err as Error;
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(e.message) as Record<string, unknown>;
      } catch {
        /* a plain message */
      }
      return {
        requests,
        error: {
          name: e.name,
          raw: e.message,
          message: typeof parsed.message === 'string' ? parsed.message : e.message,
          code: typeof parsed.code === 'string' ? parsed.code : undefined,
          status: typeof parsed.status === 'number' ? parsed.status : undefined,
          delay: typeof parsed.delay === 'number' ? parsed.delay : undefined,
        },
      };
    }
  };

  type Reply = [number, string, Record<string, string>?];

  /** Runs one operation with sentinel credentials; every request to its origin gets `reply`. */
  const runWith = async (
    op: Operation,
    reply: (method: string) => Reply,
    inputData = op.inputData,
    authData = sentinelAuth(op.plan),
  ) => {
    nock.cleanAll();
    const requests: string[] = [];
    for (const method of METHODS) {
      nock(originOf(op.crm))
        .persist()
        .intercept(() => true, method)
        .query(true)
        .reply(function (uri) {
          requests.push(`${this.req.method} ${uri}`);
          return reply(this.req.method);
        });
    }
    pointAt(op.plan, baseOf(op.crm));
    const bundle = makeBundle(authData, inputData, op.meta, op.extra);
    const outcome = await settle(runnerOf(op.plan)(op.method, bundle), requests);
    nock.cleanAll();
    scan(outcome);
    return outcome;
  };

  // ---------------------------------------------------------------------------------------------
  // The failures.

  /** What the CRM says in its error bodies: distinctive, and echoing every credential it was sent. */
  const crmSays = (op: Operation, status: number) => {
    const echoed = Object.values(sentinelAuth(op.plan)).filter((v) => v.startsWith('SENTINEL-'));
    return {
      words: `matrix-says-${status}`,
      text: `matrix-says-${status}${echoed.length ? ` (you sent ${echoed.join(' and ')})` : ''}`,
    };
  };
  const json = (headers: Record<string, string> = {}): Reply[2] => ({
    'Content-Type': 'application/json',
    ...headers,
  });
  const errorReply =
    (op: Operation, status: number, headers: Record<string, string> = {}) =>
    (): Reply => [status, JSON.stringify(dialectOf(op.crm).error(status, crmSays(op, status).text)), json(headers)];

  /** An operation judged by the HTTP status alone (a DELETE answering a text message): bodies do not matter. */
  const statusOnly = (o: Outcome) => o.requests.length > 0 && o.requests.every((r) => r.startsWith('DELETE '));

  const expectAppError = (o: Outcome, code: string) => {
    expect(o.error).toBeDefined();
    expect({ name: o.error!.name, code: o.error!.code }).toEqual({ name: 'AppError', code });
  };
  const expectThrottled = (o: Outcome) => {
    expect(o.error?.name).toBe('ThrottledError');
    expect(o.error?.delay).toEqual(expect.any(Number));
  };
  const expectSaid = (o: Outcome, op: Operation, status: number) =>
    expect(o.error?.message).toContain(crmSays(op, status).words);
  const expectMadeRequest = (o: Outcome) => expect(o.requests.length).toBeGreaterThan(0);
  /** The request that failed (the last one sent) was a write: its outcome is unknown, so no retry. */
  const failedWrite = (o: Outcome) => /^(POST|PUT|PATCH|DELETE) /.test(o.requests.at(-1) ?? '');
  const expectNotRetried = (o: Outcome) => {
    expectAppError(o, 'OutcomeUnknown');
    expect(o.error!.message).toMatch(/may or may not have been made/);
  };

  interface FailureCase {
    name: string;
    /** Runs the operation into this failure. */
    run: (op: Operation) => Promise<Outcome>;
    check: (o: Outcome, op: Operation) => void;
  }

  const statusCase = (status: number, code: string): FailureCase => ({
    name: String(status),
    run: (op) => runWith(op, errorReply(op, status)),
    check: (o, op) => {
      expectMadeRequest(o);
      expectAppError(o, code);
      expect(o.error!.message).toContain(`HTTP ${status}`);
      expectSaid(o, op, status);
    },
  });

  /**
   * Wrong shape: answers no schema should accept, tried in turn until one is refused with a message
   * that names what is missing (`{}` may be a valid empty page; a list schema blames the whole answer).
   */
  const WRONG_SHAPES = ['{}', '[{}]', '{"data":[{}]}', '{"data":{}}', '{"resources":[{}]}'];
  const wrongShape = async (op: Operation): Promise<Outcome> => {
    let last: Outcome | undefined;
    for (const body of WRONG_SHAPES) {
      const outcome = await runWith(op, () => [200, body, json()]);
      if (outcome.error || !last) last = outcome;
      if (/ is missing/.test(outcome.error?.message ?? '')) return outcome;
    }
    return last!;
  };

  /** Body cases: a clear InvalidResponse, or (status-judged operations) success without the junk. */
  const invalidResponse = (pattern: RegExp) => (o: Outcome, op: Operation) => {
    expectMadeRequest(o);
    if (UNDOCUMENTED_ANSWERS.has(`${op.crm} ${op.name}`) && o.error) {
      // Not a JSON object at all (a list, HTML, nothing): still a clear InvalidResponse.
      expectAppError(o, 'InvalidResponse');
      return expect(o.error.message).toMatch(/sent an (empty )?answer/);
    }
    if ((statusOnly(o) || UNDOCUMENTED_ANSWERS.has(`${op.crm} ${op.name}`)) && !o.error) {
      expect(JSON.stringify(o.output)).not.toMatch(/<html|<body/i);
      return;
    }
    expectAppError(o, 'InvalidResponse');
    expect(o.error!.message).toMatch(pattern);
  };

  let loopbackBase = '';
  let loopbackMode: 'reset' | 'slow' = 'reset';
  let loopbackRequests: string[] = [];
  /** Runs `run` with the short request timeout that only a timeout case should wait for. */
  const withShortTimeout = async <T>(run: () => Promise<T>): Promise<T> => {
    process.env.CRM_REQUEST_TIMEOUT_MS = SHORT_TIMEOUT_MS;
    try {
      return await run();
    } finally {
      delete process.env.CRM_REQUEST_TIMEOUT_MS;
    }
  };
  const viaLoopback = (op: Operation, mode: 'reset' | 'slow') => {
    loopbackMode = mode;
    loopbackRequests = [];
    pointAt(op.plan, loopbackBase);
    const bundle = makeBundle(sentinelAuth(op.plan), op.inputData, op.meta, op.extra);
    const call = () => settle(runnerOf(op.plan)(op.method, bundle), loopbackRequests);
    return (mode === 'slow' ? withShortTimeout(call) : call()).then((o) => (scan(o), o));
  };
  const networkCheck = (code: string) => (o: Outcome) => {
    expectMadeRequest(o);
    expect(o.error?.message).not.toContain('127.0.0.1');
    if (failedWrite(o)) {
      expectNotRetried(o);
      return expect(o.error!.message).toContain(`(${code}) after the request was sent`);
    }
    expect(o.error?.name).toBe('ThrottledError');
    expect(o.error?.message).toMatch(new RegExp(`Could not reach .+ \\(${code}\\); Zapier will retry\\.`));
  };

  const FAILURES: FailureCase[] = [
    statusCase(400, 'BadRequest'),
    {
      name: '401',
      run: (op) => runWith(op, errorReply(op, 401)),
      check: (o, op) => {
        expectMadeRequest(o);
        if (isOAuth2(op.plan)) {
          // OAuth2: core refreshes the token and retries the step.
          expect(o.error?.name).toBe('RefreshAuthError');
        } else {
          expect(o.error?.name).toBe('ExpiredAuthError');
          expect(o.error?.message).toMatch(/reconnect/i);
          expectSaid(o, op, 401);
        }
      },
    },
    {
      name: '403',
      run: (op) => runWith(op, errorReply(op, 403)),
      check: (o, op) => {
        expectMadeRequest(o);
        expectAppError(o, 'Forbidden');
        expectSaid(o, op, 403);
      },
    },
    {
      name: '404',
      run: (op) => runWith(op, errorReply(op, 404)),
      check: (o, op) => {
        expectMadeRequest(o);
        // A search may read "not found" as "no match" (Zapier's empty result); an unsubscribe, as done.
        if (op.kind === 'search' && !o.error) return expect(o.output).toEqual([]);
        if (op.kind === 'hook unsubscribe' && !o.error) return;
        expectAppError(o, 'NotFound');
        expectSaid(o, op, 404);
      },
    },
    statusCase(409, 'Conflict'),
    {
      name: '422 field named',
      run: (op) => runWith(op, () => [422, JSON.stringify(dialectOf(op.crm).invalid(422, 'matrix_field')), json()]),
      check: (o) => {
        expectMadeRequest(o);
        expectAppError(o, 'InvalidInput');
        expect(o.error!.message).toContain('matrix_field');
      },
    },
    {
      name: '429 Retry-After',
      run: (op) => runWith(op, errorReply(op, 429, { 'Retry-After': '17' })),
      check: (o, op) => {
        expectMadeRequest(o);
        expectThrottled(o);
        expect(o.error!.delay).toBe(17);
        expect(o.error!.message).toMatch(/retry in 17 s/);
        expectSaid(o, op, 429);
      },
    },
    {
      name: '429 no Retry-After',
      run: (op) => runWith(op, errorReply(op, 429)),
      check: (o, op) => {
        expectMadeRequest(o);
        expect(o.error?.name).toBe('ThrottledError');
        expect(o.error!.message).toMatch(/rate limiting.*retry/);
        expectSaid(o, op, 429);
      },
    },
    {
      name: '500',
      run: (op) => runWith(op, errorReply(op, 500, { 'X-Request-Id': 'req-matrix-1' })),
      check: (o, op) => {
        expectMadeRequest(o);
        expectSaid(o, op, 500);
        expect(o.error!.message).toMatch(/req-matrix-1/);
        if (failedWrite(o)) return expectNotRetried(o);
        expectThrottled(o);
        expect(o.error!.message).toMatch(/temporary problem \(HTTP 500\)/);
      },
    },
    {
      name: '502 HTML',
      run: (op) =>
        runWith(op, () => [
          502,
          `<html><body><h1>502 Bad Gateway</h1><p>${ALL_SENTINELS.join(' ')}</p></body></html>`,
          { 'Content-Type': 'text/html' },
        ]),
      check: (o) => {
        expectMadeRequest(o);
        expect(o.error!.message).not.toMatch(/<|Bad Gateway/);
        if (failedWrite(o)) return expectNotRetried(o);
        expectThrottled(o);
        expect(o.error!.message).toMatch(/temporary problem \(HTTP 502\)/);
      },
    },
    {
      name: '503',
      run: (op) => runWith(op, errorReply(op, 503)),
      check: (o, op) => {
        expectMadeRequest(o);
        expectSaid(o, op, 503);
        if (failedWrite(o)) return expectNotRetried(o);
        expectThrottled(o);
        expect(o.error!.message).toMatch(/temporary problem \(HTTP 503\)/);
      },
    },
    {
      // RFC 9110: a 503 with Retry-After was not processed, so even a write is retried.
      name: '503 Retry-After',
      run: (op) => runWith(op, errorReply(op, 503, { 'Retry-After': '40' })),
      check: (o) => {
        expectMadeRequest(o);
        expectThrottled(o);
        expect(o.error!.delay).toBe(40);
      },
    },
    {
      name: 'redirect to another host',
      run: (op) => runWith(op, () => [307, '', { Location: `${foreignOrigin}/stolen` }]),
      check: (o) => {
        expectMadeRequest(o);
        expectAppError(o, 'Redirect');
        expect(o.error!.message).toContain(`redirect (HTTP 307) to ${new URL(foreignOrigin).host}`);
        expect(foreignHits).toEqual([]);
      },
    },
    { name: 'timeout', run: (op) => viaLoopback(op, 'slow'), check: networkCheck('ETIMEDOUT') },
    { name: 'connection reset', run: (op) => viaLoopback(op, 'reset'), check: networkCheck('ECONNRESET') },
    {
      name: 'empty body',
      run: (op) => runWith(op, () => [200, '', json()]),
      check: invalidResponse(/sent an empty answer \(HTTP 200\)/),
    },
    {
      name: 'HTML instead of JSON',
      run: (op) =>
        runWith(op, () => [
          200,
          '<!DOCTYPE html><html><body>Maintenance</body></html>',
          { 'Content-Type': 'text/html' },
        ]),
      check: invalidResponse(/sent an answer that is not JSON \(HTTP 200, text\/html\)/),
    },
    {
      name: 'truncated JSON',
      run: (op) => runWith(op, () => [200, '{"data": [{"id": "abc123", "na', json()]),
      check: invalidResponse(/sent an answer that is not JSON \(HTTP 200/),
    },
    {
      name: 'wrong shape',
      run: wrongShape,
      check: invalidResponse(/sent an answer of an unexpected shape: .*\S+ is missing/),
    },
  ];

  const keyOf = (op: Operation, caseName: string) => `${op.crm} ${op.name} ${caseName}`;

  // ---------------------------------------------------------------------------------------------
  // Bad input: each required static field missing, and wrong types where a field declares them.

  interface BadInput {
    op: Operation;
    name: string;
    field: FieldDef;
    inputData: Record<string, unknown>;
  }

  const ID_LIKE = /(^|_)ids?$/i;
  const badInputs = (op: Operation): BadInput[] => {
    if (!op.method.endsWith('.operation.perform')) return [];
    const out: BadInput[] = [];
    const withValue = (f: FieldDef, value: unknown, what: string) =>
      out.push({ op, field: f, name: `${f.key} ${what}`, inputData: { ...op.inputData, [f.key]: value } });
    for (const f of op.fields) {
      if (f.computed) continue;
      // A required field with a default is always sent (Zapier fills the default in).
      if (f.required && f.default === undefined) {
        const { [f.key]: _gone, ...rest } = op.inputData;
        out.push({ op, field: f, name: `${f.key} missing`, inputData: rest });
      }
      if (f.choices) continue;
      if (f.type === 'integer' || f.type === 'number') {
        withValue(f, f.list ? ['lots'] : 'lots', 'not a number');
        // Not finite: JSON would send null and clear the value in the CRM.
        withValue(f, f.list ? ['1e999'] : '1e999', 'infinite');
      } else if (f.type === 'datetime') {
        withValue(f, 'next Tuesday-ish', 'not a date');
        // Date.parse reads "1" as 2001-01-01.
        withValue(f, '1', 'a bare number');
      } else if (/email/i.test(f.key) && (f.type ?? 'string') === 'string' && !f.list)
        withValue(f, 'ada-at-example', 'invalid email');
      else if (ID_LIKE.test(f.key) && (f.type ?? 'string') === 'string') {
        withValue(f, f.list ? ['abc 123'] : 'abc 123', 'id with spaces');
        // "." and ".." would change the endpoint (`/records/..` is the collection's parent).
        withValue(f, f.list ? ['..'] : '..', 'id of dots');
      }
    }
    return out;
  };

  const MINE = OPERATIONS.filter((_op, i) => i % of === shard - 1);
  const BAD_INPUTS = MINE.flatMap(badInputs);
  const ALL_BAD_INPUTS = OPERATIONS.flatMap(badInputs).length;

  // ---------------------------------------------------------------------------------------------

  let server: Server;
  // A second host, where the redirect case points: nothing may ever reach it.
  let foreign: Server;
  let foreignOrigin = 'http://127.0.0.1:9';
  const foreignHits: string[] = [];
  const consoleSpies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    delete process.env.CRM_REQUEST_TIMEOUT_MS;
    foreign = createServer((req, res) => {
      foreignHits.push(`${req.method} ${req.url}`);
      res.end('{}');
    });
    await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
    foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
    server = createServer((req, res) => {
      loopbackRequests.push(`${req.method} ${req.url}`);
      if (loopbackMode === 'reset') req.socket.destroy();
      else setTimeout(() => res.end('{}'), 3000).unref();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    loopbackBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/matrix-base`;
    // core's z.console writes through console in tests: every line is checked for sentinels as it comes.
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleSpies.push(
        jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
          const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
          seen.consoleLines += 1;
          if (sentinelsIn(line).length > 0) seen.consoleLeaks.push(line);
        }),
      );
    }
  });

  afterAll(async () => {
    consoleSpies.forEach((s) => s.mockRestore());
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    for (const s of [server, foreign]) {
      s.closeAllConnections();
      await new Promise((done) => s.close(done));
    }
    reportShard(
      shard,
      of,
      {
        failureRuns: stats.failureRuns,
        badInputRuns: stats.badInputRuns,
        nimbleRuns: stats.nimbleRuns,
        messages: seen.messages,
        outputs: seen.outputs,
        consoleLines: seen.consoleLines,
      },
      { failureCases: FAILURES.length, badInputs: ALL_BAD_INPUTS },
    );
  });

  describe.each(PLANS.map((plan) => [plan.crm, plan] as const))('%s', (crm) => {
    const ops = MINE.filter((op) => op.crm === crm);
    const rows = ops.flatMap((op) => FAILURES.map((c) => ({ op, c, key: keyOf(op, c.name) })));
    const table = (bugs: boolean) =>
      rows.filter((r) => Boolean(KNOWN_BUGS[r.key]) === bugs).map((r) => [`${r.op.name} › ${r.c.name}`, r] as const);
    const body = async (_title: string, { op, c }: (typeof rows)[number]) => {
      const outcome = await c.run(op);
      c.check(outcome, op);
      stats.failureRuns += 1;
    };

    describe('failures', () => {
      const passing = table(false);
      const failing = table(true);
      if (passing.length) test.each(passing)('%s', body);
      if (failing.length) test.failing.each(failing)('%s (known bug)', body);
    });

    // Credentials stored as pasted, with whitespace around them: core trims the header, so the CRM
    // echoes the trimmed value, and that is what the scrubber must find. Once per integration.
    const authTest = OPERATIONS.find((op) => op.crm === crm && op.kind === 'auth test');
    if (shard === 1 && authTest)
      test('auth test › a 400 echoing the trimmed credentials shows none of them', async () => {
        const padded = Object.fromEntries(
          Object.entries(sentinelAuth(authTest.plan)).map(([k, v]) => [k, v.startsWith('SENTINEL-') ? ` ${v}\t` : v]),
        );
        const o = await runWith(authTest, errorReply(authTest, 400), authTest.inputData, padded);
        expectMadeRequest(o);
        expect(o.error?.message).toContain('matrix-says-400 (you sent :censored:');
      });

    const bad = BAD_INPUTS.filter((b) => b.op.crm === crm);
    describe('bad input is rejected before any request', () => {
      const rowsOf = (bugs: boolean) =>
        bad
          .filter((b) => Boolean(KNOWN_BUGS[keyOf(b.op, b.name)]) === bugs)
          .map((b) => [`${b.op.name} › ${b.name}`, b] as const);
      const check = async (_title: string, b: BadInput) => {
        const o = await runWith(
          b.op,
          () => [500, '{"message":"the request should not have been sent"}', json()],
          b.inputData,
        );
        expect(o.requests).toEqual([]);
        expect(o.error).toBeDefined();
        const names = [b.field.key, b.field.label ?? b.field.key].map((n) => n.toLowerCase());
        expect(names.some((n) => o.error!.message.toLowerCase().includes(n))).toBe(true);
        stats.badInputRuns += 1;
      };
      const passing = rowsOf(false);
      const failing = rowsOf(true);
      if (passing.length) test.each(passing)('%s', check);
      if (failing.length) test.failing.each(failing)('%s (known bug)', check);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // OAuth2 (Nimble): a 401 asks core to refresh; the refresh works and the step then succeeds; a
  // refresh that fails says clearly that the connection needs reconnecting, with no secret.

  const nimble = PLANS.find((p) => p.crm === 'nimble');
  // Once per run, in the first shard (the other shards do not register it at all).
  if (nimble && shard === 1)
    describe('Nimble OAuth2 refresh', () => {
      const plan = nimble!;
      const TOKEN_PATH = '/api/oauth/token';
      const auth = () => sentinelAuth(plan);
      const renewed = {
        access_token: sentinel('nimble', 'access_token_2'),
        refresh_token: sentinel('nimble', 'refresh_2'),
      };
      const me = { user_id: '4f2acc3142a053dda595f00b', name: 'John Doe', email: 'john.doe@example.com' };
      const run = (method: string, authData: Record<string, string>) =>
        settle(appRunner(plan.app)(method, makeBundle(authData, {})), []);

      beforeEach(() => {
        nock.cleanAll();
        pointAt(plan, baseOf('nimble'));
        // The renewed tokens are secrets too: no message, line or output may show them.
        for (const s of Object.values(renewed)) if (!ALL_SENTINELS.includes(s)) ALL_SENTINELS.push(s);
      });

      test('401 → RefreshAuthError → refreshAccessToken → the step succeeds with the new token', async () => {
        const origin = originOf('nimble');
        nock(origin, { reqheaders: { authorization: `Bearer ${auth().access_token}` } })
          .get('/matrix-base/api/v1/myself')
          .reply(401, { message: "Can't authenticate request" });
        const first = await run('authentication.test', auth());
        scan(first);
        expect(first.error?.name).toBe('RefreshAuthError');

        nock(origin)
          .post(`/matrix-base${TOKEN_PATH}`)
          .reply(200, { ...renewed, expires_in: 599 });
        const refreshed = await run('authentication.oauth2Config.refreshAccessToken', auth());
        // The token answer is stored by Zapier as authData, never shown: it is the one output that holds secrets.
        expect(refreshed.error).toBeUndefined();
        expect(refreshed.output).toMatchObject(renewed);

        nock(origin, { reqheaders: { authorization: `Bearer ${renewed.access_token}` } })
          .get('/matrix-base/api/v1/myself')
          .reply(200, me);
        const second = await run('authentication.test', { ...auth(), ...(refreshed.output as Record<string, string>) });
        scan(second);
        expect(second.output).toMatchObject({ user_id: me.user_id, name: me.name });
        expect(nock.pendingMocks()).toEqual([]);
        stats.nimbleRuns += 1;
      });

      const clientSecret = () => sentinelEnv(plan, 'https://x.test').CLIENT_SECRET ?? '';
      test.each([
        [400, 'invalid_grant'],
        [401, 'invalid_client'],
      ])('a refused refresh (HTTP %s %s) asks to reconnect, naming no secret', async (status, error) => {
        nock(originOf('nimble'))
          .post(`/matrix-base${TOKEN_PATH}`)
          .reply(status, {
            error,
            error_description: `refresh token ${auth().refresh_token} / client ${clientSecret()} refused`,
          });
        const o = await run('authentication.oauth2Config.refreshAccessToken', auth());
        scan(o);
        expect(o.error?.name).toBe('ExpiredAuthError');
        expect(o.error?.message).toMatch(
          /Nimble did not accept the stored refresh token.*Reconnect your Nimble account/,
        );
        stats.nimbleRuns += 1;
      });

      test('a token endpoint that fails (HTTP 503) is a temporary problem, naming no secret', async () => {
        nock(originOf('nimble'))
          .post(`/matrix-base${TOKEN_PATH}`)
          .reply(503, { message: `down for ${clientSecret()}` });
        const o = await run('authentication.oauth2Config.refreshAccessToken', auth());
        scan(o);
        expect(o.error?.message).toMatch(/token endpoint had a temporary problem \(HTTP 503\)/);
        stats.nimbleRuns += 1;
      });

      test('no stored refresh token: a clear reconnect error before any request', async () => {
        const o = await run('authentication.oauth2Config.refreshAccessToken', { ...auth(), refresh_token: '' });
        expect(o.error?.name).toBe('ExpiredAuthError');
        expect(o.error?.message).toMatch(/Reconnect your Nimble account/);
        stats.nimbleRuns += 1;
      });

      const networkRefresh = (mode: 'reset' | 'slow', code: string) => async () => {
        loopbackMode = mode;
        loopbackRequests = [];
        pointAt(plan, loopbackBase);
        const refresh = () => run('authentication.oauth2Config.refreshAccessToken', auth());
        const o = await (mode === 'slow' ? withShortTimeout(refresh) : refresh());
        scan(o);
        expect(o.error?.name).toBe('ThrottledError');
        expect(o.error?.message).toMatch(new RegExp(`Could not reach Nimble \\(${code}\\)`));
        stats.nimbleRuns += 1;
      };
      for (const [mode, code, name] of [
        ['slow', 'ETIMEDOUT', 'refresh timeout'],
        ['reset', 'ECONNRESET', 'refresh connection reset'],
      ] as const) {
        const title = `a refresh that cannot reach Nimble (${code}) is a clear retryable error`;
        if (KNOWN_BUGS[`nimble ${name}`]) test.failing(`${title} (known bug)`, networkRefresh(mode, code));
        else test(title, networkRefresh(mode, code));
      }
    });
};
