import { z } from 'zod';
import { json, objectId, type SimRequest } from '../../server';
import { badBody, fail, inFolder, polled, type NetHuntRoute } from './http';
import { now, recordOf, type NetHuntStore, type StoredCallLog } from './store';

/** nethunt.md: `{ "text", "time"?, "duration"? }`: time is ISO UTC, duration in minutes (may be fractional). */
const TEXT_REQUIRED = '"text" is required';
const CreateCallLogBody = z.object(
  {
    text: z.string(TEXT_REQUIRED).min(1, TEXT_REQUIRED),
    time: z
      .string('"time" must be an ISO-formatted time in UTC')
      .refine((t) => !Number.isNaN(Date.parse(t)), '"time" must be an ISO-formatted time in UTC')
      .optional(),
    duration: z.number('"duration" must be a number of minutes').optional(),
  },
  TEXT_REQUIRED,
);

const createCallLog = (store: NetHuntStore, req: SimRequest) => {
  const record = recordOf(store, req.params.recordId);
  if (!record) return fail(404, 'Record not found');
  const body = CreateCallLogBody.safeParse(req.body ?? {});
  if (!body.success) return badBody(body.error);
  const { text, time, duration } = body.data;
  const callLog: StoredCallLog = {
    callLogId: objectId(),
    recordId: record.recordId,
    folderId: record.folderId,
    createdAt: now(),
    text,
    ...(time !== undefined ? { time } : {}),
    ...(duration !== undefined ? { duration } : {}),
  };
  store.callLogs.push(callLog);
  return json(200, { callLogId: callLog.callLogId, createdAt: callLog.createdAt });
};

export const callLogRoutes: NetHuntRoute[] = [
  {
    // The answer is documented nowhere: shaped as nethunt.md guesses, like new-comment's.
    method: 'GET',
    path: '/triggers/new-call-log/:folderId',
    handle: inFolder(
      polled(
        (store) => store.callLogs,
        (c) => c.createdAt,
        ({ folderId: _f, ...c }) => ({ id: c.callLogId, ...c }),
      ),
    ),
  },
  { method: 'POST', path: '/actions/create-call-log/:recordId', handle: createCallLog },
];
