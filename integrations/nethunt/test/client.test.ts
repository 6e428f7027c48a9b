/**
 * The client's contract: each method against the endpoint nethunt.md documents for it ("Endpoints"
 * table). A row pins the exact request (method, path, query, body: nock matches them all, and
 * `useNock` fails a row whose request never came) and answers with the document's own sample
 * (`src/samples.ts`, or the reference's best guess where the answer is undocumented); the method
 * returns that answer, checked and unchanged.
 */
import { makeBundle, useNock } from '@crm-zapier/kit/testing';
import type nock from 'nock';
import zapier, { type ZObject } from 'zapier-platform-core';
import App from '../index';
import { nethunt, type NetHuntClient } from '../src/client';
import {
  CALL_LOG,
  COMMENT,
  CREATED_CALL_LOG,
  CREATED_COMMENT,
  DELETED_RECORD,
  DRIVE_FILE,
  RECORD,
  RECORD_CHANGE,
} from '../src/samples';
import { AUTH, BASE, FOLDER, RECORD_ID, api } from './helpers';

useNock();

interface Row {
  method: 'GET' | 'POST';
  path: string;
  call: (client: NetHuntClient) => Promise<unknown>;
  query?: Record<string, string | string[]>;
  body?: nock.DataMatcherMap;
  answer: object;
}

const FOLDERS = [{ id: FOLDER, name: 'My first folder' }];
const USER = [{ user: { personalName: 'John Doe', emailAddress: 'john.doe@example.com' } }];
const CREATED = { recordId: RECORD_ID, createdAt: RECORD.createdAt, fields: RECORD.fields };
const UPDATED = { recordId: RECORD_ID, updatedAt: RECORD.updatedAt, fields: RECORD.fields };
const SINCE = '2024-01-01T00:00:00.000Z';

/** One row per method of the client: a method without its row does not compile. */
const ROWS: { [M in keyof NetHuntClient]: Row } = {
  authTest: { method: 'GET', path: '/triggers/auth-test', call: (c) => c.authTest(), answer: USER },
  readableFolders: {
    method: 'GET',
    path: '/triggers/readable-folder',
    call: (c) => c.readableFolders(),
    answer: FOLDERS,
  },
  writableFolders: {
    method: 'GET',
    path: '/triggers/writable-folder',
    call: (c) => c.writableFolders(),
    answer: FOLDERS,
  },
  folderFields: {
    method: 'GET',
    path: `/triggers/folder-field/${FOLDER}`,
    call: (c) => c.folderFields(FOLDER),
    answer: [{ name: 'Name' }, { name: 'Birthday' }],
  },
  findRecords: {
    method: 'GET',
    path: `/searches/find-record/${FOLDER}`,
    call: (c) => c.findRecords(FOLDER, { recordId: RECORD_ID, query: 'Name:Doe', limit: 1 }),
    query: { recordId: RECORD_ID, query: 'Name:Doe', limit: '1' },
    answer: [RECORD],
  },
  newRecords: {
    method: 'GET',
    path: `/triggers/new-record/${FOLDER}`,
    call: (c) => c.newRecords(FOLDER, { since: SINCE, limit: 25 }),
    query: { since: SINCE, limit: '25' },
    answer: [RECORD],
  },
  newComments: {
    method: 'GET',
    path: `/triggers/new-comment/${FOLDER}`,
    call: (c) => c.newComments(FOLDER, { since: SINCE }),
    query: { since: SINCE },
    answer: [COMMENT],
  },
  updatedRecords: {
    method: 'GET',
    path: `/triggers/updated-record/${FOLDER}`,
    call: (c) => c.updatedRecords(FOLDER, { fieldName: ['Name', 'Salary'] }),
    query: { fieldName: ['Name', 'Salary'] },
    answer: [RECORD],
  },
  recordChanges: {
    method: 'GET',
    path: `/triggers/record-change/${FOLDER}`,
    call: (c) => c.recordChanges(FOLDER, { recordId: RECORD_ID, fieldName: ['Salary'] }),
    query: { recordId: RECORD_ID, fieldName: 'Salary' },
    answer: [RECORD_CHANGE],
  },
  newCallLogs: {
    method: 'GET',
    path: `/triggers/new-call-log/${FOLDER}`,
    call: (c) => c.newCallLogs(FOLDER),
    answer: [CALL_LOG],
  },
  newDriveFiles: {
    method: 'GET',
    path: `/triggers/new-gdrivefile/${FOLDER}`,
    call: (c) => c.newDriveFiles(FOLDER),
    answer: [DRIVE_FILE],
  },
  createRecord: {
    method: 'POST',
    path: `/actions/create-record/${FOLDER}`,
    call: (c) => c.createRecord(FOLDER, { timeZone: 'Europe/London', fields: { Name: 'John Doe' } }),
    body: { timeZone: 'Europe/London', fields: { Name: 'John Doe' } },
    answer: CREATED,
  },
  updateRecord: {
    method: 'POST',
    path: `/actions/update-record/${RECORD_ID}`,
    call: (c) => c.updateRecord(RECORD_ID, { fieldActions: { Salary: { overwrite: false, remove: 100000 } } }, false),
    query: { overwrite: 'false' },
    body: { fieldActions: { Salary: { overwrite: false, remove: 100000 } } },
    answer: UPDATED,
  },
  createComment: {
    method: 'POST',
    path: `/actions/create-comment/${RECORD_ID}`,
    call: (c) => c.createComment(RECORD_ID, 'My first comment'),
    body: { text: 'My first comment' },
    answer: CREATED_COMMENT,
  },
  createCallLog: {
    method: 'POST',
    path: `/actions/create-call-log/${RECORD_ID}`,
    call: (c) => c.createCallLog(RECORD_ID, { text: "It's a call log", time: SINCE, duration: 2.5 }),
    body: { text: "It's a call log", time: SINCE, duration: 2.5 },
    answer: CREATED_CALL_LOG,
  },
  deleteRecord: {
    method: 'POST',
    path: `/actions/delete-record/${RECORD_ID}`,
    call: (c) => c.deleteRecord(RECORD_ID),
    body: {},
    answer: DELETED_RECORD,
  },
  linkGmailThread: {
    method: 'POST',
    path: `/actions/link-gmail-thread/${RECORD_ID}`,
    call: (c) => c.linkGmailThread(RECORD_ID, '1234567890abcdef'),
    body: { gmailThreadId: '1234567890abcdef' },
    answer: {},
  },
};

const appTester = zapier.createAppTester(App);
const withClient = (call: Row['call']) => appTester((z: ZObject) => call(nethunt(z)), makeBundle(AUTH));

describe('the client against nethunt.md', () => {
  it.each(Object.entries(ROWS))('%s', async (_name, row) => {
    const interceptor = api()
      .intercept(`${BASE}${row.path}`, row.method, row.body)
      .query(row.query ?? {});
    (row.body ? interceptor.matchHeader('content-type', 'application/json') : interceptor).reply(200, row.answer);
    await expect(withClient(row.call)).resolves.toEqual(row.answer);
  });
});
