import type { ZObject } from 'zapier-platform-core';

/** Keys are per connection. Core's `z.cache.get` takes the scope too (`tools/create-cache.js`); its type omits it. */
const SCOPE = ['auth'];
type ScopedGet = (key: string, scope: string[]) => Promise<unknown>;

/**
 * `load()`'s value, kept in `z.cache` for this connection (scope `auth`) for `ttlSeconds`. The cache
 * is only a shortcut: if it cannot be read or written the value is loaded as if it were empty.
 */
export const cached = async <T>(z: ZObject, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> => {
  try {
    const hit = (await (z.cache.get as ScopedGet)(key, SCOPE)) as T | null;
    if (hit !== null && hit !== undefined) return hit;
  } catch (err) {
    z.console.log(`Nimble: cache read of ${key} failed: ${(err as Error).message}`);
  }
  const value = await load();
  try {
    await z.cache.set(key, value, ttlSeconds, SCOPE);
  } catch (err) {
    z.console.log(`Nimble: cache write of ${key} failed: ${(err as Error).message}`);
  }
  return value;
};
