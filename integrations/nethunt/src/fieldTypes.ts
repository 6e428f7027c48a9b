import { inputs, isIsoDateTime, parseInput, zod } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import type { NetHuntRecord } from './schemas';

/**
 * How to type a folder field's value. NetHunt's `folder-field` answers names only (nethunt.md,
 * "Field types and how to type values"), so a field's kind is read from the JSON type its values
 * have in the folder's records, the reference's practical rule. A field no record holds a value
 * for stays text, unless the user marks it as a multi-value field.
 */
export type FieldKind = 'text' | 'list' | 'reference' | 'number' | 'boolean' | 'date' | 'datetime';

/** How many of the folder's records are read to learn the types of its fields. */
export const TYPE_SAMPLE_SIZE = 25;

const RECORD_ID = /^[0-9a-f]{24}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The kind one stored value shows (undefined for an empty value, which says nothing). */
const kindOfValue = (v: unknown): FieldKind | undefined => {
  if (isEmpty(v)) return undefined;
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string' && RECORD_ID.test(x)) ? 'reference' : 'list';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string' && DATE_ONLY.test(v) && isIsoDateTime(v)) return 'date';
  if (typeof v === 'string' && DATE_TIME.test(v) && isIsoDateTime(v)) return 'datetime';
  return 'text';
};

/**
 * Each field's kind, from the values the sampled records hold. A field that is a list in any
 * record is multi-value (a list of record ids: a reference); a field whose values disagree
 * otherwise is text.
 */
export const kindsFromRecords = (records: readonly Pick<NetHuntRecord, 'fields'>[]): Map<string, FieldKind> => {
  const seen = new Map<string, Set<FieldKind>>();
  for (const r of records) {
    for (const [name, value] of Object.entries(r.fields)) {
      const kind = kindOfValue(value);
      if (!kind) continue;
      let set = seen.get(name);
      if (!set) seen.set(name, (set = new Set()));
      set.add(kind);
    }
  }
  const kinds = new Map<string, FieldKind>();
  for (const [name, set] of seen) {
    if (set.has('list')) kinds.set(name, 'list');
    else if (set.has('reference')) kinds.set(name, 'reference');
    else if (set.size === 1) kinds.set(name, [...set][0]!);
    else if ([...set].every((k) => k === 'date' || k === 'datetime')) kinds.set(name, 'datetime');
    else kinds.set(name, 'text');
  }
  return kinds;
};

/** A field's kind, with the user's "Multi-Value Fields" choice over what the records show. */
export const kindOf = (kinds: Map<string, FieldKind>, name: string, listFields: readonly string[]): FieldKind => {
  const kind = kinds.get(name) ?? 'text';
  if (kind === 'reference' || kind === 'list') return kind;
  return listFields.includes(name) ? 'list' : kind;
};

/** The Zapier input field for a folder field of this kind. */
export const inputFieldFor = (key: string, name: string, kind: FieldKind) => {
  const base = { key, label: name, required: false };
  switch (kind) {
    case 'list':
      return {
        ...base,
        list: true,
        helpText: `Values for the NetHunt multi-value field "${name}", one per entry; each is sent as an item of a list. Leave empty to skip the field.`,
      };
    case 'reference':
      return {
        ...base,
        list: true,
        helpText: `Records linked in the NetHunt field "${name}": one 24-character record ID per entry. Leave empty to skip the field.`,
      };
    case 'number':
      return {
        ...base,
        type: 'number' as const,
        helpText: `A number for the NetHunt field "${name}". Leave empty to skip the field.`,
      };
    case 'boolean':
      return {
        ...base,
        type: 'boolean' as const,
        helpText: `Yes or no for the NetHunt checkbox "${name}". Leave empty to skip the field.`,
      };
    case 'date':
      return {
        ...base,
        type: 'datetime' as const,
        helpText: `A date for the NetHunt field "${name}"; the day is sent as you give it (YYYY-MM-DD), with no time zone shift. Leave empty to skip the field.`,
      };
    case 'datetime':
      return {
        ...base,
        type: 'datetime' as const,
        helpText: `A date and time for the NetHunt field "${name}", sent in UTC. Leave empty to skip the field.`,
      };
    default:
      return {
        ...base,
        helpText: `Value for the NetHunt field "${name}". Emails as \`Name <address>\` or a bare address; leave empty to skip the field.`,
      };
  }
};

const YES = /^(true|yes|1)$/i;
const NO = /^(false|no|0)$/i;

/** The kit's rule for each kind that has one (a number, a date, an id), and a yes/no rule. */
const RULES = {
  number: () => inputs.number(),
  boolean: () =>
    zod()
      .union([zod().boolean(), zod().string().trim()])
      .transform((v, ctx) => {
        if (typeof v === 'boolean') return v;
        if (YES.test(v)) return true;
        if (NO.test(v)) return false;
        ctx.addIssue({ code: 'custom', message: 'must be yes or no (true or false)' });
        return zod().NEVER;
      }),
  date: () => inputs.isoDateTime(),
  reference: () => inputs.id(),
};

/** One value checked by a rule; a failure names the field by its NetHunt name and its input key. */
const check = <K extends keyof typeof RULES>(z: ZObject, rule: K, value: unknown, name: string, key: string) =>
  parseInput(z, zod().object({ [key]: RULES[rule]() }), { [key]: value }, [{ key, label: name }])[key] as ReturnType<
    ReturnType<(typeof RULES)[K]>['parse']
  >;

const asList = (v: unknown): unknown[] =>
  (Array.isArray(v) ? v : [v]).filter(
    (x) => x !== undefined && x !== null && !(typeof x === 'string' && x.trim() === ''),
  );

/**
 * A value as NetHunt stores a field of this kind (nethunt.md, "Field types and how to type
 * values"): lists as arrays even for one value, numbers unquoted, checkboxes as true/false, dates
 * as YYYY-MM-DD, date-times in UTC, references as arrays of record ids. A value that cannot be of
 * the kind is refused, naming the field, before any request.
 */
export const typedValue = (z: ZObject, kind: FieldKind, value: unknown, name: string, key: string): unknown => {
  switch (kind) {
    case 'list':
      return asList(value).map((v) => (typeof v === 'string' ? v.trim() : v));
    case 'reference':
      return asList(value).map((v) => check(z, 'reference', v, name, key));
    case 'number':
      return check(z, 'number', value, name, key);
    case 'boolean':
      return check(z, 'boolean', value, name, key);
    case 'date':
      // The day as the user gave it: converting to UTC could move it to the day before.
      return check(z, 'date', value, name, key).slice(0, 10);
    case 'datetime':
      return new Date(check(z, 'date', value, name, key)).toISOString();
    default:
      return value;
  }
};
