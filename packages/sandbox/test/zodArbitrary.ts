/**
 * fast-check arbitraries derived from zod 4 schemas: any value the schema accepts (and, for loose
 * objects, unknown extra keys), generated from the input side of transforms and filtered by the
 * schema itself, so what comes out is exactly what a vendor answer may hold after parsing.
 */
import fc from 'fast-check';
import type { z } from 'zod';

type Def = { type: string; [key: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const STRING = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', 'abc123', '5049fb849b85f669e40000dc', 'Ada Lovelace', 'ünïcødé ✓', '{"a":1}', '__proto__'),
  fc
    .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.emailAddress(),
  fc.webUrl(),
);
const NUMBER = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e21),
);

const passes = (schema: z.ZodType) => (v: unknown) => schema.safeParse(v).success;

const isOptional = (s: z.ZodType): boolean => ['optional', 'default', 'prefault'].includes(defOf(s).type);

/** An arbitrary of the values `schema` accepts as input. */
export const arbitraryOf = (schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  const inner = (s: unknown) => arbitraryOf(s as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string':
      return STRING.filter(passes(schema));
    case 'number':
    case 'int':
      return NUMBER.filter(passes(schema));
    case 'bigint':
      return fc.bigInt();
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'date':
      return fc.date({ noInvalidDate: true });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'lazy':
      return depth > 4 ? fc.constant(undefined) : inner((def.getter as () => unknown)());
    case 'pipe':
      return inner(def.in).filter(passes(schema));
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(inner));
    case 'array':
      return fc.array(inner(def.element), { maxLength: depth > 2 ? 1 : 3 }).filter(passes(schema));
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map(inner));
    case 'record':
      return fc.dictionary(
        STRING.filter(passes(def.keyType as z.ZodType)) as fc.Arbitrary<string>,
        inner(def.valueType),
        {
          maxKeys: 4,
        },
      );
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const requiredKeys = Object.keys(shape).filter((k) => !isOptional(shape[k]!));
      const known = fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s)])), {
        requiredKeys,
      } as { requiredKeys: string[] });
      const catchall = def.catchall as z.ZodType | undefined;
      if (!catchall || defOf(catchall).type === 'never') return known;
      // A loose object: unknown extra keys, of any JSON value, ride along.
      const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), inner(catchall), { maxKeys: 3 });
      return fc.tuple(extra, known).map(([x, k]) => ({ ...x, ...(k as object) }));
    }
    default:
      // unknown, any and anything not modelled: any JSON value.
      return depth > 6 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
};

/** Records the schema accepts, as the app sees them after parsing. */
export const parsedRecords = (schema: z.ZodType): fc.Arbitrary<unknown> =>
  arbitraryOf(schema)
    .filter(passes(schema))
    .map((v) => schema.parse(v));
