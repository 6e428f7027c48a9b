import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { BASE, FOLDER, RECORD_ID, api, bundle, run, typeSample } from './helpers';
import { RECORD } from '../src/samples';

useNock();

/** The folder of the document's sample record, plus a field no record fills yet. */
const FIELDS = [...Object.keys(RECORD.fields), 'Notes'].map((name) => ({ name }));
const created = { recordId: RECORD_ID, createdAt: RECORD.createdAt, fields: {} };
const updated = { recordId: RECORD_ID, updatedAt: RECORD.updatedAt, fields: {} };

describe('nethunt.md › Field types and how to type values: dynamic input fields', () => {
  it("types each folder field like the values the folder's records hold (folder-field gives names only)", async () => {
    api().get(`${BASE}/triggers/folder-field/${FOLDER}`).reply(200, FIELDS);
    typeSample([RECORD]);
    const fields = (await run(
      'creates.create_record.operation.inputFields',
      bundle({ folder_id: FOLDER, list_fields: ['Notes'] }),
    )) as { key: string; type?: string; list?: boolean }[];
    const typed = Object.fromEntries(
      fields.filter((f) => f.key.startsWith('fields__')).map((f) => [f.key, [f.type ?? 'string', Boolean(f.list)]]),
    );
    expect(typed).toEqual({
      fields__Name: ['string', false],
      fields__Birthday: ['datetime', false],
      fields__Employed: ['boolean', false],
      fields__Salary: ['number', false],
      fields__Keywords: ['string', true],
      'fields__Primary Email Address': ['string', false],
      'fields__Other Email Addresses': ['string', true],
      'fields__Co-workers': ['string', true],
      // No record holds a value: a list only because the user marked it under Multi-Value Fields.
      fields__Notes: ['string', true],
    });
  });

  it('keeps extra keys of folder-field rows without relying on them (a LIST fieldType does not make a list)', async () => {
    api()
      .get(`${BASE}/triggers/folder-field/${FOLDER}`)
      .reply(200, [{ name: 'Stage', fieldId: 'f1', fieldType: 'LIST', options: ['New'] }]);
    typeSample([]);
    const fields = (await run('creates.update_record.operation.inputFields', bundle({ folder_id: FOLDER }))) as {
      key: string;
      type?: string;
      list?: boolean;
    }[];
    expect(fields.find((f) => f.key === 'fields__Stage')).toMatchObject({ label: 'Stage', required: false });
    expect(fields.find((f) => f.key === 'fields__Stage')).not.toHaveProperty('list');
  });
});

describe('nethunt.md › Field types and how to type values: Create Record and Update Record', () => {
  it('sends lists as arrays, numbers unquoted, checkboxes as booleans, dates as YYYY-MM-DD and references as id arrays', async () => {
    typeSample([RECORD]);
    api()
      .post(`${BASE}/actions/create-record/${FOLDER}`, {
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
    await run(
      'creates.create_record.operation.perform',
      bundle({
        folder_id: FOLDER,
        list_fields: ['Notes'],
        fields__Name: 'Ada Lovelace',
        fields__Birthday: '1815-12-10T00:00:00-05:00',
        fields__Employed: 'false',
        fields__Salary: ' 2500.5 ',
        fields__Keywords: 'Mathematics',
        'fields__Co-workers': ['596f64368f6d05e16c24b833'],
        fields__Notes: ['first', 'second'],
      }),
    );
  });

  it.each([
    [{ fields__Salary: 'lots' }, 'Please check your input: Salary (fields__Salary): must be a number.'],
    [{ fields__Salary: '1e999' }, 'Please check your input: Salary (fields__Salary): must be a number.'],
    [
      { fields__Birthday: 'next Tuesday' },
      'Please check your input: Birthday (fields__Birthday): must be a date and time (ISO 8601, e.g. 2024-05-01T14:30:00Z).',
    ],
    [
      { fields__Employed: 'maybe' },
      'Please check your input: Employed (fields__Employed): must be yes or no (true or false).',
    ],
    [
      { 'fields__Co-workers': ['abc 123'] },
      'Please check your input: Co-workers (fields__Co-workers): must be an id without spaces or slashes.',
    ],
  ])('refuses %j naming the field, before the record is written', async (values, message) => {
    typeSample([RECORD]);
    const err = await failureOf(
      run('creates.create_record.operation.perform', bundle({ folder_id: FOLDER, fields__Name: 'Ada', ...values })),
    );
    expect(err.message).toBe(message);
  });

  it('adds to a multi-value field as a list and removes a number as a number', async () => {
    typeSample([RECORD]);
    api()
      .post(`${BASE}/actions/update-record/${RECORD_ID}`, {
        fieldActions: { Keywords: { add: ['COBOL'] }, Salary: { overwrite: false, remove: 100000 } },
      })
      .query({ overwrite: 'false' })
      .reply(200, updated);
    await run(
      'creates.update_record.operation.perform',
      bundle({
        record_id: RECORD_ID,
        folder_id: FOLDER,
        mode: 'add',
        fields__Keywords: 'COBOL',
        remove_values: { Salary: '100000' },
      }),
    );
  });

  it('refuses a value to remove that cannot be of its field, naming it', async () => {
    typeSample([RECORD]);
    const err = await failureOf(
      run(
        'creates.update_record.operation.perform',
        bundle({ record_id: RECORD_ID, folder_id: FOLDER, remove_values: { Salary: 'a lot' } }),
      ),
    );
    expect(err.message).toBe('Please check your input: Values To Remove › Salary (remove_values): must be a number.');
  });

  it('leaves a field text when its values disagree between records, and when no record fills it', async () => {
    typeSample([
      { ...RECORD, fields: { Code: 7 } },
      { ...RECORD, fields: { Code: '007' } },
    ]);
    api()
      .post(`${BASE}/actions/create-record/${FOLDER}`, { timeZone: 'UTC', fields: { Code: '0042', Other: '12' } })
      .reply(200, created);
    await run(
      'creates.create_record.operation.perform',
      bundle({ folder_id: FOLDER, fields__Code: '0042', fields__Other: '12' }),
    );
  });
});
