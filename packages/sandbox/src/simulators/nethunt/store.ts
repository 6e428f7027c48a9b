import { objectId } from '../../server';

/** The account the sandbox accepts (HTTP Basic: the email address and the API key). */
export const NETHUNT_SANDBOX_CREDENTIALS = { username: 'john.doe@example.com', password: 'sandbox-nethunt-key' };
/** Gmail threads the simulated mailbox has: linking any other id fails, as a missing thread does. */
export const NETHUNT_GMAIL_THREADS = ['17c0a5f4e3d2b1a0', '1234567890abcdef'];

export interface FolderDef {
  id: string;
  name: string;
  writable: boolean;
  fields: { name: string; multi: boolean }[];
}
export interface StoredRecord {
  recordId: string;
  folderId: string;
  createdAt: string;
  updatedAt?: string;
  fields: Record<string, unknown>;
}
export interface StoredComment {
  commentId: string;
  recordId: string;
  folderId: string;
  createdAt: string;
  text: string;
}
export interface StoredCallLog {
  callLogId: string;
  recordId: string;
  folderId: string;
  createdAt: string;
  text: string;
  time?: string;
  duration?: number;
}
/** A Google Drive file attached to a record. The keys of NetHunt's answer are not documented: Drive's own. */
export interface StoredFile {
  fileId: string;
  recordId: string;
  folderId: string;
  createdAt: string;
  name: string;
  webViewLink: string;
  mimeType: string;
}
export interface Change {
  id: string;
  recordId: string;
  folderId: string;
  time: string;
  user: { personalName: string; emailAddress: string };
  recordAction: 'CREATE' | 'UPDATE' | 'DELETE';
  fieldActions?: Record<string, { add?: unknown; remove?: unknown }>;
}

export const USER = { personalName: 'John Doe', emailAddress: NETHUNT_SANDBOX_CREDENTIALS.username };
/** The seed document's contact fields, and the ones a Contacts folder usually has besides (phones hold several values). */
const CONTACT_FIELDS = [
  { name: 'Name', multi: false },
  { name: 'Company', multi: false },
  { name: 'Position', multi: false },
  { name: 'Phone', multi: true },
  { name: 'Status', multi: false },
  { name: 'Birthday', multi: false },
  { name: 'Employed', multi: false },
  { name: 'Salary', multi: false },
  { name: 'Keywords', multi: true },
  { name: 'Primary Email Address', multi: false },
  { name: 'Other Email Addresses', multi: true },
  { name: 'Co-workers', multi: true },
];

export interface NetHuntStore {
  folders: FolderDef[];
  records: StoredRecord[];
  comments: StoredComment[];
  /** The change log: it feeds the record-change and updated-record triggers. */
  changes: Change[];
  callLogs: StoredCallLog[];
  files: StoredFile[];
  /** Gmail thread ids linked to each record. */
  threads: Map<string, string[]>;
}

export const now = () => new Date().toISOString();
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export const logChange = (
  store: NetHuntStore,
  record: StoredRecord,
  recordAction: Change['recordAction'],
  fieldActions: Change['fieldActions'],
  time: string,
) =>
  store.changes.push({
    id: objectId(),
    recordId: record.recordId,
    folderId: record.folderId,
    time,
    user: USER,
    recordAction,
    fieldActions,
  });

/** Stores a record and logs its creation, every field an `add`. */
export const addRecord = (
  store: NetHuntStore,
  folderId: string,
  fields: Record<string, unknown>,
  createdAt: string,
): StoredRecord => {
  const record: StoredRecord = { recordId: objectId(), folderId, createdAt, fields: { ...fields } };
  store.records.push(record);
  const added = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { add: v }]));
  logChange(store, record, 'CREATE', added, createdAt);
  return record;
};

export const folderOf = (store: NetHuntStore, id: string | undefined) => store.folders.find((f) => f.id === id);
export const recordOf = (store: NetHuntStore, id: string | undefined) => store.records.find((r) => r.recordId === id);

/**
 * A fresh store seeded with two contacts from the document, created within the last day so the
 * triggers see them, a deleted lead only the change log remembers, two comments, a call log and a file.
 */
export const createNetHuntStore = () => {
  const store: NetHuntStore = {
    folders: [
      { id: '596f710ef5be7653dee0da14', name: 'Contacts', writable: true, fields: CONTACT_FIELDS },
      { id: '596f644b8f6d05e16c24b811', name: 'Archive', writable: false, fields: [{ name: 'Name', multi: false }] },
    ],
    records: [],
    comments: [],
    changes: [],
    callLogs: [],
    files: [],
    threads: new Map(),
  };
  const contacts = store.folders[0]!.id;
  const john = addRecord(
    store,
    contacts,
    {
      Name: 'John Doe',
      Company: 'Acme Logistics',
      Position: 'Operations Manager',
      Phone: ['+1 312-555-0148'],
      Status: 'New',
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
    store,
    contacts,
    {
      Name: 'Jane Doe',
      Company: 'Example Corp',
      Phone: ['+1 415-555-0132'],
      Status: 'Qualified',
      'Primary Email Address': 'Jane Doe <jane.doe@example.com>',
    },
    ago(120),
  );
  // A reference field holds record ids (nethunt.md, "Shapes").
  john.fields['Co-workers'] = [jane.recordId];
  john.fields.Salary = 200000;
  john.fields.Status = 'Qualified';
  john.updatedAt = ago(60);
  logChange(
    store,
    john,
    'UPDATE',
    { Salary: { remove: 100000, add: 200000 }, Status: { remove: 'New', add: 'Qualified' } },
    john.updatedAt,
  );
  const gone = addRecord(store, contacts, { Name: 'Old Lead' }, ago(240));
  store.records.splice(store.records.indexOf(gone), 1);
  logChange(store, gone, 'DELETE', undefined, ago(45));
  const on = (record: StoredRecord) => ({
    commentId: objectId(),
    recordId: record.recordId,
    folderId: record.folderId,
  });
  store.comments.push({ ...on(john), createdAt: ago(90), text: 'My first comment' });
  store.comments.push({ ...on(jane), createdAt: ago(30), text: 'Called Jane back' });
  store.callLogs.push({
    callLogId: objectId(),
    recordId: john.recordId,
    folderId: john.folderId,
    createdAt: ago(100),
    text: 'Intro call with John',
    time: ago(110),
    duration: 12,
  });
  store.files.push({
    fileId: objectId(),
    recordId: jane.recordId,
    folderId: jane.folderId,
    createdAt: ago(50),
    name: 'Proposal for Jane.pdf',
    webViewLink: 'https://drive.google.com/file/d/1a2B3c4D5e6F7g8H9i0J/view',
    mimeType: 'application/pdf',
  });
  return { store, seeded: { john, jane } };
};
