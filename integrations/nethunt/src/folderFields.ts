import { booleanText, describeIssues, inputs, isIsoDateTime, nonBlank } from '@crm-zapier/kit';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as zod, type ZodType } from 'zod';
import { nethunt } from './client';
import { changeKey, emailNameKey, fieldKey, fieldName, isFieldKey } from './map';
import type { NetHuntRecord } from './schemas';

/**
 * A folder's own fields, named by the user: their kinds, their input fields, their values as
 * NetHunt stores them, and their output labels. NetHunt's `folder-field` answers names only
 * (nethunt.md, "Field types and how to type values"), so a field's kind is read from the JSON type
 * its values have in the folder's records, the reference's practical rule. A field no record holds
 * a value for stays text, unless the user marks it as a multi-value field.
 */
export type FieldKind = 'text' | 'list' | 'reference' | 'number' | 'boolean' | 'date' | 'datetime';

/** How many of the folder's records are read to learn the types of its fields. */
const TYPE_SAMPLE_SIZE = 25;

const RECORD_ID = /^[0-9a-f]{24}$/i;
/** A field named like one holding e-mail addresses ("Email", "Primary Email Address", "E-mail"). */
const LOOKS_LIKE_EMAIL = /e-?mail/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isUnset = (v: unknown): boolean => v === undefined || v === null || v === '';
const isBlank = (v: unknown): boolean => isUnset(v) || (typeof v === 'string' && v.trim() === '');
const isEmpty = (v: unknown): boolean => isUnset(v) || (Array.isArray(v) && v.length === 0);

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
 * One kind from the kinds a field's values show: a list in any record is multi-value (a list of
 * record ids: a reference); values that disagree otherwise are text, dates with times date-times.
 */
const unify = (kinds: readonly FieldKind[]): FieldKind => {
  if (kinds.includes('list')) return 'list';
  if (kinds.includes('reference')) return 'reference';
  return kinds.reduce((a, b) => (a === b ? a : isDateKind(a) && isDateKind(b) ? 'datetime' : 'text'));
};

const isDateKind = (kind: FieldKind): boolean => kind === 'date' || kind === 'datetime';

/** Each field's kind, from the values the sampled records hold. */
const kindsFromRecords = (records: readonly Pick<NetHuntRecord, 'fields'>[]): Map<string, FieldKind> => {
  const seen = records
    .flatMap((r) => Object.entries(r.fields))
    .map(([name, value]) => ({ name, kind: kindOfValue(value) }))
    .filter((s): s is { name: string; kind: FieldKind } => s.kind !== undefined);
  const names = [...new Set(seen.map((s) => s.name))];
  return new Map(names.map((name) => [name, unify(seen.filter((s) => s.name === name).map((s) => s.kind))]));
};

/** A field's kind, with the user's "Multi-Value Fields" choice over what the records show. */
export const kindOf = (kinds: Map<string, FieldKind>, name: string, listFields: readonly string[]): FieldKind => {
  const kind = kinds.get(name) ?? 'text';
  if (kind === 'reference' || kind === 'list') return kind;
  return listFields.includes(name) ? 'list' : kind;
};

/** A field's value checked by a rule; a failure names the field by its NetHunt name and its input key. */
const checked = <T>(z: ZObject, rule: ZodType<T>, value: unknown, name: string, key: string): T => {
  const parsed = rule.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
  throw new z.errors.Error(`${describeIssues(issues, { [key]: name })}.`, 'InvalidInput', 400);
};

const yesOrNo = zod.unknown().transform((v, ctx) => {
  const yes = booleanText(v);
  if (yes !== undefined) return yes;
  ctx.addIssue({ code: 'custom', message: 'must be yes or no (true or false)' });
  return zod.NEVER;
});

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]).filter((x) => !isBlank(x));

interface Kind {
  /** The Zapier input field's keys for a field of this kind, besides key, label and required. */
  input: (name: string) => { type?: 'number' | 'boolean' | 'datetime'; list?: true; helpText: string };
  /** The value as NetHunt stores it; a value that cannot be of the kind is refused, naming the field. */
  value: (z: ZObject, value: unknown, name: string, key: string) => unknown;
}

/**
 * Each kind's input field and value (nethunt.md, "Field types and how to type values"): lists as
 * arrays even for one value, numbers unquoted, checkboxes as true/false, dates as YYYY-MM-DD,
 * date-times in UTC, references as arrays of record ids.
 */
