import type { z } from 'zod';
import { basicCredentials, json, type SimRequest, type SimResponse } from '../../server';
import { folderOf, NETHUNT_SANDBOX_CREDENTIALS, type FolderDef, type NetHuntStore } from './store';

/** The two plain-text bodies a client's tests assert verbatim (nethunt.md, "Errors"). */
export const NETHUNT_CREDENTIALS_TEXT = 'Your email address or API key does not appear to be valid';
export const NETHUNT_MISSING_SEARCH_TEXT = 'Please enter either Record ID or Search Query';

/** NetHunt's errors are plain text (nethunt.md, "Errors"); statuses are the simulator's choice. */
export const fail = (status: number, message: string) => json(status, message);
export const bad = (message: string) => fail(400, message);
/** A body that does not match its schema: the first problem, as plain text. */
export const badBody = (error: z.ZodError) => bad(error.issues[0]!.message);

/** One endpoint: its method, its path under the base URL, and a plain function over the store. */
export interface NetHuntRoute {
  method: 'GET' | 'POST';
  path: string;
  handle: (store: NetHuntStore, req: SimRequest) => SimResponse;
}

/** HTTP Basic with the sandbox account, or the documented plain-text 401. */
export const refuseStranger = (req: SimRequest): SimResponse | undefined => {
  const creds = basicCredentials(req);
  const known =
    creds?.user === NETHUNT_SANDBOX_CREDENTIALS.username && creds.pass === NETHUNT_SANDBOX_CREDENTIALS.password;
  return known ? undefined : fail(401, NETHUNT_CREDENTIALS_TEXT);
};

/** Runs `handle` on the folder of the `:folderId` path parameter, or answers 404. */
export const inFolder =
  (handle: (store: NetHuntStore, req: SimRequest, folder: FolderDef) => SimResponse) =>
  (store: NetHuntStore, req: SimRequest): SimResponse => {
    const folder = folderOf(store, req.params.folderId);
    return folder ? handle(store, req, folder) : fail(404, 'Folder not found');
  };

/** since (default 24 hours before the request) and limit (default none), as the document says. */
export const pollWindow = (req: SimRequest): { since: number; limit?: number } | SimResponse => {
  const sinceText = req.query.get('since');
  const since = sinceText ? Date.parse(sinceText) : Date.now() - 24 * 3600_000;
  if (Number.isNaN(since)) return bad(`Invalid "since": ${sinceText}`);
  const limitText = req.query.get('limit');
  const limit = limitText ? Number(limitText) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) return bad(`Invalid "limit": ${limitText}`);
  return { since, limit };
};

/** Runs a polling trigger over the items created after `since`, up to `limit`. */
export const polled =
  <T extends { folderId: string }>(
    itemsOf: (store: NetHuntStore) => T[],
    timeOf: (item: T) => string,
    view: (item: T) => unknown,
  ) =>
  (store: NetHuntStore, req: SimRequest, folder: FolderDef): SimResponse => {
    const w = pollWindow(req);
    if ('status' in w) return w;
    const found = itemsOf(store).filter((item) => item.folderId === folder.id && Date.parse(timeOf(item)) > w.since);
    return json(200, take(found, w.limit).map(view));
  };

export const take = <T>(items: T[], limit?: number) => (limit ? items.slice(0, limit) : items);
