/**
 * Test helpers shared by every integration's jest suite. Not part of any build: only jest loads it.
 */
import type Nock from 'nock';
import type { Bundle } from 'zapier-platform-core';

import type { FlatObject } from './flatten';
import { appRunner, defaultMeta } from './runtime';

export { defaultMeta };

export interface TestBundle {
  authData: Record<string, string>;
  inputData: Record<string, unknown>;
  meta: Bundle['meta'];
  [key: string]: unknown;
}

/** A bundle with full `meta`, as the runtime gives one. */
export const makeBundle = (
  authData: Record<string, string>,
  inputData: Record<string, unknown> = {},
  meta: Partial<Bundle['meta']> = {},
  extra: Record<string, unknown> = {},
): TestBundle => ({ authData, inputData, meta: { ...defaultMeta, ...meta } as Bundle['meta'], ...extra });

/**
 * No real network in tests: nock only. After each test, any interceptor that was set up but not
 * called fails the test. nock is loaded only here, so sandbox tests never load it.
 */
/** Requests of the current test that no interceptor matched (none of them left the process). */
const unmatched: string[] = [];
const recordUnmatched = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);

export const useNock = (): void => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof Nock;
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', recordUnmatched);
  });
  beforeEach(() => {
    unmatched.length = 0;
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnmatched);
    // Un-patch node's http for the next test file in this jest worker (sandbox tests use real sockets).
    nock.enableNetConnect();
    nock.restore();
  });
};

/**
 * The error a Zap user sees from a failing run: core serialises app errors as JSON in `message`,
 * so this unwraps it. Fails the test when the promise resolves.
 */
export const failureOf = async (promise: Promise<unknown>): Promise<{ name: string; message: string; raw: string }> => {
  try {
    await promise;
  } catch (err) {
    const e = err as Error;
    let message = e.message;
    try {
      const parsed = JSON.parse(e.message) as { message?: string };
      if (parsed.message) message = parsed.message;
    } catch {
      /* a plain message */
    }
    return { name: e.name, message, raw: e.message };
  }
  throw new Error('expected the operation to fail');
};

/**
 * Renders a `lock`/`throttle` key the way Zapier's infrastructure does (`{{bundle.inputData.x}}`
 * from the run's input), so tests can check the key a real run would get.
 */
export const renderKey = (
  template: string,
  bundle: { inputData: Record<string, unknown>; authData?: object },
): string =>
  template.replace(
    /{{\s*bundle\.(inputData|authData)\.([^}\s]+)\s*}}/g,
    (_m, where: 'inputData' | 'authData', key: string) => {
      const source = (where === 'inputData' ? bundle.inputData : bundle.authData) as
        Record<string, unknown> | undefined;
      const value = source?.[key];
      if (value === undefined || value === null || value === '')
        throw new Error(`the key needs bundle.${where}.${key}`);
      return String(value);
    },
  );

/** An operation as `defineTrigger`/`defineSearch`/`defineCreate` return it. */
interface Operation {
  key: string;
  operation: object;
}

/** The perform function of an operation (a trigger's operation type is a union: polling or hook). */
type PerformOf<Op extends Operation> = Extract<
  Op['operation'] extends infer O ? (O extends { perform?: infer P } ? P : never) : never,
  (z: never, bundle: never) => unknown
>;

/** What the operation's perform reads from `bundle.inputData`, as core infers it from its input fields. */
type InputOf<Op extends Operation> =
  PerformOf<Op> extends (z: never, bundle: infer B) => unknown
    ? B extends { inputData: infer I }
      ? Partial<I>
      : never
    : never;

export interface RunOptions {
  meta?: Partial<Bundle['meta']>;
  /** Keys of dynamic fields, or deliberately wrong values for a bad-input test. */
  extra?: Record<string, unknown>;
  /** Other bundle keys (`cleanedRequest`, `targetUrl`, …). */
  bundle?: Record<string, unknown>;
}

/**
 * Runs operations of `app` through core's runtime with input typed from each operation's input
 * fields (renaming an input key breaks the test at compile time) and flat outputs.
 * `const run = operationRunner(App, AUTH); await run.create(createRecord, { folder_id: FOLDER })`.
 */
export const operationRunner = (app: object, authData: Record<string, string>) => {
  const runMethod = appRunner(app);
  const runner =
    (kind: 'triggers' | 'searches' | 'creates') =>
    <Op extends Operation>(op: Op, input: InputOf<Op>, options: RunOptions = {}): Promise<unknown> =>
      runMethod(
        `${kind}.${op.key}.operation.perform`,
        makeBundle(authData, { ...(input as object), ...options.extra }, options.meta, options.bundle),
      );
  // Core's define* types forget what perform returns; every operation here returns flat objects.
  return {
    trigger: <Op extends Operation>(op: Op, input: InputOf<Op>, options?: RunOptions) =>
      runner('triggers')(op, input, options) as Promise<FlatObject[]>,
    search: <Op extends Operation>(op: Op, input: InputOf<Op>, options?: RunOptions) =>
      runner('searches')(op, input, options) as Promise<FlatObject[]>,
    create: <Op extends Operation>(op: Op, input: InputOf<Op>, options?: RunOptions) =>
      runner('creates')(op, input, options) as Promise<FlatObject>,
  };
};

/**
 * Asserts that the operation tried to send no request: call it after a bad-input check in a test
 * that sets up no interceptor (under `useNock`, every request would then be an unmatched one).
 * Without it, a request sent with bad input would fail the operation too, with a different error.
 */
export const expectNothingSent = (): void => {
  expect(unmatched).toEqual([]);
};
