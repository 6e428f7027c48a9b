import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import recordChange from '../triggers/recordChange';
import { RECORD, RECORD_CHANGE } from '../src/samples';
import {
  BASE,
  FOLDER,
  RECORD_ID,
  TEXT,
  api,
  expectFolderThenRecord,
  expectSampleKeys,
  run,
  runMethod,
} from './helpers';

useNock();

const path = `${BASE}/triggers/record-change/${FOLDER}`;
const updatedPath = `${BASE}/triggers/updated-record/${FOLDER}`;
const OTHER = 'a'.repeat(24);

describe('Record Change (GET /triggers/record-change/{folderId})', () => {
  it("filters by record and fields and outputs each field change under its own keys, with the record's name", async () => {
    api()
      .get(path)
      .query({ recordId: RECORD_ID, fieldName: ['Salary', 'Keywords'] })
      .reply(200, [RECORD_CHANGE]);
    // The name: the folder's updated records, over the same window (one more request).
    api().get(updatedPath).query({}).reply(200, [RECORD]);
    const out = await run.trigger(recordChange, {
      folder_id: FOLDER,
      record_id: RECORD_ID,
      field_names: ['Salary', 'Keywords'],
    });
    expect(out).toEqual([
      {
        id: RECORD_CHANGE.id,
        record_id: RECORD_ID,
        record_name: 'John Doe',
        time: RECORD_CHANGE.time,
        action: 'UPDATE',
        user_name: 'Jane Doe',
        user_email: 'jane.doe@example.com',
        changed_fields: ['Salary', 'Keywords'],
        field_actions__Salary__add: 200000,
        field_actions__Salary__remove: 100000,
        field_actions__Keywords__add: ['JavaScript'],
        field_actions__Keywords__remove: ['Java'],
      },
    ]);
    expectSampleKeys(recordChange, out[0] ?? {});
  });

  it('outputs a DELETE change without field actions, and every action, newest first, each record named', async () => {
    const deleted = { ...RECORD_CHANGE, id: 'e3', time: '2017-03-01T12:30:10.510Z', recordAction: 'DELETE' };
    const created = {
      ...RECORD_CHANGE,
      id: 'e0',
      time: '2015-02-01T12:30:10.510Z',
      recordId: OTHER,
      recordAction: 'CREATE',
      fieldActions: { Name: { add: 'Ada' } },
    };
    api()
      .get(path)
      .query({})
      .reply(200, [created, RECORD_CHANGE, { ...deleted, fieldActions: undefined, user: undefined }]);
    // The created record is named by its own change; the updated one by the updated records, which
    // also name the deleted one (deleted after the update): no history is read.
    api().get(updatedPath).query({}).reply(200, [RECORD]);
    await expect(run.trigger(recordChange, { folder_id: FOLDER })).resolves.toEqual([
      {
        id: 'e3',
        record_id: RECORD_ID,
        record_name: 'John Doe',
        time: '2017-03-01T12:30:10.510Z',
        action: 'DELETE',
        user_name: null,
        user_email: null,
        changed_fields: [],
      },
      expect.objectContaining({ id: RECORD_CHANGE.id, action: 'UPDATE', record_name: 'John Doe' }),
      expect.objectContaining({ id: 'e0', action: 'CREATE', record_name: 'Ada' }),
    ]);
  });

  it("offers the record filter as an optional dropdown of the folder's records, and the field filter", () => {
    expectFolderThenRecord(recordChange.operation.inputFields, undefined, { search: 'find_record.id' });
    expect(recordChange.operation.inputFields?.[2]).toEqual(
      expect.objectContaining({
        key: 'field_names',
        label: 'Only When These Fields Change',
        dynamic: 'list_folder_fields.id.name',
      }),
    );
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(recordChange, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports a change of an unknown action as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ ...RECORD_CHANGE, recordAction: 'MERGE' }]);
    const err = await failureOf(run.trigger(recordChange, { folder_id: FOLDER }));
    expect(err.message).toBe(
      'NetHunt CRM sent an answer of an unexpected shape: [0].recordAction: must be one of CREATE, UPDATE or DELETE.',
    );
  });

  it('refuses a record id with a slash before any request', async () => {
    const err = await failureOf(run.trigger(recordChange, { folder_id: FOLDER, record_id: 'a/b' }));
    expect(err.message).toMatch(/^Record: must be an id/);
    expectNothingSent();
  });

  it("labels each field's new and removed value after the folder's fields", async () => {
    api()
      .get(`${BASE}/triggers/folder-field/${FOLDER}`)
      .reply(200, [{ name: 'Salary' }]);
    const fields = await runMethod('triggers.record_change.operation.outputFields', { folder_id: FOLDER });
    expect(fields).toEqual(
      expect.arrayContaining([
        { key: 'field_actions__Salary__add', label: 'Salary: New Value' },
        { key: 'field_actions__Salary__remove', label: 'Salary: Removed Value' },
      ]),
    );
  });
});
