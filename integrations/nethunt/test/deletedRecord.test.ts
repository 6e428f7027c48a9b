import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import deletedRecord from '../triggers/deletedRecord';
import { RECORD_CHANGE } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/record-change/${FOLDER}`;
const created = { ...RECORD_CHANGE, id: 'e1', time: '2015-02-01T12:30:10.510Z', recordAction: 'CREATE' };
const deleted = {
  ...RECORD_CHANGE,
  id: 'e3',
  time: '2017-03-01T12:30:10.510Z',
  recordAction: 'DELETE',
  fieldActions: undefined,
};

describe('Deleted Record (the record-change log, DELETE)', () => {
  it('keeps DELETE events only, for one record when asked', async () => {
    api().get(path).query({ recordId: RECORD_ID }).reply(200, [created, deleted, RECORD_CHANGE]);
    const out = await run.trigger(deletedRecord, { folder_id: FOLDER, record_id: RECORD_ID });
    expect(out).toEqual([
      {
        id: 'e3',
        change_id: 'e3',
        record_id: RECORD_ID,
        time: '2017-03-01T12:30:10.510Z',
        action: 'DELETE',
        user_name: 'Jane Doe',
        user_email: 'jane.doe@example.com',
        changed_fields: [],
      },
    ]);
    expectSampleKeys(deletedRecord, out[0] ?? {});
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(deletedRecord, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports an answer that is not a list as a broken answer', async () => {
    api().get(path).reply(200, { changes: [] });
    const err = await failureOf(run.trigger(deletedRecord, { folder_id: FOLDER }));
    expect(err.message).toBe(
      'NetHunt CRM sent an answer of an unexpected shape: the answer: Invalid input: expected array, received object.',
    );
  });

  it('refuses a record id with a space before any request', async () => {
    const err = await failureOf(run.trigger(deletedRecord, { folder_id: FOLDER, record_id: '596f 644b' }));
    expect(err.message).toMatch(/^Record ID: must be an id/);
    expectNothingSent();
  });
});
