import { json } from '../../server';
import { inFolder, type NetHuntRoute } from './http';
import { USER, type FolderDef } from './store';

const idAndName = ({ id, name }: FolderDef) => ({ id, name });

export const folderRoutes: NetHuntRoute[] = [
  { method: 'GET', path: '/triggers/auth-test', handle: () => json(200, [{ user: USER }]) },
  { method: 'GET', path: '/triggers/readable-folder', handle: (store) => json(200, store.folders.map(idAndName)) },
  {
    method: 'GET',
    path: '/triggers/writable-folder',
    handle: (store) => json(200, store.folders.filter((f) => f.writable).map(idAndName)),
  },
  {
    // Names only (nethunt.md): the field types are not answered.
    method: 'GET',
    path: '/triggers/folder-field/:folderId',
    handle: inFolder((_store, _req, folder) =>
      json(
        200,
        folder.fields.map(({ name }) => ({ name })),
      ),
    ),
  },
];
