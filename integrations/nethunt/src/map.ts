import {
  asRecord,
  type FlatObject,
  type FlatValue,
  newestFirst,
  nonBlank,
  toFlatValue,
  toScalar,
  updateEventId,
} from '@crm-zapier/kit';
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

/** The output key of an e-mail field's display name: `fields__Email__name`. */
export const emailNameKey = (name: string): string => `${fieldKey(name)}__name`;

const BARE_EMAIL = /^[^\s<>@]+@[^\s<>@]+$/;
const NAMED_EMAIL = /^\s*(.*?)\s*<([^\s<>@]+@[^\s<>@]+)>\s*$/;

/**
 * An e-mail address as NetHunt writes it (nethunt.md, "Shapes": `Name <address>`), or bare, split
 * into the address and the name; undefined for any other value.
 */
export const emailParts = (value: unknown): { email: string; name: string | null } | undefined => {
  if (typeof value !== 'string') return undefined;
  const named = NAMED_EMAIL.exec(value);
  if (named) return { email: named[2]!, name: named[1] ? named[1] : null };
  const bare = value.trim();
  return BARE_EMAIL.test(bare) ? { email: bare, name: null } : undefined;
};

/** A value with e-mail addresses as bare addresses (`Jane <jane@x.com>` → `jane@x.com`), else as it is. */
const bareEmails = (value: unknown): FlatValue => {
  if (Array.isArray(value)) return value.map((v) => emailParts(v)?.email ?? toScalar(v));
  return emailParts(value)?.email ?? toFlatValue(value);
};

/**
 * One field as flat outputs. An e-mail field (every value an address) is output as bare
 * addresses, its names beside them under `fields__<name>__name` (`''` in a list for an address
 * without one, so that the two lists line up).
 */
const flattenField = (name: string, value: unknown): [string, FlatValue][] => {
  const one = emailParts(value);
  if (one)
    return [
      [fieldKey(name), one.email],
      [emailNameKey(name), one.name],
    ];
  const many = Array.isArray(value) && value.length > 0 ? value.map(emailParts) : [];
  if (many.length > 0 && many.every((p) => p !== undefined)) {
    return [
      [fieldKey(name), many.map((p) => p!.email)],
      [emailNameKey(name), many.map((p) => p!.name ?? '')],
    ];
  }
  return [[fieldKey(name), toFlatValue(value)]];
};

/** Record fields as flat outputs: scalars and lists of scalars stay as they are, e-mails bare. */
const flattenFields = (fields: Record<string, unknown>): FlatObject =>
  Object.fromEntries(Object.entries(fields).flatMap(([name, value]) => flattenField(name, value)));

/**
 * The name a record goes by: its `Name` field (the name field NetHunt's folders and samples
 * have), else the first non-blank text of a field named like a name. Null when it has none.
 */
export const recordName = (fields: Record<string, unknown>): string | null => {
  const entries = Object.entries(fields);
  const exact = entries.filter(([k]) => k.trim().toLowerCase() === 'name');
  const named = entries.filter(([k]) => /name/i.test(k));
  return [...exact, ...named].map(([, v]) => nonBlank(v)).find((v) => v !== undefined) ?? null;
};

/** Any of NetHunt's record shapes (trigger, search, create, update answers). */
interface AnyRecord {
  recordId: string;
  createdAt?: string;
  updatedAt?: string;
  link?: string;
  fields: Record<string, unknown>;
}

/**
 * A record as one flat output: its id once, its name, its link in NetHunt when the answer has one
 * (nethunt.md, "Shapes": optional `link`), and its fields.
 */
export const flattenRecord = (r: AnyRecord): Flat => ({
  id: r.recordId,
  name: recordName(r.fields),
  url: r.link ?? null,
  created_at: r.createdAt ?? null,
  updated_at: r.updatedAt ?? null,
  ...flattenFields(r.fields),
});

/** A record for the record dropdown: its id, labelled by its name (its id when it has none). */
export const recordChoice = (r: AnyRecord): { id: string; name: string } => ({
  id: r.recordId,
  name: recordName(r.fields) ?? r.recordId,
});

/** An update event: one id per (record, update time), so each update fires once; the record's own id beside it. */
export const flattenUpdate = (r: NetHuntRecord): Flat => {
  const { id: _recordId, ...rest } = flattenRecord(r);
  return { id: updateEventId(r.recordId, r.updatedAt ?? r.createdAt), record_id: r.recordId, ...rest };
};

/** A comment with its record's name (null when it could not be read). */
export const flattenComment = (c: NetHuntComment, recordName: string | null): Flat => ({
  id: c.commentId,
  record_id: c.recordId,
  record_name: recordName,
  created_at: c.createdAt,
  text: c.text,
});

const SIDES = ['add', 'remove'] as const;

/** Each field's added and removed values, under their own keys (e-mail addresses bare). */
const changedValues = (actions: RecordChange['fieldActions']): FlatObject =>
  Object.fromEntries(
    Object.entries(actions ?? {}).flatMap(([name, action]) =>
      SIDES.filter((side) => action[side] !== undefined).map((side) => [
        changeKey(name, side),
        bareEmails(action[side]),
      ]),
    ),
  );

/** What a change did, who did it and the values it changed. */
const changeDetails = (c: RecordChange): FlatObject => ({
  time: c.time,
  action: c.recordAction,
  user_name: c.user?.personalName ?? null,
  user_email: c.user?.emailAddress ? (emailParts(c.user.emailAddress)?.email ?? null) : null,
  changed_fields: Object.keys(c.fieldActions ?? {}),
  ...changedValues(c.fieldActions),
});

/** A record change (Record Change, Deleted Record): the event's id, its record's id and name, and what changed. */
export const flattenChange = (c: RecordChange, recordName: string | null): Flat => ({
  id: c.id,
  record_id: c.recordId,
  record_name: recordName,
  ...changeDetails(c),
});

/**
 * New or Updated Record: the record as it is now (flattened as for New Record; only its name,
 * from the change log, when NetHunt no longer lists it) and, beside it, what the change did.
 */
export const flattenChangedRecord = (c: RecordChange, name: string | null, record?: NetHuntRecord): Flat => {
  const { id: _recordId, ...rest } = record
    ? flattenRecord(record)
    : { id: c.recordId, name, url: null, created_at: null, updated_at: null };
  return { id: c.id, record_id: c.recordId, ...rest, ...changeDetails(c) };
};

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
export const flattenCallLogItem = (c: RecordItem): Flat => {
  const id = itemId(c, 'callLogId');
  const { call_log_id: callLogId, ...rest } = asFlatOutput(c);
  return {
    record_id: c.recordId,
    created_at: null,
    text: null,
    time: null,
    duration: null,
    ...rest,
    // One id per call log: `callLogId` only beside an `id` that differs from it.
    ...(callLogId !== undefined && callLogId !== id ? { call_log_id: callLogId } : {}),
    id,
  };
};

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
  { key: 'name', label: 'Record Name', type: 'string' as const },
  { key: 'url', label: 'Record Link', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' as const },
];

/** An update event's keys: its own id, then the record's (Updated Record, New or Updated Record). */
export const updateOutputFields = [
  { key: 'id', label: 'Update ID', type: 'string' as const },
  { key: 'record_id', label: 'Record ID', type: 'string' as const },
  ...recordOutputFields.slice(1),
];
