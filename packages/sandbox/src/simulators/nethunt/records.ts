import { z } from 'zod';
import { json, type SimRequest, type SimResponse } from '../../server';
import { bad, badBody, fail, inFolder, NETHUNT_MISSING_SEARCH_TEXT, pollWindow, take, type NetHuntRoute } from './http';
import {
  addRecord,
  logChange,
  now,
  recordOf,
  type Change,
  type FolderDef,
  type NetHuntStore,
  type StoredRecord,
} from './store';

/** nethunt.md "Endpoints": create record takes `timeZone` and `fields`, both required. */
const TIME_ZONE_REQUIRED = '"timeZone" is required';
const CreateRecordBody = z.object(
  {
    timeZone: z.string(TIME_ZONE_REQUIRED).min(1, TIME_ZONE_REQUIRED),
    fields: z.record(z.string(), z.unknown(), '"fields" is required'),
  },
  TIME_ZONE_REQUIRED,
);

/** Update record: one action per field name; `overwrite` defaults to the query's. */
const FIELD_ACTION = 'Each field action must be { "overwrite"?: true or false, "add"?, "remove"? }';
const FIELD_ACTIONS_REQUIRED = '"fieldActions" is required';
const UpdateRecordBody = z.object(
  {
    fieldActions: z.record(
      z.string(),
      z.object(
        { overwrite: z.boolean(FIELD_ACTION).optional(), add: z.unknown().optional(), remove: z.unknown().optional() },
        FIELD_ACTION,
      ),
      FIELD_ACTIONS_REQUIRED,
    ),
  },
  FIELD_ACTIONS_REQUIRED,
);

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

export const recordView = (r: StoredRecord, id = r.recordId) => ({
  id,
  recordId: r.recordId,
  createdAt: r.createdAt,
  ...(r.updatedAt ? { updatedAt: r.updatedAt } : {}),
  fields: r.fields,
});

/** A search query: `Field:value` looks in that field, anything else in every field (substring, any case). */
const matches = (r: StoredRecord, query: string): boolean => {
  const i = query.indexOf(':');
  const field = i > 0 ? query.slice(0, i).trim() : undefined;
  const needle = (i > 0 ? query.slice(i + 1) : query).trim().toLowerCase();
  const values = field ? asList(r.fields[field]) : Object.values(r.fields).flatMap(asList);
  return values.some((v) => String(v).toLowerCase().includes(needle));
};

/** Whether a change touched one of the fields asked for (all changes when none is asked for). */
export const touches = (change: Change, fieldNames: string[]) =>
  fieldNames.length === 0 || fieldNames.some((f) => change.fieldActions?.[f] !== undefined);

const findRecord = (store: NetHuntStore, req: SimRequest, folder: FolderDef) => {
  const recordId = req.query.get('recordId');
  const query = req.query.get('query');
  if (!recordId && !query) return bad(NETHUNT_MISSING_SEARCH_TEXT);
  const limit = Number(req.query.get('limit') ?? 1);
  const found = store.records.filter(
    (r) => r.folderId === folder.id && (!recordId || r.recordId === recordId) && (!query || matches(r, query)),
  );
  return json(
    200,
    take(found, limit).map((r) => recordView(r)),
  );
};

/** Oldest first, as the document's samples come; a new record shows no `updatedAt`. */
const newRecords = (store: NetHuntStore, req: SimRequest, folder: FolderDef) => {
  const w = pollWindow(req);
  if ('status' in w) return w;
  const found = store.records.filter((r) => r.folderId === folder.id && Date.parse(r.createdAt) > w.since);
  return json(
    200,
    take(found, w.limit).map((r) => ({ ...recordView(r), updatedAt: undefined })),
  );
};

/** Records with an update since `since` (to the fields asked for), each once, its id unique per update. */
const updatedRecords = (store: NetHuntStore, req: SimRequest, folder: FolderDef) => {
  const w = pollWindow(req);
  if ('status' in w) return w;
  const fieldNames = req.query.getAll('fieldName');
  const updates = store.changes.filter(
    (c) =>
      c.folderId === folder.id && c.recordAction === 'UPDATE' && Date.parse(c.time) > w.since && touches(c, fieldNames),
  );
  const found = [...new Set(updates.map((c) => c.recordId))]
    .map((id) => recordOf(store, id))
    .filter((r): r is StoredRecord => r !== undefined);
  return json(
    200,
    take(found, w.limit).map((r) => recordView(r, `${r.recordId}-${Date.parse(r.updatedAt ?? r.createdAt)}`)),
  );
};

