import { asRecord, type FlatObject, newestFirst, nonBlank, toFlatValue, updateEventId } from '@crm-zapier/kit';
import { createHash } from 'node:crypto';
import type { NetHuntComment, NetHuntRecord, RecordChange, RecordItem } from './schemas';

type Flat = FlatObject & { id: string };

/**
 * Folder fields are named by the user ("Primary Email Address"). Inputs and outputs carry them under
 * `fields__<name>`: the prefix cannot clash with our own keys, and the name comes back unchanged.
 */
const FIELD_PREFIX = 'fields__';
export const fieldKey = (name: string): string => `${FIELD_PREFIX}${name}`;
export const isFieldKey = (key: string): boolean => key.startsWith(FIELD_PREFIX) && key.length > FIELD_PREFIX.length;
export const fieldName = (key: string): string => key.slice(FIELD_PREFIX.length);

/** The output key of a value a record change added or removed: `field_actions__Salary__add`. */
export const changeKey = (name: string, side: 'add' | 'remove'): string => `field_actions__${name}__${side}`;

/** Record fields as flat outputs: scalars and lists of scalars stay as they are. */
const flattenFields = (fields: Record<string, unknown>): FlatObject =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [fieldKey(name), toFlatValue(value)]));

/** Any of NetHunt's record shapes (trigger, search, create, update answers) as one flat output. */
export const flattenRecord = (r: {
  recordId: string;
  createdAt?: string;
  updatedAt?: string;
  fields: Record<string, unknown>;
}): Flat => ({
  id: r.recordId,
  record_id: r.recordId,
  created_at: r.createdAt ?? null,
  updated_at: r.updatedAt ?? null,
  ...flattenFields(r.fields),
});

/** An update event: one id per (record, update time), so each update fires once. */
export const flattenUpdate = (r: NetHuntRecord): Flat => ({
  ...flattenRecord(r),
  id: updateEventId(r.recordId, r.updatedAt ?? r.createdAt),
});

export const flattenComment = (c: NetHuntComment): Flat => ({
  id: c.commentId,
  comment_id: c.commentId,
  record_id: c.recordId,
  created_at: c.createdAt,
  text: c.text,
});

const SIDES = ['add', 'remove'] as const;

/** Each field's added and removed values, under their own keys. */
const changedValues = (actions: RecordChange['fieldActions']): FlatObject =>
  Object.fromEntries(
    Object.entries(actions ?? {}).flatMap(([name, action]) =>
      SIDES.filter((side) => action[side] !== undefined).map((side) => [
        changeKey(name, side),
        toFlatValue(action[side]),
      ]),
    ),
  );

/** A record change with each field's added and removed values as their own outputs. */
export const flattenChange = (c: RecordChange): Flat => ({
  id: c.id,
  change_id: c.id,
  record_id: c.recordId,
  time: c.time,
  action: c.recordAction,
  user_name: c.user?.personalName ?? null,
  user_email: c.user?.emailAddress ? parseEmailAddress(c.user.emailAddress).email : null,
  changed_fields: Object.keys(c.fieldActions ?? {}),
  ...changedValues(c.fieldActions),
});

/** Zapier wants polling results newest first; the document does not promise an order. */
export const newestRecords = (records: NetHuntRecord[], by: 'createdAt' | 'updatedAt'): NetHuntRecord[] =>
  newestFirst(records, (r) => (by === 'updatedAt' ? (r.updatedAt ?? r.createdAt) : r.createdAt));

/** NetHunt's camelCase key as an output key: `callLogId` → `call_log_id`. */
const outputKey = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_');

/** How deep an undocumented answer is flattened to `parent__child` keys; deeper values are JSON text. */
const MAX_NESTING = 3;

/**
 * An answer nobody documents, output as it arrives: every key kept (snake_case), nested objects
 * flattened to `parent__child`, lists of values kept as lists, anything deeper as JSON text.
 */
export const asFlatOutput = (item: Record<string, unknown>, prefix = '', depth = 0): FlatObject =>
  Object.fromEntries(
    Object.entries(item).flatMap(([key, value]) => {
      const name = `${prefix}${outputKey(key)}`;
      const nested = asRecord(value);
      return nested && depth < MAX_NESTING && Object.keys(nested).length > 0
        ? Object.entries(asFlatOutput(nested, `${name}__`, depth + 1))
        : [[name, toFlatValue(value)]];
    }),
  );

/** Key-sorted JSON, so that the same item always hashes the same. */
const stableJson = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const object = asRecord(v);
  if (!object) return JSON.stringify(v) ?? 'null';
  const entries = Object.keys(object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(object[k])}`);
  return `{${entries.join(',')}}`;
};

/**
 * The item's own id (`id`, else `ownId` such as `callLogId`), or, when it has none, its record's id
 * with a hash of the whole item: one stable id per item, every poll.
 */
const itemId = (item: RecordItem, ownId?: string): string => {
  const own = [item.id, ownId ? item[ownId] : undefined].find(
    (v) => (typeof v === 'string' && v !== '') || typeof v === 'number',
  );
  if (own !== undefined) return String(own);
  return `${item.recordId}-h${createHash('sha256').update(stableJson(item)).digest('hex').slice(0, 16)}`;
};

/** Newest first by `createdAt` (else `time`), each id once: what Zapier's dedupe needs. */
export const newestItems = <T extends RecordItem>(items: readonly T[], ownId?: string): T[] =>
  newestFirst(items, (i) => i.createdAt ?? i.time)
    .map((item) => ({ item, id: itemId(item, ownId) }))
    .filter(({ id }, index, all) => all.findIndex((other) => other.id === id) === index)
    .map(({ item }) => item);

const firstText = (item: Record<string, unknown>, keys: readonly string[]): string | null =>
  keys.map((k) => nonBlank(item[k])).find((v) => v !== undefined) ?? null;

/** A call log of `new-call-log`: the keys the reference guesses, always present, and whatever else came. */
export const flattenCallLogItem = (c: RecordItem): Flat => ({
  call_log_id: nonBlank(c.callLogId) ?? (c.id === undefined ? null : String(c.id)),
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
export const flattenDriveFileItem = (f: RecordItem): Flat => ({
  record_id: f.recordId,
  created_at: null,
  ...asFlatOutput(f),
  name: firstText(f, FILE_NAME_KEYS),
  link: firstText(f, FILE_LINK_KEYS),
  id: itemId(f),
});

/** Labels for the keys every record output has. */
export const recordOutputFields = [
  { key: 'id', label: 'Record ID', type: 'string' as const },
  { key: 'record_id', label: 'Record ID (NetHunt)', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' as const },
];

/** Parses "Jane Doe <jane@example.com>" (or "<jane@example.com>") into its parts. */
export const parseEmailAddress = (text: string): { name: string | null; email: string } => {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(text);
  if (match) return { name: match[1] ? match[1] : null, email: match[2]!.trim() };
  return { name: null, email: text.trim() };
};
