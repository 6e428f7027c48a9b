import { expectNothingSent, failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import createRecord from '../creates/createRecord';
import { RECORD } from '../src/samples';
import {
  AUTH,
  BASE,
  FOLDER,
  RECORD_ID,
  api,
  expectSampleKeys,
  itRefusesUnsafeOutcomes,
  run,
  runMethod,
  typeSample,
} from './helpers';

useNock();

const created = { recordId: RECORD_ID, createdAt: RECORD.createdAt, fields: { Name: 'Ada', Salary: 1 } };
const path = `${BASE}/actions/create-record/${FOLDER}`;

describe('Create Record (POST /actions/create-record/{folderId})', () => {
  it("posts the folder's fields with the Zap's time zone, each typed like the folder's records, and outputs the record flat", async () => {
    typeSample([RECORD]);
    api()
      .post(path, { timeZone: 'Europe/London', fields: { Name: 'Ada', Salary: 1 } })
      .query({})
      .matchHeader('content-type', 'application/json')
      .reply(200, created);
    const out = await run.create(
      createRecord,
      { folder_id: FOLDER },
      {
        extra: { fields__Name: 'Ada', fields__Salary: '1', fields__Birthday: '' },
        meta: { timezone: 'Europe/London' },
      },
    );
    expect(out).toEqual({
      id: RECORD_ID,
      name: 'Ada',
      url: null,
      created_at: RECORD.createdAt,
      updated_at: null,
      fields__Name: 'Ada',
      fields__Salary: 1,
    });
    expectSampleKeys(createRecord, out);
  });

  it('sends lists as arrays, numbers unquoted, checkboxes as booleans, dates as YYYY-MM-DD and references as id arrays (nethunt.md, "Field types")', async () => {
    typeSample([RECORD]);
    api()
      .post(path, {
        timeZone: 'UTC',
        fields: {
          Name: 'Ada Lovelace',
          // The day as the user gave it, in their own offset: no shift to the day before in UTC.
          Birthday: '1815-12-10',
          Employed: false,
          Salary: 2500.5,
          Keywords: ['Mathematics'],
          'Co-workers': ['596f64368f6d05e16c24b833'],
          Notes: ['first', 'second'],
        },
      })
      .reply(200, created);
    await run.create(
      createRecord,
      { folder_id: FOLDER, list_fields: ['Notes'] },
      {
        extra: {
          fields__Name: 'Ada Lovelace',
          fields__Birthday: '1815-12-10T00:00:00-05:00',
          fields__Employed: 'false',
          fields__Salary: ' 2500.5 ',
          fields__Keywords: 'Mathematics',
          'fields__Co-workers': ['596f64368f6d05e16c24b833'],
          fields__Notes: ['first', 'second'],
        },
      },
    );
  });

  it('leaves a field text when its values disagree between records or no record fills it, and a list once any record holds a list', async () => {
    typeSample([
      { ...RECORD, fields: { Code: 7, Tags: ['a'] } },
      { ...RECORD, fields: { Code: '007', Tags: 'b' } },
    ]);
    api()
      .post(path, { timeZone: 'UTC', fields: { Code: '0042', Other: '12', Tags: ['c'] } })
      .reply(200, created);
    await run.create(
      createRecord,
      { folder_id: FOLDER },
      { extra: { fields__Code: '0042', fields__Other: '12', fields__Tags: 'c' } },
    );
  });

  it("shows NetHunt's message for a 400", async () => {
    typeSample([]);
    api().post(path).reply(400, { message: 'Unknown field "Nmae"' });
    const err = await failureOf(run.create(createRecord, { folder_id: FOLDER }, { extra: { fields__Nmae: 'Ada' } }));
    expect(err.message).toBe('NetHunt CRM rejected the request: Unknown field "Nmae"');
  });

  it('reports an answer without the created record as a broken answer', async () => {
    typeSample([]);
    api().post(path).reply(200, { createdAt: RECORD.createdAt });
    const err = await failureOf(run.create(createRecord, { folder_id: FOLDER }, { extra: { fields__Name: 'Ada' } }));
    expect(err.message).toBe(
      'NetHunt CRM accepted the request but sent an answer of an unexpected shape: recordId is missing; fields is missing, so the change may or may not have been made in NetHunt CRM. Check in NetHunt CRM before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('asks for at least one field before any request', async () => {
    const err = await failureOf(run.create(createRecord, { folder_id: FOLDER }));
    expect(err.message).toBe('Please fill in at least one field of the folder to create a record.');
    expectNothingSent();
  });

  it.each([
    [{ fields__Salary: 'lots' }, 'Salary: must be a number.'],
    [{ fields__Salary: '1e999' }, 'Salary: must be a number.'],
    [{ fields__Birthday: 'next Tuesday' }, 'Birthday: must be a date and time (ISO 8601, e.g. 2024-05-01T14:30:00Z).'],
    [{ fields__Employed: 'maybe' }, 'Employed: must be yes or no (true or false).'],
    [{ 'fields__Co-workers': ['abc 123'] }, 'Co-workers: must be an id without spaces or slashes.'],
  ])('refuses %j, naming the field, before the record is written', async (values, message) => {
    typeSample([RECORD]);
    const err = await failureOf(run.create(createRecord, { folder_id: FOLDER }, { extra: values }));
    expect(err.message).toBe(message);
    // Only the read of the field types (answered above) went out, not the write.
    expectNothingSent();
  });

  it('refuses a folder id that is not an id before any request', async () => {
    const err = await failureOf(run.create(createRecord, { folder_id: '..' }, { extra: { fields__Name: 'Ada' } }));
    expect(err.message).toMatch(/^Folder: must be an id/);
    expectNothingSent();
  });

  itRefusesUnsafeOutcomes(
    'the record may have been created',
    () => {
      typeSample([]);
      return api().post(path);
    },
    () => run.create(createRecord, { folder_id: FOLDER }, { extra: { fields__Name: 'Ada' } }),
  );

  it("locks creates per folder and connection, keyed from the run's input", () => {
    const lock = createRecord.operation.lock;
    expect(lock?.scope).toEqual(['auth']);
    expect(renderKey(lock?.key ?? '', { inputData: { folder_id: FOLDER }, authData: AUTH })).toBe(
      `nethunt:create_record:${FOLDER}`,
    );
  });
});

describe("Create Record's input fields (the folder's own fields)", () => {
  it("types each folder field like the values the folder's records hold (folder-field gives names only)", async () => {
    api()
      .get(`${BASE}/triggers/folder-field/${FOLDER}`)
      .reply(
        200,
        [...Object.keys(RECORD.fields), 'Notes'].map((name) => ({ name })),
      );
    typeSample([RECORD]);
    const fields = await runMethod('creates.create_record.operation.inputFields', {
      folder_id: FOLDER,
      list_fields: ['Notes'],
    });
    expect(fields).toEqual([
      expect.objectContaining({ key: 'folder_id', label: 'Folder' }),
      expect.objectContaining({ key: 'list_fields', label: 'Multi-Value Fields' }),
      expect.objectContaining({ key: 'fields__Name', label: 'Name', required: false }),
      expect.objectContaining({ key: 'fields__Birthday', type: 'datetime' }),
      expect.objectContaining({ key: 'fields__Employed', type: 'boolean' }),
      expect.objectContaining({ key: 'fields__Salary', type: 'number' }),
      expect.objectContaining({ key: 'fields__Keywords', list: true }),
      expect.objectContaining({ key: 'fields__Primary Email Address', label: 'Primary Email Address' }),
      expect.objectContaining({ key: 'fields__Other Email Addresses', list: true }),
      expect.objectContaining({ key: 'fields__Co-workers', list: true }),
      // No record holds a value: a list only because the user marked it under Multi-Value Fields.
      expect.objectContaining({ key: 'fields__Notes', list: true }),
    ]);
  });

  it('keeps extra keys of folder-field rows without relying on them (a LIST fieldType does not make a list)', async () => {
    api()
      .get(`${BASE}/triggers/folder-field/${FOLDER}`)
      .reply(200, [{ name: 'Stage', fieldId: 'f1', fieldType: 'LIST', options: ['New'] }]);
    typeSample([]);
    const fields = await runMethod('creates.create_record.operation.inputFields', { folder_id: FOLDER });
    expect(fields).toContainEqual({
      key: 'fields__Stage',
      label: 'Stage',
      required: false,
      helpText: expect.stringContaining('"Stage"'),
    });
  });

  it('asks for no fields before a folder is chosen, and refuses a dot folder before any request', async () => {
    const fields = await runMethod('creates.create_record.operation.inputFields', {});
    expect(fields).toEqual([
      expect.objectContaining({ key: 'folder_id' }),
      expect.objectContaining({ key: 'list_fields' }),
    ]);
    const err = await failureOf(runMethod('creates.create_record.operation.inputFields', { folder_id: '..' }));
    expect(err.message).toBe('Folder: must be an id, not "..".');
    expectNothingSent();
  });
});
