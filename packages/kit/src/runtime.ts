import zapier, { type Bundle } from 'zapier-platform-core';

/**
 * Runs one method of an app by its path (`triggers.new_record.operation.perform`,
 * `authentication.test`, `creates.x.operation.inputFields`) through core's lambda handler — the path
 * a Zap takes. The path is resolved on the app definition, so a wrong path fails loudly.
 */
export type MethodRunner = (method: string, bundle: object) => Promise<unknown>;

export const appRunner = (app: object): MethodRunner => {
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
