/**
 * Test helpers shared by every integration's jest suite. Not part of any build: only jest loads it.
 */
import type Nock from 'nock';
import type { Bundle } from 'zapier-platform-core';

import { defaultMeta } from './runtime';

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
export const useNock = (): void => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof Nock;
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => {
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
