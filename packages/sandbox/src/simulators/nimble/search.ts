import type { StoredContact } from './store';

/**
 * Nimble's contact search language (nimble.md §7.1), the subset the integration and the examples
 * use: `and`/`or`/`not`, text operators on fields, `record type`, `in_the_last` on dates. A clause
 * Nimble would refuse gives its reason (a string) instead of a match.
 */

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Text's words: its runs of letters and digits (punctuation and spaces part them). */
const words = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/**
 * `contain` is a full-text match on normalised tokens, whole words (nimble.md §8.3): every word of
 * the text asked for is a word of one value ("Acme, Inc." finds "ACME Inc"; "Grac" does not find "Grace").
 */
const contains = (vs: string[], arg: string): boolean => {
  const wanted = words(norm(arg));
  return vs.some((v) => {
    const own = new Set(words(v));
    return wanted.every((w) => own.has(w));
  });
};

const TEXT_OPS: Record<string, (values: string[], arg: string) => boolean> = {
  is: (vs, arg) => vs.includes(norm(arg)),
  is_not: (vs, arg) => !vs.includes(norm(arg)),
  contain: contains,
  not_contain: (vs, arg) => !contains(vs, arg),
  starts_with: (vs, arg) => vs.some((v) => v.startsWith(norm(arg))),
};

const textOp = (values: string[], op: string, arg: unknown): boolean | string => {
  if (op === 'is_empty') return (values.length === 0) === (arg !== false);
  const vs = values.map(norm);
  if (op === 'in') {
    if (!Array.isArray(arg) && typeof arg !== 'string') return `"${op}" needs a text value`;
    if (arg === '') return 'empty-string values are invalid';
    return (Array.isArray(arg) ? arg : [arg]).some((a) => vs.includes(norm(String(a))));
  }
  if (typeof arg !== 'string') return `"${op}" needs a text value`;
  if (arg === '') return 'empty-string values are invalid';
  const test = TEXT_OPS[op];
  return test ? test(vs, arg) : `operator "${op}" is not supported here`;
};

const UNITS: Record<string, number> = { second: 1, day: 86400, week: 7 * 86400, month: 30 * 86400, year: 365 * 86400 };
const TEXT_FIELDS = ['email', 'phone', 'domain', 'first name', 'last name', 'company name'];
const NAME_OPS = ['contain', 'not_contain', 'starts_with', 'is_empty'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One field clause (`{"email": {"is": "…"}}`) against a contact. */
const matchField = (c: StoredContact, key: string, op: string, arg: unknown): boolean | string => {
  const values = (name: string) => (c.fields[name] ?? []).map((v) => v.value);
  if (key === 'record type') {
    if (op !== 'is' || !['person', 'company', 'all'].includes(arg as string)) {
      return 'record type takes is person|company|all';
    }
    return arg === 'all' || c.record_type === arg;
  }
  if (key === 'names' || key === 'name') {
    if (!NAME_OPS.includes(op)) return `operator "${op}" is not supported for names`;
    const person = ['first name', 'middle name', 'last name'].flatMap(values).join(' ');
    return textOp([person, ...values('company name')].filter(Boolean), op, arg);
  }
  if (key === '__any')
    return textOp(
      Object.values(c.fields).flatMap((vs) => vs.map((v) => v.value)),
      op,
      arg,
    );
  if (TEXT_FIELDS.includes(key)) return textOp(values(key), op, arg);
  if (key === 'tag') return textOp(c.tags, op, arg);
  if (key === 'created' || key === 'updated') {
    const a = isObject(arg) ? arg : {};
    const unit = typeof a.unit === 'string' ? UNITS[a.unit] : undefined;
    if (op !== 'in_the_last' || !unit || typeof a.quantity !== 'number') {
      return `"${key}" takes in_the_last {unit, quantity} here`;
    }
    return (key === 'created' ? c.createdMs : c.updatedMs) >= Date.now() - unit * a.quantity * 1000;
  }
  return `field "${key}" can't be searched`;
};

/** One field condition (`{"name": {"contain": "Acme"}}`): true, false, or why it is refused. */
type FieldMatch = (key: string, op: string, arg: unknown) => boolean | string;

/** A query (field conditions joined with `and`/`or`/`not`), with each condition decided by `field`. */
const matchClause = (q: unknown, field: FieldMatch, depth = 0): boolean | string => {
  if (depth > 20) return 'the query is nested too deeply';
  if (!isObject(q)) return 'a query clause must be an object';
  const entries = Object.entries(q);
  if (entries.length !== 1) return 'a query clause has exactly one key';
  const [key, clause] = entries[0]!;
  if (key === 'and' || key === 'or' || key === 'not') {
    if (!Array.isArray(clause) || clause.length === 0) return `"${key}" needs a list of queries`;
    const results = clause.map((sub) => matchClause(sub, field, depth + 1));
    const error = results.find((r) => typeof r === 'string');
    if (error !== undefined) return error;
    if (key === 'and') return results.every(Boolean);
    if (key === 'or') return results.some(Boolean);
    return !results[0];
  }
  if (!isObject(clause) || Object.keys(clause).length !== 1) return `"${key}" needs one operator`;
  const [op, arg] = Object.entries(clause)[0]!;
  return field(key, op, arg);
};

export const matchQuery = (c: StoredContact, q: unknown): boolean | string =>
  matchClause(q, (key, op, arg) => matchField(c, key, op, arg));

/**
 * A query on a deal's standard values (`name` with the text operators, joined with `and`/`or`/`not`):
 * the fields a deal query takes are undocumented, so the sandbox takes only the deal's name.
 */
export const matchDealQuery = (values: Record<string, string>, q: unknown): boolean | string =>
  matchClause(q, (key, op, arg) =>
    key === 'name' ? textOp(values.name ? [values.name] : [], op, arg) : `field "${key}" can't be searched`,
  );
