/**
 * zod, loaded on first use. Requiring zod and building every schema at start-up costs each
 * integration about a quarter of bare core's cold start (bench/RESULTS.md); a Zap step needs only
 * the schemas of the one operation it runs. So schemas are declared with `lazySchema`, built the
 * first time they are used, and zod itself is required then.
 */
import type * as Zod from 'zod';

export type ZodNamespace = typeof Zod.z;

let loaded: ZodNamespace | undefined;

/** The zod namespace, required the first time it is asked for. */
export const zod = (): ZodNamespace => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('zod') as typeof Zod).z;
  return loaded;
};

const LAZY = Symbol('lazySchema');

/** A schema built on first use. `.schema` gives the zod schema (building it once). */
export interface LazySchema<T extends Zod.ZodType> {
  readonly [LAZY]: true;
  readonly schema: T;
}

/** Declares a schema without building it: `lazySchema((z) => z.object({ … }))`. */
export const lazySchema = <T extends Zod.ZodType>(build: (z: ZodNamespace) => T): LazySchema<T> => {
  let built: T | undefined;
  return {
    [LAZY]: true,
    get schema() {
      built ??= build(zod());
      return built;
    },
  };
};

/** A schema given either way. */
export type AnySchema<T extends Zod.ZodType = Zod.ZodType> = T | LazySchema<T>;

export const isLazy = (s: unknown): s is LazySchema<Zod.ZodType> =>
  typeof s === 'object' && s !== null && (s as Record<symbol, unknown>)[LAZY] === true;

/** The zod schema behind a schema given either way. */
export const schemaOf = <T extends Zod.ZodType>(s: AnySchema<T>): T =>
  isLazy(s) ? (s as LazySchema<T>).schema : (s as T);

/** The parsed type of a schema given either way: `Infer<typeof RecordSchema>`. */
export type Infer<S> = S extends LazySchema<infer T> ? Zod.output<T> : S extends Zod.ZodType ? Zod.output<S> : never;
