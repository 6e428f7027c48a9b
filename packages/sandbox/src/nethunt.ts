import { basicCredentials, json, objectId, SimServer, type SimRequest, type SimResponse } from './server';

/**
 * NetHunt CRM's Zapier API (../shared/seeds/nethunt-zapier-api.txt and ../shared/docs/apis/nethunt.md),
 * in memory: every endpoint the reference lists (the seed's and the four added ones), Basic auth,
 * since/limit, query search, the update rules, and a change log that feeds the record-change and
 * updated-record triggers. As the evidence says: errors are plain text (nethunt.md, "Errors"),
 * `folder-field` answers names only, and field values are stored as sent, typed or not.
 */

export const NETHUNT_SANDBOX_CREDENTIALS = { username: 'john.doe@example.com', password: 'sandbox-nethunt-key' };

interface FolderDef {
  id: string;
  name: string;
  writable: boolean;
  fields: { name: string; multi: boolean }[];
}
interface StoredRecord {
  recordId: string;
  folderId: string;
  createdAt: string;
  updatedAt?: string;
  fields: Record<string, unknown>;
}
interface StoredComment {
  commentId: string;
  recordId: string;
  folderId: string;
  createdAt: string;
  text: string;
}
interface StoredCallLog {
  callLogId: string;
  recordId: string;
  folderId: string;
  createdAt: string;
  text: string;
  time?: string;
  duration?: number;
}
/** A Google Drive file attached to a record. The keys of NetHunt's answer are not documented: Drive's own. */
interface StoredFile {
  fileId: string;
  recordId: string;
  folderId: string;
  createdAt: string;
  name: string;
  webViewLink: string;
  mimeType: string;
}
interface Change {
  id: string;
  recordId: string;
  folderId: string;
  time: string;
  user: { personalName: string; emailAddress: string };
  recordAction: 'CREATE' | 'UPDATE' | 'DELETE';
  fieldActions?: Record<string, { add?: unknown; remove?: unknown }>;
}

const USER = { personalName: 'John Doe', emailAddress: NETHUNT_SANDBOX_CREDENTIALS.username };
const CONTACT_FIELDS = [
  { name: 'Name', multi: false },
  { name: 'Birthday', multi: false },
  { name: 'Employed', multi: false },
  { name: 'Salary', multi: false },
  { name: 'Keywords', multi: true },
  { name: 'Primary Email Address', multi: false },
  { name: 'Other Email Addresses', multi: true },
  { name: 'Co-workers', multi: true },
];

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** NetHunt's errors are plain text (nethunt.md, "Errors"); statuses are the simulator's choice. */
const fail = (status: number, message: string) => json(status, message);
const bad = (message: string) => fail(400, message);
/** The two plain-text bodies a client's tests assert verbatim (nethunt.md, "Errors"). */
export const NETHUNT_CREDENTIALS_TEXT = 'Your email address or API key does not appear to be valid';
export const NETHUNT_MISSING_SEARCH_TEXT = 'Please enter either Record ID or Search Query';
/** Gmail threads the simulated mailbox has: linking any other id fails, as a missing thread does. */
export const NETHUNT_GMAIL_THREADS = ['17c0a5f4e3d2b1a0', '1234567890abcdef'];

