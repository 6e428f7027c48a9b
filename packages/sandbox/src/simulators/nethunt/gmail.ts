import { z } from 'zod';
import { json, type SimRequest } from '../../server';
import { bad, badBody, fail, type NetHuntRoute } from './http';
import { NETHUNT_GMAIL_THREADS, recordOf, type NetHuntStore } from './store';

const THREAD_REQUIRED = '"gmailThreadId" is required';
const LinkThreadBody = z.object({ gmailThreadId: z.string(THREAD_REQUIRED).min(1, THREAD_REQUIRED) }, THREAD_REQUIRED);

const linkGmailThread = (store: NetHuntStore, req: SimRequest) => {
  const record = recordOf(store, req.params.recordId);
  if (!record) return fail(404, 'Record not found');
  const body = LinkThreadBody.safeParse(req.body ?? {});
  if (!body.success) return badBody(body.error);
  const id = body.data.gmailThreadId;
  // A thread that does not exist is an error (nethunt.md); its status and text are not recorded.
  if (!NETHUNT_GMAIL_THREADS.includes(id)) return bad(`Gmail thread ${id} not found`);
  store.threads.set(record.recordId, [...new Set([...(store.threads.get(record.recordId) ?? []), id])]);
  // The answer is documented nowhere: an empty JSON object, assuming nothing.
  return json(200, {});
};

export const gmailRoutes: NetHuntRoute[] = [
  { method: 'POST', path: '/actions/link-gmail-thread/:recordId', handle: linkGmailThread },
];
