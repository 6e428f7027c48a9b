import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import deleteRecord from '../creates/deleteRecord';
import {
  BASE,
  RECORD_ID,
  TEXT,
  api,
  expectSampleKeys,
  expectFolderThenRecord,
  itRefusesUnsafeOutcomes,
  run,
} from './helpers';

useNock();

const path = `${BASE}/actions/delete-record/${RECORD_ID}`;
const remove = () => run.create(deleteRecord, { record_id: RECORD_ID });

describe('Delete Record (POST /actions/delete-record/{recordId}, no body)', () => {
  it('posts an empty JSON body and outputs the record and the trash item, every key kept', async () => {
    api()
      .post(path, {})
      .query({})
      .matchHeader('content-type', 'application/json')
      .reply(200, { trashItemId: { timestamp: 1500466763 }, extra: 'kept' });
    const out = await remove();
    expect(out).toEqual({
      id: RECORD_ID,
      deleted: true,
      trash_item_id: '{"timestamp":1500466763}',
      trash_item_id__timestamp: 1500466763,
      extra: 'kept',
    });
    expectSampleKeys(deleteRecord, out);
  });

  it('reads any 2xx JSON object as deleted, the trash item being optional', async () => {
    api().post(path, {}).reply(200, {});
    await expect(remove()).resolves.toEqual({
      id: RECORD_ID,
      deleted: true,
      trash_item_id: null,
    });
  });

  it('names the record NetHunt does not know', async () => {
    api().post(path).reply(404, 'Record not found', TEXT);
    const err = await failureOf(remove());
    expect(err.message).toBe(`NetHunt CRM could not find record ${RECORD_ID}: Record not found`);
  });

  it.each([
    ['an empty body', ''],
    ['JSON that is not an object', 'true'],
  ])('reads %s with a 2xx as deleted, never as a failure the user would run again', async (_what, body) => {
    api().post(path, {}).reply(204, body, { 'Content-Type': 'application/json' });
    await expect(remove()).resolves.toEqual({
      id: RECORD_ID,
      deleted: true,
      trash_item_id: null,
    });
  });

  it.each([
    ['', 'Record: is required.'],
    ['..', 'Record: must be an id, not dots.'],
    ['596f 644b', 'Record: must be an id without spaces or slashes.'],
  ])('refuses the record id %j before any request', async (record_id, message) => {
    const err = await failureOf(run.create(deleteRecord, { record_id }));
    expect(err.message).toBe(message);
    expectNothingSent();
  });

  it('asks for the folder first, then the record from a dropdown linked to Find Record', () => {
    expectFolderThenRecord(deleteRecord.operation.inputFields);
  });

  itRefusesUnsafeOutcomes('the record may be gone', () => api().post(path), remove);
});
