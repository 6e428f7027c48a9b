import { SimServer } from '../../server';
import { callLogRoutes } from './callLogs';
import { changeRoutes } from './changes';
import { commentRoutes } from './comments';
import { fileRoutes } from './files';
import { folderRoutes } from './folders';
import { gmailRoutes } from './gmail';
import { refuseStranger } from './http';
import { recordRoutes } from './records';
import { createNetHuntStore } from './store';

export { NETHUNT_CREDENTIALS_TEXT, NETHUNT_MISSING_SEARCH_TEXT } from './http';
export { NETHUNT_GMAIL_THREADS, NETHUNT_SANDBOX_CREDENTIALS } from './store';

/**
 * NetHunt CRM's Zapier API (../shared/seeds/nethunt-zapier-api.txt and ../shared/docs/apis/nethunt.md),
 * in memory: every endpoint the reference lists (the seed's and the four added ones), Basic auth,
 * since/limit, query search, the update rules, and a change log that feeds the record-change and
 * updated-record triggers. As the evidence says: errors are plain text (nethunt.md, "Errors"),
 * `folder-field` answers names only, and field values are stored as sent, typed or not.
 */
export const createNetHuntSimulator = () => {
  const { store, seeded } = createNetHuntStore();
  const server = new SimServer('nethunt', '/api/v1/zapier');
  const routes = [
    ...folderRoutes,
    ...recordRoutes,
    ...changeRoutes,
    ...commentRoutes,
    ...callLogRoutes,
    ...fileRoutes,
    ...gmailRoutes,
  ];
  for (const { method, path, handle } of routes) {
    server.route(method, path, (req) => refuseStranger(req) ?? handle(store, req));
  }
  return { server, ...store, seeded };
};

export type NetHuntSimulator = ReturnType<typeof createNetHuntSimulator>;