export const createNetHuntSimulator = () => {
  const server = new SimServer('nethunt', '/api/v1/zapier');
  const folders: FolderDef[] = [
    { id: '596f710ef5be7653dee0da14', name: 'Contacts', writable: true, fields: CONTACT_FIELDS },
    { id: '596f644b8f6d05e16c24b811', name: 'Archive', writable: false, fields: [{ name: 'Name', multi: false }] },
  ];
  const records: StoredRecord[] = [];
  const comments: StoredComment[] = [];
  const changes: Change[] = [];
  const callLogs: StoredCallLog[] = [];
  const files: StoredFile[] = [];
  /** Gmail thread ids linked to each record. */
  const threads = new Map<string, string[]>();

  const now = () => new Date().toISOString();
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  const log = (
    record: StoredRecord,
    recordAction: Change['recordAction'],
    fieldActions: Change['fieldActions'],
    time: string,
  ) =>
    changes.push({
      id: objectId(),
      recordId: record.recordId,
      folderId: record.folderId,
      time,
      user: USER,
      recordAction,
      fieldActions,
    });

  const addRecord = (folderId: string, fields: Record<string, unknown>, createdAt: string) => {
    const record: StoredRecord = { recordId: objectId(), folderId, createdAt, fields: { ...fields } };
    records.push(record);
    log(record, 'CREATE', Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { add: v }])), createdAt);
    return record;
  };

  // Seed: two contacts from the document, created within the last day so the triggers see them.
  const john = addRecord(
    folders[0]!.id,
    {
      Name: 'John Doe',
      Birthday: '1980-01-01',
      Employed: true,
      Salary: 100000,
      Keywords: ['Java', 'Big Data'],
      'Primary Email Address': 'John Doe <john.doe@example.com>',
      'Other Email Addresses': ['J. Doe <j.doe@example.com>'],
      'Co-workers': [],
    },
    ago(180),
  );
  const jane = addRecord(
    folders[0]!.id,
    { Name: 'Jane Doe', 'Primary Email Address': 'Jane Doe <jane.doe@example.com>' },
    ago(120),
  );
  // A reference field holds record ids (nethunt.md, "Shapes").
  john.fields['Co-workers'] = [jane.recordId];
  john.fields.Salary = 200000;
  john.updatedAt = ago(60);
  log(john, 'UPDATE', { Salary: { remove: 100000, add: 200000 } }, john.updatedAt);
  // A lead that was deleted 45 minutes ago: only the change log remembers it.
  const gone = addRecord(folders[0]!.id, { Name: 'Old Lead' }, ago(240));
  records.splice(records.indexOf(gone), 1);
  log(gone, 'DELETE', undefined, ago(45));
  comments.push({
    commentId: objectId(),
    recordId: john.recordId,
    folderId: john.folderId,
    createdAt: ago(90),
    text: 'My first comment',
  });
  comments.push({
    commentId: objectId(),
    recordId: jane.recordId,
    folderId: jane.folderId,
    createdAt: ago(30),
    text: 'Called Jane back',
  });

  callLogs.push({
    callLogId: objectId(),
    recordId: john.recordId,
    folderId: john.folderId,
    createdAt: ago(100),
    text: 'Intro call with John',
    time: ago(110),
    duration: 12,
  });
  files.push({
    fileId: objectId(),
    recordId: jane.recordId,
    folderId: jane.folderId,
    createdAt: ago(50),
    name: 'Proposal for Jane.pdf',
    webViewLink: 'https://drive.google.com/file/d/1a2B3c4D5e6F7g8H9i0J/view',
    mimeType: 'application/pdf',
  });

  const authed = (handler: (req: SimRequest) => SimResponse) => (req: SimRequest) => {
    const creds = basicCredentials(req);
    if (
      !creds ||
      creds.user !== NETHUNT_SANDBOX_CREDENTIALS.username ||
      creds.pass !== NETHUNT_SANDBOX_CREDENTIALS.password
    ) {
      return fail(401, NETHUNT_CREDENTIALS_TEXT);
    }
    return handler(req);
  };

  const folderOf = (req: SimRequest): FolderDef | undefined => folders.find((f) => f.id === req.params.folderId);
  const recordOf = (id: string | undefined) => records.find((r) => r.recordId === id);

  /** since (default 24 hours before the request) and limit (default none), as the document says. */
  const window = (req: SimRequest): { since: number; limit?: number } | SimResponse => {
    const sinceText = req.query.get('since');
    const since = sinceText ? Date.parse(sinceText) : Date.now() - 24 * 3600_000;
    if (Number.isNaN(since)) return bad(`Invalid "since": ${sinceText}`);
    const limitText = req.query.get('limit');
    const limit = limitText ? Number(limitText) : undefined;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) return bad(`Invalid "limit": ${limitText}`);
    return { since, limit };
  };
  const take = <T>(items: T[], limit?: number) => (limit ? items.slice(0, limit) : items);

  const recordView = (r: StoredRecord, id = r.recordId) => ({
    id,
    recordId: r.recordId,
    createdAt: r.createdAt,
    ...(r.updatedAt ? { updatedAt: r.updatedAt } : {}),
    fields: r.fields,
  });

  const matches = (r: StoredRecord, query: string): boolean => {
    const i = query.indexOf(':');
    const field = i > 0 ? query.slice(0, i).trim() : undefined;
    const needle = (i > 0 ? query.slice(i + 1) : query).trim().toLowerCase();
    const values = field ? asList(r.fields[field]) : Object.values(r.fields).flatMap(asList);
    return values.some((v) => String(v).toLowerCase().includes(needle));
  };

  server
    .route(
      'GET',
      '/triggers/auth-test',
      authed(() => json(200, [{ user: USER }])),
    )
    .route(
      'GET',
      '/triggers/readable-folder',
      authed(() =>
        json(
          200,
          folders.map(({ id, name }) => ({ id, name })),
        ),
      ),
    )
    .route(
      'GET',
      '/triggers/writable-folder',
      authed(() =>
        json(
          200,
          folders.filter((f) => f.writable).map(({ id, name }) => ({ id, name })),
        ),
      ),
    )
    .route(
      'GET',
      '/triggers/folder-field/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        return folder
          ? json(
              200,
              folder.fields.map(({ name }) => ({ name })),
            )
          : fail(404, 'Folder not found');
      }),
    )
    .route(
      'GET',
      '/searches/find-record/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const recordId = req.query.get('recordId');
        const query = req.query.get('query');
        if (!recordId && !query) return bad(NETHUNT_MISSING_SEARCH_TEXT);
        const limit = Number(req.query.get('limit') ?? 1);
        const found = records.filter(
          (r) => r.folderId === folder.id && (!recordId || r.recordId === recordId) && (!query || matches(r, query)),
        );
        return json(
          200,
          take(found, limit).map((r) => recordView(r)),
        );
      }),
    )
    .route(
      'GET',
      '/triggers/new-record/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const w = window(req);
        if ('status' in w) return w;
        // Oldest first, as the document's samples come.
        const found = records.filter((r) => r.folderId === folder.id && Date.parse(r.createdAt) > w.since);
        return json(
          200,
          take(found, w.limit).map((r) => ({ ...recordView(r), updatedAt: undefined })),
        );
      }),
    )
    .route(
      'GET',
      '/triggers/new-comment/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const w = window(req);
        if ('status' in w) return w;
        const found = comments.filter((c) => c.folderId === folder.id && Date.parse(c.createdAt) > w.since);
        return json(
          200,
          take(found, w.limit).map((c) => ({
            id: c.commentId,
            commentId: c.commentId,
            recordId: c.recordId,
            createdAt: c.createdAt,
            text: c.text,
          })),
        );
      }),
    )
    .route(
      'GET',
      '/triggers/new-call-log/:folderId',
      authed((req) => {
        // The answer is documented nowhere: shaped as nethunt.md guesses, like new-comment's.
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const w = window(req);
        if ('status' in w) return w;
        const found = callLogs.filter((c) => c.folderId === folder.id && Date.parse(c.createdAt) > w.since);
        return json(
          200,
          take(found, w.limit).map(({ folderId: _f, ...c }) => ({ id: c.callLogId, ...c })),
        );
      }),
    )
    .route(
      'GET',
      '/triggers/new-gdrivefile/:folderId',
      authed((req) => {
        // Documented nowhere: an id, the record, when it was added, and the file's data (nethunt.md).
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const w = window(req);
        if ('status' in w) return w;
        const found = files.filter((f) => f.folderId === folder.id && Date.parse(f.createdAt) > w.since);
        return json(
          200,
          take(found, w.limit).map(({ folderId: _f, fileId, ...f }) => ({ id: fileId, ...f })),
        );
      }),
    )
    .route(
      'GET',
      '/triggers/updated-record/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const w = window(req);
        if ('status' in w) return w;
        const fieldNames = req.query.getAll('fieldName');
        const updates = changes.filter(
          (c) =>
            c.folderId === folder.id &&
            c.recordAction === 'UPDATE' &&
            Date.parse(c.time) > w.since &&
            (fieldNames.length === 0 || fieldNames.some((f) => c.fieldActions?.[f] !== undefined)),
        );
        const ids = [...new Set(updates.map((c) => c.recordId))];
        const found = ids.map(recordOf).filter((r): r is StoredRecord => r !== undefined);
        return json(
          200,
          take(found, w.limit).map((r) => recordView(r, `${r.recordId}-${Date.parse(r.updatedAt ?? r.createdAt)}`)),
        );
      }),
    )
    .route(
      'GET',
      '/triggers/record-change/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        const w = window(req);
        if ('status' in w) return w;
        const recordId = req.query.get('recordId');
        const fieldNames = req.query.getAll('fieldName');
        const found = changes.filter(
          (c) =>
            c.folderId === folder.id &&
            Date.parse(c.time) > w.since &&
            (!recordId || c.recordId === recordId) &&
            (fieldNames.length === 0 || fieldNames.some((f) => c.fieldActions?.[f] !== undefined)),
        );
        return json(
          200,
          take([...found].reverse(), w.limit).map(({ folderId: _f, ...c }) => c),
        );
      }),
    )
    .route(
      'POST',
      '/actions/create-record/:folderId',
      authed((req) => {
        const folder = folderOf(req);
        if (!folder) return fail(404, 'Folder not found');
        if (!folder.writable) return fail(403, `You cannot create records in folder "${folder.name}"`);
        const body = (req.body ?? {}) as { timeZone?: unknown; fields?: unknown };
        if (typeof body.timeZone !== 'string' || !body.timeZone) return bad('"timeZone" is required');
        if (!body.fields || typeof body.fields !== 'object' || Array.isArray(body.fields))
          return bad('"fields" is required');
        const fields = body.fields as Record<string, unknown>;
        const unknown = Object.keys(fields).find((name) => !folder.fields.some((f) => f.name === name));
        if (unknown) return bad(`Unknown field "${unknown}" in folder "${folder.name}"`);
        const record = addRecord(folder.id, fields, now());
        return json(200, { recordId: record.recordId, createdAt: record.createdAt, fields: record.fields });
      }),
    )
    .route(
      'POST',
      '/actions/update-record/:recordId',
      authed((req) => {
        const record = recordOf(req.params.recordId);
        if (!record) return fail(404, 'Record not found');
        const folder = folders.find((f) => f.id === record.folderId)!;
        const defaultOverwrite = req.query.get('overwrite') === 'true';
        const body = (req.body ?? {}) as { fieldActions?: unknown };
        if (!body.fieldActions || typeof body.fieldActions !== 'object') return bad('"fieldActions" is required');
        const actions = body.fieldActions as Record<string, { overwrite?: boolean; add?: unknown; remove?: unknown }>;
        const next = { ...record.fields };
        const logged: NonNullable<Change['fieldActions']> = {};
        for (const [name, action] of Object.entries(actions)) {
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
        log(record, 'UPDATE', logged, record.updatedAt);
        return json(200, { recordId: record.recordId, updatedAt: record.updatedAt, fields: record.fields });
      }),
    )
    .route(
      'POST',
      '/actions/create-comment/:recordId',
      authed((req) => {
        const record = recordOf(req.params.recordId);
        if (!record) return fail(404, 'Record not found');
        const text = (req.body as { text?: unknown } | undefined)?.text;
        if (typeof text !== 'string' || !text) return bad('"text" is required');
        const comment = {
          commentId: objectId(),
          recordId: record.recordId,
          folderId: record.folderId,
          createdAt: now(),
          text,
        };
        comments.push(comment);
        return json(200, { commentId: comment.commentId, createdAt: comment.createdAt });
      }),
    )
    .route(
      'POST',
      '/actions/create-call-log/:recordId',
      authed((req) => {
        const record = recordOf(req.params.recordId);
        if (!record) return fail(404, 'Record not found');
        const body = (req.body ?? {}) as { text?: unknown; time?: unknown; duration?: unknown };
        if (typeof body.text !== 'string' || !body.text) return bad('"text" is required');
        if (body.time !== undefined && (typeof body.time !== 'string' || Number.isNaN(Date.parse(body.time)))) {
          return bad('"time" must be an ISO-formatted time in UTC');
        }
        if (body.duration !== undefined && typeof body.duration !== 'number')
          return bad('"duration" must be a number of minutes');
        const callLog: StoredCallLog = {
          callLogId: objectId(),
          recordId: record.recordId,
          folderId: record.folderId,
          createdAt: now(),
          text: body.text,
          ...(body.time !== undefined ? { time: body.time as string } : {}),
          ...(body.duration !== undefined ? { duration: body.duration } : {}),
        };
        callLogs.push(callLog);
        return json(200, { callLogId: callLog.callLogId, createdAt: callLog.createdAt });
      }),
    )
    .route(
      'POST',
      '/actions/delete-record/:recordId',
      authed((req) => {
        // No body, no query (nethunt.md). The one recorded answer: `{ "trashItemId": <object> }`.
        const record = recordOf(req.params.recordId);
        if (!record) return fail(404, 'Record not found');
        records.splice(records.indexOf(record), 1);
        log(record, 'DELETE', undefined, now());
        return json(200, { trashItemId: {} });
      }),
    )
    .route(
      'POST',
      '/actions/link-gmail-thread/:recordId',
      authed((req) => {
        const record = recordOf(req.params.recordId);
        if (!record) return fail(404, 'Record not found');
        const id = (req.body as { gmailThreadId?: unknown } | undefined)?.gmailThreadId;
        if (typeof id !== 'string' || !id) return bad('"gmailThreadId" is required');
        // A thread that does not exist is an error (nethunt.md); its status and text are not recorded.
        if (!NETHUNT_GMAIL_THREADS.includes(id)) return bad(`Gmail thread ${id} not found`);
        threads.set(record.recordId, [...new Set([...(threads.get(record.recordId) ?? []), id])]);
        // The answer is documented nowhere: an empty JSON object, assuming nothing.
        return json(200, {});
      }),
    );

  return { server, folders, records, comments, changes, callLogs, files, threads, seeded: { john, jane } };
};

export type NetHuntSimulator = ReturnType<typeof createNetHuntSimulator>;
