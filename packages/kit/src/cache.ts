import type { ZObject } from 'zapier-platform-core';

/** Core's `z.cache.get` takes a scope too (`tools/create-cache.js`); its type omits it. */
type ScopedGet = (key: string, scope: string[]) => Promise<unknown>;

/**
 * `load()`'s value, kept in Zapier's cache for this connection (scope `auth`: another connection
 * never sees it) for `ttlSeconds`. The cache is only a shortcut: a value that cannot be read or
 * written there is loaded as if it were not cached, and a `null` or `undefined` value is never kept.
 * With `refresh`, the value is loaded (and kept) whatever the cache holds.
 */
export const cachedForConnection = async <T>(
  z: ZObject,
  crm: string,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  { refresh = false }: { refresh?: boolean } = {},
): Promise<T> => {
  try {
    const hit = refresh ? null : ((await (z.cache.get as ScopedGet)(key, ['auth'])) as T | null);
    if (hit !== null && hit !== undefined) return hit;
  } catch (err) {
    z.console.log(`${crm}: cache read of ${key} failed: ${(err as Error).message}`);
  }
  const value = await load();
  if (value === null || value === undefined) return value;
  try {
    await z.cache.set(key, value, ttlSeconds, ['auth']);
  } catch (err) {
    z.console.log(`${crm}: cache write of ${key} failed: ${(err as Error).message}`);
  }
  return value;
};
