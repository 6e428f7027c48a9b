import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import deletedRecord from '../triggers/deletedRecord';
import { RECORD_CHANGE } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectFolderThenRecord, expectSampleKeys, run } from './helpers';

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
  it("keeps DELETE events only, for one record when asked, named from the record's history (one more request)", async () => {
    api().get(path).query({ recordId: RECORD_ID }).reply(200, [created, deleted, RECORD_CHANGE]);
    api()
      .get(path)
      .query({ recordId: RECORD_ID, since: '1970-01-01T00:00:00.000Z' })
      .reply(200, [
        { ...created, fieldActions: { Name: { add: 'Old Lead' } } },
        { ...RECORD_CHANGE, fieldActions: { Name: { remove: 'Old Lead', add: 'Old Lead Ltd' } } },
        deleted,
      ]);
    const out = await run.trigger(deletedRecord, { folder_id: FOLDER, record_id: RECORD_ID });
    expect(out).toEqual([
      {
        id: 'e3',
        record_id: RECORD_ID,
        record_name: 'Old Lead Ltd',
        time: '2017-03-01T12:30:10.510Z',
        action: 'DELETE',
        user_name: 'Jane Doe',
        user_email: 'jane.doe@example.com',
        changed_fields: [],
      },
    ]);
    expectSampleKeys(deletedRecord, out[0] ?? {});
  });

  it('reads the history of at most 5 deleted records per poll, once each; a history NetHunt no longer has leaves the name empty', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => i.toString(16).padStart(24, '0'));
    const deletions = ids.map((recordId, i) => ({
      ...deleted,
      id: `d${i}`,
      recordId,
      time: new Date(Date.UTC(2024, 0, 1, i)).toISOString(),
    }));
    api().get(path).query({}).reply(200, deletions);
    for (const recordId of ids.slice(1)) {
      const history = api().get(path).query({ recordId, since: '1970-01-01T00:00:00.000Z' });
      if (recordId === ids[1]) history.reply(404, 'Record not found', TEXT);
      else
        history.reply(200, [{ ...created, recordId, fieldActions: { Name: { add: `Lead ${recordId.slice(-1)}` } } }]);
    }
    const out = await run.trigger(deletedRecord, { folder_id: FOLDER });
    expect(out.map((c) => c.record_name)).toEqual(['Lead 5', 'Lead 4', 'Lead 3', 'Lead 2', null, null]);
    // The next poll sees the same deletions: the histories read (found or gone) are kept, none is read again.
    api().get(path).query({}).reply(200, deletions);
    const again = await run.trigger(deletedRecord, { folder_id: FOLDER });
    expect(again.map((c) => c.record_name)).toEqual(['Lead 5', 'Lead 4', 'Lead 3', 'Lead 2', null, null]);
  });

  it("offers the record filter as an optional dropdown of the folder's records", () => {
    expectFolderThenRecord(deletedRecord.operation.inputFields, undefined, { search: 'find_record.id' });
    expect(deletedRecord.operation.inputFields?.[1]).not.toHaveProperty('required');
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
    expect(err.message).toMatch(/^Record: must be an id/);
    expectNothingSent();
  });
});
