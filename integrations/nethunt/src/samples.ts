/**
 * Raw answers from the API document, the source of every operation's sample. A static sample holds
 * only keys every answer has (Zapier's T004: sample keys ⊆ live keys): the per-folder `fields__…`
 * and per-field change keys differ between accounts, so they come from dynamic output fields instead.
 */
export const RECORD = {
  id: '596f644b8f6d05e16c24b830',
  recordId: '596f644b8f6d05e16c24b830',
  createdAt: '2015-01-01T12:34:15.880Z',
  updatedAt: '2015-02-01T12:30:10.510Z',
  fields: {
    Name: 'John Doe',
    Birthday: '1980-01-01',
    Employed: true,
    Salary: 100000,
    Keywords: ['Java', 'Big Data'],
    'Primary Email Address': 'John Doe <john.doe@example.com>',
    'Other Email Addresses': ['J. Doe <j.doe@example.com>', 'J. D. <j.d@example.com>'],
    'Co-workers': ['596f64368f6d05e16c24b833', '596f644b8f6d05e16c24b834'],
  },
};

export const COMMENT = {
  id: '596f644b8f6d05e16c24b820',
  commentId: '596f644b8f6d05e16c24b820',
  recordId: '596f644b8f6d05e16c24b830',
  createdAt: '2015-01-01T12:34:15.880Z',
  text: 'My first comment',
};

/**
 * The record of the static samples: a contact as a Contacts folder holds one, with the document's
 * e-mail field (a folder's fields are its own, so a user's may be named differently), its address
 * written as NetHunt writes it (output bare, the name beside it); phones hold several values.
 */
export const SAMPLE_RECORD = {
  id: '65f1c2a94e8b7d0012ab34cd',
  recordId: '65f1c2a94e8b7d0012ab34cd',
  createdAt: '2024-03-12T09:41:15.880Z',
  updatedAt: '2024-03-14T16:05:42.120Z',
  fields: {
    Name: 'Jane Cooper',
    Company: 'Northwind Traders',
    Position: 'Head of Purchasing',
    Phone: ['+1 415-555-0132'],
    'Primary Email Address': 'Jane Cooper <jane.cooper@northwindtraders.com>',
    Status: 'Qualified',
  },
};

export const RECORD_CHANGE = {
  id: '597084cc39b70d3b5959c603',
  recordId: '596f644b8f6d05e16c24b830',
  time: '2015-03-01T12:30:10.510Z',
  user: { personalName: 'Jane Doe', emailAddress: '<jane.doe@example.com>' },
  recordAction: 'UPDATE' as const,
  fieldActions: {
    Salary: { remove: 100000, add: 200000 },
    Keywords: { remove: ['Java'], add: ['JavaScript'] },
  },
};

/** The sample record's latest change: its status moved on, by a colleague. */
export const SAMPLE_CHANGE = {
  id: '65f3213e4e8b7d0012ab35f2',
  recordId: SAMPLE_RECORD.recordId,
  time: SAMPLE_RECORD.updatedAt,
  user: { personalName: 'Tom Baker', emailAddress: '<tom.baker@acme-sales.com>' },
  recordAction: 'UPDATE' as const,
  fieldActions: { Status: { remove: 'New', add: 'Qualified' } },
};

/** A comment on the sample record. */
export const SAMPLE_COMMENT = {
  id: '65f2a9d04e8b7d0012ab35a1',
  commentId: '65f2a9d04e8b7d0012ab35a1',
  recordId: SAMPLE_RECORD.recordId,
  createdAt: '2024-03-13T11:20:05.310Z',
  text: 'Asked for a quote on 200 units; send it by Friday.',
};

export const CREATED_COMMENT = { commentId: '5970b408bbd55ad726e11bc3', createdAt: '2015-01-01T12:34:15.880Z' };
export const CREATED_CALL_LOG = { callLogId: '5970b408bbd55ad726e11bc3', createdAt: '2015-01-01T12:34:15.880Z' };

/**
 * Best guesses (nethunt.md, "Request bodies and answers of the added endpoints"): no source shows
 * the answers of `new-call-log`, `new-gdrivefile`, `delete-record` or `link-gmail-thread`.
 */
export const CALL_LOG = {
  id: '65f2b3e24e8b7d0012ab35c4',
  callLogId: '65f2b3e24e8b7d0012ab35c4',
  recordId: '65f1c2a94e8b7d0012ab34cd',
  createdAt: '2024-03-13T12:31:09.402Z',
  text: 'Discussed volume pricing; she will confirm the order next week.',
  time: '2024-03-13T12:05:00.000Z',
  duration: 12.5,
};

export const DRIVE_FILE = {
  id: '65f2b6184e8b7d0012ab35d0',
  recordId: '65f1c2a94e8b7d0012ab34cd',
  createdAt: '2024-03-13T12:40:27.915Z',
  name: 'Quote Q-2024-031 for Northwind Traders.pdf',
  url: 'https://drive.google.com/file/d/1a2B3c4D5e6F7g8H9i0J/view',
};

/** The one answer shape recorded for delete-record: a trash item, typed only as an object. */
export const DELETED_RECORD = { trashItemId: {} };
