import { cachedForConnection, newestFirst, orNotFound, parseInput, sinceFor } from '@crm-zapier/kit';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { CRM, LOOK_BACK, nethunt } from './client';
import { changeOutputFieldsFor, folderOutputFields } from './folderFields';
import { ChangeInput, changeFieldNamesField, changeRecordField, readableFolderField } from './inputs';
import { flattenChange, flattenChangedRecord, recordName, recordOutputFields } from './map';
import type { NetHuntRecord, RecordChange } from './schemas';

type Action = RecordChange['recordAction'];

/** Deleted records whose name is read from their own change history, at most, per poll. */
const HISTORY_LOOKUPS = 5;

const EPOCH = new Date(0).toISOString();

/** How long a deleted record's name is kept: a week (it cannot change any more). */
const DELETED_NAME_TTL = 7 * 24 * 3600;

/** The name each record's changes give it (its newest added `Name`), oldest change first. */
const namesFromChanges = (changes: readonly RecordChange[]): Map<string, string> => {
  const names = new Map<string, string>();
  for (const c of [...newestFirst(changes, (x) => x.time)].reverse()) {
    const added = Object.fromEntries(Object.entries(c.fieldActions ?? {}).map(([field, a]) => [field, a.add]));
    const name = recordName(added);
    if (name) names.set(c.recordId, name);
  }
  return names;
};

const recordsOf = (changes: readonly RecordChange[], action: Action, except: ReadonlyMap<string, unknown>) =>
  new Set(changes.filter((c) => c.recordAction === action && !except.has(c.recordId)).map((c) => c.recordId));

/**
 * The records the changes are about, as NetHunt lists them now: one read of the folder's new
 * records when a change created one, one of its updated records when a change updated one, over
 * the same window as the change log (nethunt.md, "Endpoints"). `known` records are not looked for.
 */
const currentRecords = async (
  z: ZObject,
  folderId: string,
  changes: readonly RecordChange[],
  since: string | undefined,
  known: ReadonlyMap<string, unknown> = new Map(),
): Promise<Map<string, NetHuntRecord>> => {
  const client = nethunt(z);
  const [created, updated] = await Promise.all([
    recordsOf(changes, 'CREATE', known).size > 0 ? client.newRecords(folderId, { since }) : [],
    recordsOf(changes, 'UPDATE', known).size > 0 ? client.updatedRecords(folderId, { since }) : [],
  ]);
  return new Map([...created, ...updated].map((r) => [r.recordId, r]));
};

/**
 * Names of deleted records: NetHunt lists them nowhere else, so each one's change history (the
 * record-change log of that record, from the start) is read, for up to HISTORY_LOOKUPS records.
 * A history NetHunt no longer has leaves the name empty. A deleted record's name no longer changes,
 * so what each history gave is kept for the connection (DELETED_NAME_TTL): the next polls, which
 * see the same deletions again, read no history.
 */
const deletedNames = async (z: ZObject, folderId: string, recordIds: readonly string[]) => {
  const names = await Promise.all(
    recordIds.slice(0, HISTORY_LOOKUPS).map(async (recordId) => {
      // '' is kept too: a history NetHunt no longer has (404), or one without a name, stays so.
      const name = await cachedForConnection(z, CRM, `deleted-record-name:${recordId}`, DELETED_NAME_TTL, async () => {
        const history = await orNotFound(nethunt(z).recordChanges(folderId, { recordId, since: EPOCH }));
        return namesFromChanges(history ?? []).get(recordId) ?? '';
      });
      return [recordId, name] as const;
    }),
  );
  return new Map(names.filter(([, name]) => name !== ''));
};

const pollInput = (z: ZObject, bundle: Bundle) =>
  parseInput(z, ChangeInput, bundle.inputData, [readableFolderField, changeRecordField, changeFieldNamesField]);

/** The folder's changes of the wanted actions, newest first; with chosen fields, only changes to them. */
const changesOf = async (z: ZObject, bundle: Bundle, actions?: readonly Action[]) => {
  const input = pollInput(z, bundle);
  const since = sinceFor(bundle, LOOK_BACK);
  const changes = await nethunt(z).recordChanges(input.folder_id, {
    recordId: input.record_id,
    fieldName: input.field_names,
    since,
  });
  const fields = input.field_names;
  const wanted = changes.filter(
    (c) =>
      (!actions || actions.includes(c.recordAction)) &&
      (!fields || fields.some((f) => c.fieldActions?.[f] !== undefined)),
  );
  return { folderId: input.folder_id, since, all: changes, changes: newestFirst(wanted, (c) => c.time) };
};

/**
 * Record Change and Deleted Record: each change with its record's name, from the changes
 * themselves, else the records NetHunt lists now, else (deleted records) their history.
 */
export const pollChanges = async (z: ZObject, bundle: Bundle, actions?: readonly Action[]) => {
  const { folderId, since, all, changes } = await changesOf(z, bundle, actions);
  // Every change of the answer names its record, those filtered out too (a creation names a deleted record).
  const names = new Map<string, string | null>(namesFromChanges(all));
  const records = await currentRecords(z, folderId, changes, since, names);
  for (const [id, r] of records) if (!names.has(id)) names.set(id, recordName(r.fields));
  const unnamedDeleted = [...recordsOf(changes, 'DELETE', names)];
  if (unnamedDeleted.length > 0) {
    for (const [id, name] of await deletedNames(z, folderId, unnamedDeleted)) names.set(id, name);
  }
  return changes.map((c) => flattenChange(c, names.get(c.recordId) ?? null));
};

/** New or Updated Record: each creation or update with the record as NetHunt lists it now. */
export const pollChangedRecords = async (z: ZObject, bundle: Bundle) => {
  const { folderId, since, all, changes } = await changesOf(z, bundle, ['CREATE', 'UPDATE']);
  const records = await currentRecords(z, folderId, changes, since);
  const names = namesFromChanges(all);
  return changes.map((c) => flattenChangedRecord(c, names.get(c.recordId) ?? null, records.get(c.recordId)));
};

const changeDetailFields = [
  { key: 'time', label: 'Changed At', type: 'datetime' as const },
  { key: 'action', label: 'Change (CREATE, UPDATE or DELETE)', type: 'string' as const },
  { key: 'user_name', label: 'Changed By (Name)', type: 'string' as const },
  { key: 'user_email', label: 'Changed By (Email)', type: 'string' as const },
  { key: 'changed_fields', label: 'Changed Fields', type: 'string' as const, list: true },
];

export const changeOutputFields = [
  { key: 'id', label: 'Change ID', type: 'string' as const },
  { key: 'record_id', label: 'Record ID', type: 'string' as const },
  { key: 'record_name', label: 'Record Name', type: 'string' as const },
  ...changeDetailFields,
  changeOutputFieldsFor,
];

export const changedRecordOutputFields = [
  { key: 'id', label: 'Change ID', type: 'string' as const },
  { key: 'record_id', label: 'Record ID', type: 'string' as const },
  ...recordOutputFields.slice(1),
  ...changeDetailFields,
  folderOutputFields,
  changeOutputFieldsFor,
];
