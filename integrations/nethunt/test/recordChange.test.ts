import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import recordChange from '../triggers/recordChange';
import { RECORD_CHANGE } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run, runMethod } from './helpers';

useNock();

const path = `${BASE}/triggers/record-change/${FOLDER}`;

describe('Record Change (GET /triggers/record-change/{folderId})', () => {
  it('filters by record and fields and outputs each field change under its own keys', async () => {
    api()
      .get(path)
      .query({ recordId: RECORD_ID, fieldName: ['Salary', 'Keywords'] })
      .reply(200, [RECORD_CHANGE]);
    const out = await run.trigger(recordChange, {
      folder_id: FOLDER,
      record_id: RECORD_ID,
      field_names: ['Salary', 'Keywords'],
    });
    expect(out).toEqual([
      {
        id: RECORD_CHANGE.id,
        change_id: RECORD_CHANGE.id,
        record_id: RECORD_ID,
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

  it('outputs a DELETE change without field actions, and every action, newest first', async () => {
    const deleted = { ...RECORD_CHANGE, id: 'e3', time: '2017-03-01T12:30:10.510Z', recordAction: 'DELETE' };
    api()
      .get(path)
      .query({})
      .reply(200, [RECORD_CHANGE, { ...deleted, fieldActions: undefined, user: undefined }]);
    await expect(run.trigger(recordChange, { folder_id: FOLDER })).resolves.toEqual([
      {
        id: 'e3',
        change_id: 'e3',
        record_id: RECORD_ID,
        time: '2017-03-01T12:30:10.510Z',
        action: 'DELETE',
        user_name: null,
        user_email: null,
        changed_fields: [],
      },
      expect.objectContaining({ id: RECORD_CHANGE.id, action: 'UPDATE' }),
    ]);
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
      'NetHunt CRM sent an answer of an unexpected shape: [0].recordAction: Invalid option: expected one of "CREATE"|"UPDATE"|"DELETE".',
    );
  });

  it('refuses a record id with a slash before any request', async () => {
    const err = await failureOf(run.trigger(recordChange, { folder_id: FOLDER, record_id: 'a/b' }));
    expect(err.message).toMatch(/^Record ID: must be an id/);
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
