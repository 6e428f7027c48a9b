/** Raw answers from the API document, the source of every operation's sample. */
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

export const CREATED_COMMENT = { commentId: '5970b408bbd55ad726e11bc3', createdAt: '2015-01-01T12:34:15.880Z' };
export const CREATED_CALL_LOG = { callLogId: '5970b408bbd55ad726e11bc3', createdAt: '2015-01-01T12:34:15.880Z' };
