import { inFolder, polled, type NetHuntRoute } from './http';

export const fileRoutes: NetHuntRoute[] = [
  {
    // Documented nowhere: an id, the record, when it was added, and the file's data (nethunt.md).
    method: 'GET',
    path: '/triggers/new-gdrivefile/:folderId',
    handle: inFolder(
      polled(
        (store) => store.files,
        (f) => f.createdAt,
        ({ folderId: _f, fileId, ...f }) => ({ id: fileId, ...f }),
      ),
    ),
  },
];
