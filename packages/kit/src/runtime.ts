import zapier, { type Bundle } from 'zapier-platform-core';

/**
 * Runs one method of an app by its path (`triggers.new_record.operation.perform`,
 * `authentication.test`, `creates.x.operation.inputFields`) through core's lambda handler — the path
 * a Zap takes. The path is resolved on the app definition, so a wrong path fails loudly.
 */
export type MethodRunner = (method: string, bundle: object) => Promise<unknown>;

export const appRunner = (app: object): MethodRunner => {
  // Without the flag, core patches node's http once for the whole process: in a jest worker, every
  // later test file's nock then stops intercepting, and its requests go to the network.
  if ((app as { flags?: { skipHttpPatch?: boolean } }).flags?.skipHttpPatch !== true) {
    throw new Error('An app run here needs flags.skipHttpPatch: true (APP_FLAGS), as every integration sets.');
  }
  const tester = zapier.createAppTester(app) as unknown as (target: unknown, bundle: object) => Promise<unknown>;
  return (method, bundle) => {
    const target = method
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], app);
    if (target === undefined) return Promise.reject(new Error(`The app has no ${method}`));
    return tester(target, bundle);
  };
};

/**
 * What `zapier-platform invoke` puts in `bundle.meta` for a plain run; createAppTester leaves meta
 * empty, so tests and the tour pass this (with their own overrides).
 */
export const defaultMeta: Bundle['meta'] = {
  isBulkRead: false,
  isFillingDynamicDropdown: false,
  isLoadingSample: false,
  isPopulatingDedupe: false,
  isTestingAuth: false,
  limit: -1,
  page: 0,
  timezone: null,
  inputFields: {},
} as unknown as Bundle['meta'];

/**
 * The app flags every integration sets:
 * - `throwForThrottlingEarly: false`: 429s reach crmErrors, which reads Retry-After in both its
 *   forms and keeps the CRM's message (core's own early throw knows only seconds and says nothing).
 * - `skipHttpPatch: true`: the apps make no HTTP calls outside z.request (which core logs anyway),
 *   so core's patch of node's http module, which only logs such calls, is not needed; it would
 *   also pin whatever http.request it first finds for the life of the process.
 */
export const APP_FLAGS = { throwForThrottlingEarly: false, skipHttpPatch: true } as const;
