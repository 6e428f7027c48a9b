import {
  type FlatObject,
  namedFieldKeys,
  newestFirst,
  parseEmailAddress,
  toFlatValue,
  updateEventId,
} from '@crm-zapier/kit';
import type { NetHuntComment, NetHuntRecord, RecordChange } from './schemas';

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
    out[fieldName(key)] = value;
  }
  return out;
};
