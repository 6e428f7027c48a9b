/** Output shaping: Zapier outputs are flat objects of scalars and arrays of scalars. */

export type Scalar = string | number | boolean | null;
export type FlatValue = Scalar | Scalar[];
export type FlatObject = Record<string, FlatValue>;

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** How deep JSON text of a nested value goes; deeper levels read "[nested too deep]". */
const MAX_DEPTH = 32;

/**
 * JSON text of any value, cut at MAX_DEPTH levels: a CRM value nested thousands of levels deep
 * (JSON.parse reads it; JSON.stringify would overflow the stack) must not break every poll.
 */
export const boundedJson = (value: unknown): string => {
  const depth = new WeakMap<object, number>();
  return JSON.stringify(value, function (this: object, _key: string, v: unknown) {
    if (v === null || typeof v !== 'object') return v;
    const level = (depth.get(this) ?? 0) + 1;
    if (level > MAX_DEPTH) return '[nested too deep]';
    depth.set(v, level);
    return v;
  });
};

/** Any value as a scalar: objects become JSON text so nothing is lost (to a sane depth) and nothing nests. */
export const toScalar = (v: unknown): Scalar => (v === undefined ? null : isScalar(v) ? v : boundedJson(v));

/** Any value as a flat value: arrays of scalars stay arrays, anything else becomes a scalar. */
export const toFlatValue = (v: unknown): FlatValue =>
  Array.isArray(v) ? v.map((item) => toScalar(item)) : toScalar(v);