const createRecord = (store: NetHuntStore, req: SimRequest, folder: FolderDef) => {
  if (!folder.writable) return fail(403, `You cannot create records in folder "${folder.name}"`);
  const body = CreateRecordBody.safeParse(req.body ?? {});
  if (!body.success) return badBody(body.error);
  const { fields } = body.data;
  const unknown = Object.keys(fields).find((name) => !folder.fields.some((f) => f.name === name));
  if (unknown) return bad(`Unknown field "${unknown}" in folder "${folder.name}"`);
  const record = addRecord(store, folder.id, fields, now());
  return json(200, { recordId: record.recordId, createdAt: record.createdAt, fields: record.fields });
};

/**
 * The update rules: `overwrite` (per action, else the query's) empties the field first and must not
 * come with `remove`; `remove` takes values out; `add` appends to a multi-value field and fills an
 * empty single-value field (a full one is an error).
 */
const updateRecord = (store: NetHuntStore, req: SimRequest): SimResponse => {
  const record = recordOf(store, req.params.recordId);
  if (!record) return fail(404, 'Record not found');
  const folder = store.folders.find((f) => f.id === record.folderId)!;
  const defaultOverwrite = req.query.get('overwrite') === 'true';
  const body = UpdateRecordBody.safeParse(req.body ?? {});
  if (!body.success) return badBody(body.error);
  const next = { ...record.fields };
  const logged: NonNullable<Change['fieldActions']> = {};
  for (const [name, action] of Object.entries(body.data.fieldActions)) {
    const def = folder.fields.find((f) => f.name === name);
    if (!def) return bad(`Unknown field "${name}" in folder "${folder.name}"`);
    const overwrite = action.overwrite ?? defaultOverwrite;
    if (overwrite && action.remove !== undefined)
      return bad(`Field "${name}": "overwrite" and "remove" must not be combined`);
    const before = next[name];
    let value: unknown = overwrite ? undefined : before;
    if (action.remove !== undefined) {
      const removing = asList(action.remove).map(String);
      value = def.multi
        ? asList(value).filter((v) => !removing.includes(String(v)))
        : removing.includes(String(value))
          ? undefined
          : value;
    }
    if (action.add !== undefined) {
      if (def.multi) value = [...asList(value), ...asList(action.add)];
      else if (!isEmpty(value)) {
        return bad(
          `Field "${name}" can hold only a single value and is not empty: use "overwrite" or "remove" with "add"`,
        );
      } else value = action.add;
    }
    if (value === undefined) delete next[name];
    else next[name] = value;
    logged[name] = {
      ...(before !== undefined ? { remove: before } : {}),
      ...(value !== undefined ? { add: value } : {}),
    };
  }
  record.fields = next;
  record.updatedAt = now();
  logChange(store, record, 'UPDATE', logged, record.updatedAt);
  return json(200, { recordId: record.recordId, updatedAt: record.updatedAt, fields: record.fields });
};

/** No body, no query (nethunt.md). The one recorded answer: `{ "trashItemId": <object> }`. */
const deleteRecord = (store: NetHuntStore, req: SimRequest) => {
  const record = recordOf(store, req.params.recordId);
  if (!record) return fail(404, 'Record not found');
  store.records.splice(store.records.indexOf(record), 1);
  logChange(store, record, 'DELETE', undefined, now());
  return json(200, { trashItemId: {} });
};

export const recordRoutes: NetHuntRoute[] = [
  { method: 'GET', path: '/searches/find-record/:folderId', handle: inFolder(findRecord) },
  { method: 'GET', path: '/triggers/new-record/:folderId', handle: inFolder(newRecords) },
  { method: 'GET', path: '/triggers/updated-record/:folderId', handle: inFolder(updatedRecords) },
  { method: 'POST', path: '/actions/create-record/:folderId', handle: inFolder(createRecord) },
  { method: 'POST', path: '/actions/update-record/:recordId', handle: updateRecord },
  { method: 'POST', path: '/actions/delete-record/:recordId', handle: deleteRecord },
];
