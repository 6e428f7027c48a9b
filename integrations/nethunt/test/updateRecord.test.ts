import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateRecord from '../creates/updateRecord';
import { RECORD } from '../src/samples';
import {
  BASE,
  FOLDER,
  RECORD_ID,
  TEXT,
  api,
  expectFolderThenRecord,
  expectSampleKeys,
  itRefusesUnsafeOutcomes,
  run,
  typeSample,
} from './helpers';

useNock();

const path = `${BASE}/actions/update-record/${RECORD_ID}`;
const updated = { recordId: RECORD_ID, updatedAt: '2015-01-05T12:34:15.880Z', fields: { Name: 'John Smith' } };
const rename = () =>
  run.create(updateRecord, { record_id: RECORD_ID, folder_id: FOLDER }, { extra: { fields__Name: 'X' } });

describe('Update Record (POST /actions/update-record/{recordId})', () => {
  it('replaces by default: overwrite=true in the query, add per field; outputs the record flat', async () => {
    typeSample([RECORD]);
    api()
      .post(path, { fieldActions: { Name: { add: 'John Smith' } } })
      .query({ overwrite: 'true' })
      .matchHeader('content-type', 'application/json')
      .reply(200, updated);
    const out = await run.create(
      updateRecord,
      { record_id: RECORD_ID, folder_id: FOLDER },
      { extra: { fields__Name: 'John Smith' } },
    );
    expect(out).toEqual({
      id: RECORD_ID,
      name: 'John Smith',
      url: null,
      created_at: null,
      updated_at: '2015-01-05T12:34:15.880Z',
      fields__Name: 'John Smith',
    });
    expectSampleKeys(updateRecord, out);
  });

  it('adds values and removes others, typed like the records, never combining overwrite and remove', async () => {
    typeSample([RECORD]);
    api()
      .post(path, {
        fieldActions: {
          Keywords: { add: ['JavaScript'], overwrite: false, remove: ['Java'] },
          Salary: { overwrite: false, remove: 100000 },
        },
      })
      .query({ overwrite: 'false' })
      .reply(200, { ...updated, fields: {} });
    await run.create(
      updateRecord,
      { record_id: RECORD_ID, folder_id: FOLDER, mode: 'add', remove_values: { Keywords: 'Java', Salary: '100000' } },
      { extra: { fields__Keywords: 'JavaScript' } },
    );
  });

  it('asks for the folder first, then the record from a dropdown linked to Find Record', () => {
    expectFolderThenRecord(updateRecord.operation.inputFields, 'list_writable_folders.id.name');
  });

  it('sends a bare e-mail address as typed, and outputs it bare with the name NetHunt stored beside it', async () => {
    typeSample([RECORD]);
    api()
      .post(path, { fieldActions: { 'Primary Email Address': { add: 'jane.cooper@northwindtraders.com' } } })
      .query({ overwrite: 'true' })
      .reply(200, {
        ...updated,
        fields: { 'Primary Email Address': 'Jane Cooper <jane.cooper@northwindtraders.com>' },
      });
    await expect(
      run.create(
        updateRecord,
        { record_id: RECORD_ID, folder_id: FOLDER },
        { extra: { 'fields__Primary Email Address': 'jane.cooper@northwindtraders.com' } },
      ),
    ).resolves.toEqual({
      id: RECORD_ID,
      name: null,
      url: null,
      created_at: null,
      updated_at: '2015-01-05T12:34:15.880Z',
      'fields__Primary Email Address': 'jane.cooper@northwindtraders.com',
      'fields__Primary Email Address__name': 'Jane Cooper',
    });
  });

  it("names the form's choices when NetHunt refuses to add to a full single-value field", async () => {
    typeSample([RECORD]);
    api()
      .post(path)
      .query({ overwrite: 'false' })
      .reply(
        400,
        'Field "Name" can hold only a single value and is not empty: use "overwrite" or "remove" with "add"',
        TEXT,
      );
    const err = await failureOf(
      run.create(
        updateRecord,
        { record_id: RECORD_ID, folder_id: FOLDER, mode: 'add' },
        { extra: { fields__Name: 'X' } },
      ),
    );
    expect(err.message).toBe(
      'NetHunt CRM could not add to "Name": it holds a single value and is not empty. Choose "Replace the current values" under How To Change Fields, or put its current value under Values To Remove.',
    );
  });

  it("puts the form's words in any other refusal that quotes NetHunt's", async () => {
    typeSample([RECORD]);
    api().post(path).query(true).reply(400, 'Field "Keywords": "overwrite" and "remove" must not be combined', TEXT);
    const err = await failureOf(rename());
    expect(err.message).toBe(
      'NetHunt CRM rejected the request: Field "Keywords": Replace (How To Change Fields) and Values To Remove must not be combined',
    );
  });

  it('leaves a refusal that does not quote those words as NetHunt wrote it', async () => {
    typeSample([RECORD]);
    api().post(path).query(true).reply(400, 'Cannot remove Java from Keywords', TEXT);
    const err = await failureOf(rename());
    expect(err.message).toBe('NetHunt CRM rejected the request: Cannot remove Java from Keywords');
  });

  it('names the record NetHunt does not know', async () => {
    typeSample([]);
    api().post(path).query(true).reply(404, 'Record not found', TEXT);
    const err = await failureOf(rename());
    expect(err.message).toBe(`NetHunt CRM could not find record ${RECORD_ID}: Record not found`);
  });

  it('reports an answer without the update time as a broken answer', async () => {
    typeSample([]);
    api().post(path).query(true).reply(200, { recordId: RECORD_ID, fields: {} });
    const err = await failureOf(rename());
    expect(err.message).toBe(
      'NetHunt CRM accepted the request but sent an answer of an unexpected shape: updatedAt is missing, so the change may or may not have been made in NetHunt CRM. Check in NetHunt CRM before running this step again; Zapier will not retry it on its own.',
    );
  });

  it.each([
    ['an unknown mode', {}, { mode: 'merge', fields__Name: 'X' }, /^How To Change Fields/],
    [
      'nothing to change',
      {},
      {},
      /^Please fill in at least one field, or a value under Values To Remove, to update the record\.$/,
    ],
    ['a dot record id', { record_id: '..' }, { fields__Name: 'X' }, /^Record: must be an id/],
  ])('refuses %s before any request', async (_what, input, extra, message) => {
    const err = await failureOf(
      run.create(updateRecord, { record_id: RECORD_ID, folder_id: FOLDER, ...input }, { extra }),
    );
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('refuses a value to remove that cannot be of its field, naming it, before the write', async () => {
    typeSample([RECORD]);
    const err = await failureOf(
      run.create(updateRecord, { record_id: RECORD_ID, folder_id: FOLDER, remove_values: { Salary: 'a lot' } }),
    );
    expect(err.message).toBe('Values To Remove › Salary: must be a number.');
    // Only the read of the field types (answered above) went out, not the write.
    expectNothingSent();
  });

  itRefusesUnsafeOutcomes(
    'the record may have changed',
    () => {
      typeSample([]);
      return api().post(path).query(true);
    },
    rename,
  );
});
