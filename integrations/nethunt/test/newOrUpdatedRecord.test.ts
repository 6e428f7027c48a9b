import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import newOrUpdatedRecord from '../triggers/newOrUpdatedRecord';
import { RECORD_CHANGE } from '../src/samples';
import { BASE, FOLDER, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/record-change/${FOLDER}`;
const created = { ...RECORD_CHANGE, id: 'e1', time: '2015-02-01T12:30:10.510Z', recordAction: 'CREATE' };
const updated = { ...RECORD_CHANGE, id: 'e2', time: '2015-03-01T12:30:10.510Z' };
const deleted = { ...RECORD_CHANGE, id: 'e3', time: '2017-03-01T12:30:10.510Z', recordAction: 'DELETE' };

describe('New or Updated Record (the record-change log, CREATE and UPDATE)', () => {
  it('keeps CREATE and UPDATE events, newest first, in one request', async () => {
    api()
      .get(path)
      .query({ fieldName: 'Salary' })
      .reply(200, [created, { ...deleted, fieldActions: undefined }, updated]);
    const out = await run.trigger(newOrUpdatedRecord, { folder_id: FOLDER, field_names: ['Salary'] });
    expect(out).toEqual([
      expect.objectContaining({ id: 'e2', action: 'UPDATE', field_actions__Salary__add: 200000 }),
      expect.objectContaining({ id: 'e1', action: 'CREATE', changed_fields: ['Salary', 'Keywords'] }),
    ]);
    expectSampleKeys(newOrUpdatedRecord, out[0] ?? {});
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(newOrUpdatedRecord, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports changes without their time as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ ...created, time: undefined }]);
    const err = await failureOf(run.trigger(newOrUpdatedRecord, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].time is missing.');
  });

  it('refuses a dot folder before any request', async () => {
    const err = await failureOf(run.trigger(newOrUpdatedRecord, { folder_id: '..' }));
    expect(err.message).toMatch(/^Folder/);
    expectNothingSent();
  });
});
