import { json, type SimRequest } from '../../server';
import { inFolder, pollWindow, take, type NetHuntRoute } from './http';
import { touches } from './records';
import type { FolderDef, NetHuntStore } from './store';

/** The change log, newest first: of one record when `recordId` is given, to the fields asked for. */
const recordChanges = (store: NetHuntStore, req: SimRequest, folder: FolderDef) => {
  const w = pollWindow(req);
  if ('status' in w) return w;
  const recordId = req.query.get('recordId');
  const fieldNames = req.query.getAll('fieldName');
  const found = store.changes.filter(
    (c) =>
      c.folderId === folder.id &&
      Date.parse(c.time) > w.since &&
      (!recordId || c.recordId === recordId) &&
      touches(c, fieldNames),
  );
  return json(
    200,
    take([...found].reverse(), w.limit).map(({ folderId: _f, ...c }) => c),
  );
};

export const changeRoutes: NetHuntRoute[] = [
  { method: 'GET', path: '/triggers/record-change/:folderId', handle: inFolder(recordChanges) },
];
