/**
 * Schemas declared with `lazySchema` are built on first use. zod itself is imported like any module
 * (one `import`, so a bundler inlines one build of it); the apps are moving to plain zod schemas.
 */
import { z as zodNamespace } from 'zod';
import type * as Zod from 'zod';

export type ZodNamespace = typeof Zod.z;

/** The zod namespace. */
export const zod = (): ZodNamespace => zodNamespace;

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
