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

/**
 * A stable snake_case key for a name the user chose in the CRM ("Primary Email Address" →
 * "primary_email_address"), safe for Zapier's key rules. Empty or symbol-only names get a hash.
 */
export const keyFromName = (name: string): string => {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug) return slug;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `field_${hash.toString(36)}`;
};

/** Parses "Jane Doe <jane@example.com>" (or "<jane@example.com>") into its parts. */
export const parseEmailAddress = (text: string): { name: string | null; email: string } => {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(text);
  if (match) return { name: match[1] ? match[1] : null, email: match[2]!.trim() };
  return { name: null, email: text.trim() };
};

/**
 * Keys for fields the user names in the CRM ("Primary Email Address"): inputs and outputs carry
 * them under `<prefix><name>`, which cannot clash with an app's own keys and gives the name back
 * unchanged. Keys are kept per name (bounded: accounts have tens of fields), so flattening many
 * records does not build and intern the same key string again for every record.
 */
export const namedFieldKeys = (prefix: string, max = 2000) => {
  const keys = new Map<string, string>();
  return {
    prefix,
    key: (name: string): string => {
      let key = keys.get(name);
      if (key === undefined) {
        key = `${prefix}${name}`;
        if (keys.size < max) keys.set(name, key);
      }
      return key;
    },
    isKey: (key: string): boolean => key.startsWith(prefix) && key.length > prefix.length,
    nameOf: (key: string): string => key.slice(prefix.length),
  };
};
