import {
  type FlatObject,
  namedFieldKeys,
  newestFirst,
  parseEmailAddress,
  toFlatValue,
  updateEventId,
} from '@crm-zapier/kit';
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { typedValue, type FieldKind } from './fieldTypes';
import type { NetHuntComment, NetHuntRecord, RecordChange, RecordItem } from './schemas';

/**
 * Folder fields are named by the user ("Primary Email Address"). Inputs and outputs carry them under
 * `fields__<name>`: the prefix cannot clash with our own keys, and the name comes back unchanged.
 */
const FIELDS = namedFieldKeys('fields__');
export const FIELD_PREFIX = FIELDS.prefix;
export const fieldKey = FIELDS.key;
export const isFieldKey = FIELDS.isKey;
export const fieldName = FIELDS.nameOf;

/** Record fields as flat outputs: scalars and lists of scalars stay as they are. */
export const flattenFields = (fields: Record<string, unknown>, out: FlatObject = {}): FlatObject => {
  for (const name of Object.keys(fields)) out[fieldKey(name)] = toFlatValue(fields[name]);
  return out;
};

/** Any of NetHunt's record shapes (trigger, search, create, update answers) as one flat output. */
export const flattenRecord = (r: {
  recordId: string;
  createdAt?: string;
  updatedAt?: string;
  fields: Record<string, unknown>;
}): FlatObject & { id: string } =>
  // The fields go straight into the output: no intermediate object to spread (bench/RESULTS.md §3).
  flattenFields(r.fields, {
    id: r.recordId,
    record_id: r.recordId,
    created_at: r.createdAt ?? null,
    updated_at: r.updatedAt ?? null,
  }) as FlatObject & { id: string };

/** An update event: one id per (record, update time), so each update fires once. */
export const flattenUpdate = (r: NetHuntRecord): FlatObject & { id: string } => {
  const out = flattenRecord(r);
  out.id = updateEventId(r.recordId, r.updatedAt ?? r.createdAt);
  return out;
};

export const flattenComment = (c: NetHuntComment): FlatObject & { id: string } => ({
  id: c.commentId,
  comment_id: c.commentId,
  record_id: c.recordId,
  created_at: c.createdAt,
  text: c.text,
});

/** A record change with each field's added and removed values as their own outputs. */
export const flattenChange = (c: RecordChange): FlatObject & { id: string } => {
  const email = c.user?.emailAddress ? parseEmailAddress(c.user.emailAddress).email : null;
  const out: FlatObject & { id: string } = {
    id: c.id,
    change_id: c.id,
    record_id: c.recordId,
    time: c.time,
    action: c.recordAction,
    user_name: c.user?.personalName ?? null,
    user_email: email,
    changed_fields: Object.keys(c.fieldActions ?? {}),
  };
  for (const [name, action] of Object.entries(c.fieldActions ?? {})) {
    if (action.add !== undefined) out[`field_actions__${name}__add`] = toFlatValue(action.add);
    if (action.remove !== undefined) out[`field_actions__${name}__remove`] = toFlatValue(action.remove);
  }
  return out;
};

/** Zapier wants polling results newest first; the document does not promise an order. */
export const newestRecords = (records: NetHuntRecord[], by: 'createdAt' | 'updatedAt'): NetHuntRecord[] =>
  newestFirst(records, (r) => (by === 'updatedAt' ? (r.updatedAt ?? r.createdAt) : r.createdAt));

/** Input values of the per-folder fields, under their NetHunt names. Empty values are not sent. */
export const fieldValuesFromInput = (inputData: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputData)) {
    if (!isFieldKey(key) || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.every((v) => v === undefined || v === null || v === '')) continue;
    out[fieldName(key)] = value;
  }
  return out;
};

/** Each value typed as its field's kind (./fieldTypes); a bad value is refused, naming the field. */
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

/** NetHunt's camelCase key as an output key: `callLogId` → `call_log_id`. */
export const outputKey = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_');

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An answer nobody documents, output as it arrives: every key kept (snake_case), nested objects
 * flattened to `parent__child`, lists of values kept as lists, anything deeper as JSON text.
 */
export const asFlatOutput = (
  item: Record<string, unknown>,
  prefix = '',
  out: FlatObject = {},
  depth = 0,
): FlatObject => {
  for (const [key, value] of Object.entries(item)) {
    const name = `${prefix}${outputKey(key)}`;
    if (isPlainObject(value) && depth < 3 && Object.keys(value).length > 0)
      asFlatOutput(value, `${name}__`, out, depth + 1);
    else out[name] = toFlatValue(value);
  }
  return out;
};

/** Key-sorted JSON, so that the same item always hashes the same. */
const stableJson = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stableJson).join(',')}]`
    : isPlainObject(v)
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
          .join(',')}}`
      : (JSON.stringify(v) ?? 'null');

/**
 * The item's own id (`id`, else `ownId` such as `callLogId`), or, when it has none, its record's id
 * with a hash of the whole item: one stable id per item, every poll.
 */
export const itemId = (item: RecordItem, ownId?: string): string => {
  const own = [item.id, ownId ? item[ownId] : undefined].find(
    (v) => (typeof v === 'string' && v !== '') || typeof v === 'number',
  );
  if (own !== undefined) return String(own);
  return `${item.recordId}-h${createHash('sha256').update(stableJson(item)).digest('hex').slice(0, 16)}`;
};

/** Newest first by `createdAt` (else `time`), each id once: what Zapier's dedupe needs. */
export const newestItems = <T extends RecordItem>(items: readonly T[], ownId?: string): T[] => {
  const seen = new Set<string>();
  return newestFirst(items, (i) => i.createdAt ?? i.time).filter((i) => {
    const id = itemId(i, ownId);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const firstText = (item: Record<string, unknown>, keys: readonly string[]): string | null =>
  keys.map((k) => text(item[k])).find((v) => v !== null) ?? null;

/** A call log of `new-call-log`: the keys the reference guesses, always present, and whatever else came. */
export const flattenCallLogItem = (c: RecordItem): FlatObject & { id: string } => ({
  call_log_id: text(c.callLogId) ?? (typeof c.id === 'string' || typeof c.id === 'number' ? String(c.id) : null),
  record_id: c.recordId,
  created_at: null,
  text: null,
  time: null,
  duration: null,
  ...asFlatOutput(c),
  id: itemId(c, 'callLogId'),
});

/** Keys a file's name or link may come under: the answer is undocumented (nethunt.md). */
const FILE_NAME_KEYS = ['name', 'fileName', 'title', 'filename'];
const FILE_LINK_KEYS = ['url', 'link', 'webViewLink', 'alternateLink', 'fileUrl', 'driveUrl', 'webUrl'];

/** A Google Drive file of `new-gdrivefile`: its name, link and record, and whatever else came. */
export const flattenDriveFileItem = (f: RecordItem): FlatObject & { id: string } => ({
  record_id: f.recordId,
  created_at: null,
  ...asFlatOutput(f),
  name: firstText(f, FILE_NAME_KEYS),
  link: firstText(f, FILE_LINK_KEYS),
  id: itemId(f),
});