const KINDS: Record<FieldKind, Kind> = {
  text: {
    input: (name) => ({
      helpText: LOOKS_LIKE_EMAIL.test(name)
        ? `An email address for "${name}", like \`jane@example.com\` (\`Jane Doe <jane@example.com>\` keeps a name with it). Leave empty to skip the field.`
        : `A value for "${name}". Leave empty to skip the field.`,
    }),
    value: (_z, value) => value,
  },
  list: {
    input: (name) => ({
      list: true,
      helpText: `Values for "${name}", which holds several, one per entry. Leave empty to skip the field.`,
    }),
    value: (_z, value) => asList(value).map((v) => (typeof v === 'string' ? v.trim() : v)),
  },
  reference: {
    input: (name) => ({
      list: true,
      helpText: `Records linked in "${name}": one record ID per entry (map it from a trigger or a **Find Record** step). Leave empty to skip the field.`,
    }),
    value: (z, value, name, key) => asList(value).map((v) => checked(z, inputs.id(), v, name, key)),
  },
  number: {
    input: (name) => ({
      type: 'number',
      helpText: `A number for "${name}". Leave empty to skip the field.`,
    }),
    value: (z, value, name, key) => checked(z, inputs.number(), value, name, key),
  },
  boolean: {
    input: (name) => ({
      type: 'boolean',
      helpText: `Yes or no for the checkbox "${name}". Leave empty to skip the field.`,
    }),
    value: (z, value, name, key) => checked(z, yesOrNo, value, name, key),
  },
  date: {
    input: (name) => ({
      type: 'datetime',
      helpText: `A date for "${name}"; the day is kept as you give it, with no time zone shift. Leave empty to skip the field.`,
    }),
    // The day as the user gave it: converting to UTC could move it to the day before.
    value: (z, value, name, key) => checked(z, inputs.isoDateTime(), value, name, key).slice(0, 10),
  },
  datetime: {
    input: (name) => ({
      type: 'datetime',
      helpText: `A date and time for "${name}". Leave empty to skip the field.`,
    }),
    value: (z, value, name, key) => new Date(checked(z, inputs.isoDateTime(), value, name, key)).toISOString(),
  },
};

/** The Zapier input field for a folder field of this kind. */
const inputFieldFor = (key: string, name: string, kind: FieldKind) => ({
  key,
  label: name,
  required: false,
  ...KINDS[kind].input(name),
});

/** A value as NetHunt stores a field of this kind; a bad value is refused, naming the field. */
export const typedValue = (z: ZObject, kind: FieldKind, value: unknown, name: string, key: string): unknown =>
  KINDS[kind].value(z, value, name, key);

/** Each value typed as its field's kind; a bad value is refused, naming the field. */
export const typedFieldValues = (
  z: ZObject,
  values: Record<string, unknown>,
  kindOfField: (name: string) => FieldKind,
): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typedValue(z, kindOfField(name), value, name, fieldKey(name)),
    ]),
  );

/** Input values of the folder's fields, under their NetHunt names. Empty values are not sent. */
export const fieldValuesFromInput = (inputData: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(inputData)
      .filter(([key, value]) => isFieldKey(key) && !isUnset(value) && !(Array.isArray(value) && value.every(isUnset)))
      .map(([key, value]) => [fieldName(key), value]),
  );

/**
 * Each field's kind, read from the folder's records: `folder-field` gives names only (nethunt.md,
 * "Field types and how to type values"). One read of the folder's oldest records.
 */
export const folderFieldKinds = async (z: ZObject, folderId: string): Promise<Map<string, FieldKind>> =>
  kindsFromRecords(
    await nethunt(z).newRecords(folderId, { since: new Date(0).toISOString(), limit: TYPE_SAMPLE_SIZE }),
  );

/** The names the user marked under Multi-Value Fields. */
export const listFieldsOf = (inputData: { list_fields?: unknown; [key: string]: unknown }): string[] => {
  const v = inputData.list_fields;
  const list: unknown[] = Array.isArray(v) ? v : [v];
  return list.map(nonBlank).filter((n) => n !== undefined);
};

const folderIdOf = (bundle: Bundle): string | undefined => nonBlank(bundle.inputData.folder_id);

/** The folder's fields as input fields, labelled with their NetHunt names and typed like their values. */
export const folderInputFields = async (z: ZObject, bundle: Bundle) => {
  const folderId = folderIdOf(bundle);
  if (!folderId) return [];
  const [fields, kinds] = await Promise.all([nethunt(z).folderFields(folderId), folderFieldKinds(z, folderId)]);
  const listFields = listFieldsOf(bundle.inputData);
  return fields.map((f) => inputFieldFor(fieldKey(f.name), f.name, kindOf(kinds, f.name, listFields)));
};

/**
 * The folder's fields as labelled output fields, so mapped values show their real names: lists
 * marked as lists (their kind read from the folder's records, as for inputs), and beside a field
 * named like an e-mail field, the label of the names its addresses carry.
 */
export const folderOutputFields = async (z: ZObject, bundle: Bundle) => {
  const folderId = folderIdOf(bundle);
  if (!folderId) return [];
  const [fields, kinds] = await Promise.all([nethunt(z).folderFields(folderId), folderFieldKinds(z, folderId)]);
  return fields.flatMap((f) => {
    const kind = kinds.get(f.name);
    const list = kind === 'list' || kind === 'reference' ? { list: true } : {};
    const field = { key: fieldKey(f.name), label: f.name, ...list };
    return LOOKS_LIKE_EMAIL.test(f.name)
      ? [field, { key: emailNameKey(f.name), label: `${f.name} (Name)`, ...list }]
      : [field];
  });
};

/** Labels for each field's added and removed values in a record change, named after the folder's fields. */
export const changeOutputFieldsFor = async (z: ZObject, bundle: Bundle) => {
  const folderId = folderIdOf(bundle);
  if (!folderId) return [];
  const fields = await nethunt(z).folderFields(folderId);
  return fields.flatMap((f) => [
    { key: changeKey(f.name, 'add'), label: `${f.name}: New Value` },
    { key: changeKey(f.name, 'remove'), label: `${f.name}: Removed Value` },
  ]);
};
