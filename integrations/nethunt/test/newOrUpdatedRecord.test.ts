import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import newOrUpdatedRecord from '../triggers/newOrUpdatedRecord';
import { RECORD, RECORD_CHANGE } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/record-change/${FOLDER}`;
const created = { ...RECORD_CHANGE, id: 'e1', time: '2015-02-01T12:30:10.510Z', recordAction: 'CREATE' };
const updated = { ...RECORD_CHANGE, id: 'e2', time: '2015-03-01T12:30:10.510Z' };
const deleted = { ...RECORD_CHANGE, id: 'e3', time: '2017-03-01T12:30:10.510Z', recordAction: 'DELETE' };

describe('New or Updated Record (the record-change log, CREATE and UPDATE)', () => {
  it('outputs each creation and update with the record as NetHunt lists it now, and what changed beside it', async () => {
    api()
      .get(path)
      .query({ fieldName: 'Salary' })
      .reply(200, [created, { ...deleted, fieldActions: undefined }, updated]);
    // The records: the folder's new and updated records over the same window, one request each.
    api()
      .get(`${BASE}/triggers/new-record/${FOLDER}`)
      .query({})
      .reply(200, [{ ...RECORD, updatedAt: undefined }]);
    api()
      .get(`${BASE}/triggers/updated-record/${FOLDER}`)
      .query({})
      .reply(200, [{ ...RECORD, fields: { ...RECORD.fields, Salary: 200000 } }]);
    const out = await run.trigger(newOrUpdatedRecord, { folder_id: FOLDER, field_names: ['Salary'] });
    const record = {
      record_id: RECORD_ID,
      name: 'John Doe',
      url: null,
      created_at: RECORD.createdAt,
      updated_at: RECORD.updatedAt,
      fields__Name: 'John Doe',
      fields__Birthday: '1980-01-01',
      fields__Employed: true,
      fields__Salary: 200000,
      fields__Keywords: ['Java', 'Big Data'],
      'fields__Primary Email Address': 'john.doe@example.com',
      'fields__Primary Email Address__name': 'John Doe',
      'fields__Other Email Addresses': ['j.doe@example.com', 'j.d@example.com'],
      'fields__Other Email Addresses__name': ['J. Doe', 'J. D.'],
      'fields__Co-workers': ['596f64368f6d05e16c24b833', '596f644b8f6d05e16c24b834'],
      user_name: 'Jane Doe',
      user_email: 'jane.doe@example.com',
      changed_fields: ['Salary', 'Keywords'],
      field_actions__Salary__add: 200000,
      field_actions__Salary__remove: 100000,
      field_actions__Keywords__add: ['JavaScript'],
      field_actions__Keywords__remove: ['Java'],
    };
    expect(out).toEqual([
      { id: 'e2', ...record, time: updated.time, action: 'UPDATE' },
      { id: 'e1', ...record, time: created.time, action: 'CREATE' },
    ]);
    expectSampleKeys(newOrUpdatedRecord, out[0] ?? {});
  });

  it('returns no change that misses the chosen fields, even when NetHunt sends one', async () => {
    api().get(path).query({ fieldName: 'Name' }).reply(200, [updated]);
    await expect(run.trigger(newOrUpdatedRecord, { folder_id: FOLDER, field_names: ['Name'] })).resolves.toEqual([]);
  });

  it('outputs a record NetHunt no longer lists with its name from the change and no fields', async () => {
    api()
      .get(path)
      .query({})
      .reply(200, [
        {
          ...created,
          fieldActions: { Name: { add: 'Ada Lovelace' }, Email: { add: 'Ada <ada@example.com>' } },
        },
      ]);
    api().get(`${BASE}/triggers/new-record/${FOLDER}`).query({}).reply(200, []);
    await expect(run.trigger(newOrUpdatedRecord, { folder_id: FOLDER })).resolves.toEqual([
      {
        id: 'e1',
        record_id: RECORD_ID,
        name: 'Ada Lovelace',
        url: null,
        created_at: null,
        updated_at: null,
        time: created.time,
        action: 'CREATE',
        user_name: 'Jane Doe',
        user_email: 'jane.doe@example.com',
        changed_fields: ['Name', 'Email'],
        field_actions__Name__add: 'Ada Lovelace',
        field_actions__Email__add: 'ada@example.com',
      },
    ]);
  });

  it("offers the field filter as a dropdown of the folder's fields", () => {
    expect(newOrUpdatedRecord.operation.inputFields?.[1]).toEqual(
      expect.objectContaining({
        key: 'field_names',
        label: 'Only When These Fields Change',
        list: true,
        dynamic: 'list_folder_fields.id.name',
      }),
    );
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
