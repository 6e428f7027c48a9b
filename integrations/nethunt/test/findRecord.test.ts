import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findRecord from '../searches/findRecord';
import { RECORD } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/searches/find-record/${FOLDER}`;

describe('Find Record (GET /searches/find-record/{folderId})', () => {
  it('searches by query with a limit and outputs each record flat, with its link and bare e-mails', async () => {
    api()
      .get(path)
      .query({ query: 'Name:Doe', limit: '10' })
      .reply(200, [{ ...RECORD, link: 'https://nethunt.com/app/records/596f644b8f6d05e16c24b830' }]);
    const out = await run.search(findRecord, { folder_id: FOLDER, query: 'Name:Doe', limit: 10 });
    expect(out).toEqual([
      {
        id: RECORD_ID,
        name: 'John Doe',
        url: 'https://nethunt.com/app/records/596f644b8f6d05e16c24b830',
        created_at: RECORD.createdAt,
        updated_at: RECORD.updatedAt,
        fields__Name: 'John Doe',
        fields__Birthday: '1980-01-01',
        fields__Employed: true,
        fields__Salary: 100000,
        fields__Keywords: ['Java', 'Big Data'],
        'fields__Primary Email Address': 'john.doe@example.com',
        'fields__Primary Email Address__name': 'John Doe',
        'fields__Other Email Addresses': ['j.doe@example.com', 'j.d@example.com'],
        'fields__Other Email Addresses__name': ['J. Doe', 'J. D.'],
        'fields__Co-workers': ['596f64368f6d05e16c24b833', '596f644b8f6d05e16c24b834'],
      },
    ]);
    expectSampleKeys(findRecord, out[0] ?? {});
  });

  it("offers the record as a dropdown of the folder's records, after the folder", () => {
    expect(findRecord.operation.inputFields?.slice(0, 2)).toEqual([
      expect.objectContaining({ key: 'folder_id', altersDynamicFields: true }),
      expect.objectContaining({
        key: 'record_id',
        label: 'Record',
        required: false,
        dynamic: 'list_recent_records.id.name',
      }),
    ]);
  });

  it('finds by record id alone', async () => {
    api().get(path).query({ recordId: RECORD_ID }).reply(200, [RECORD]);
    await expect(run.search(findRecord, { folder_id: FOLDER, record_id: RECORD_ID })).resolves.toEqual([
      expect.objectContaining({ id: RECORD_ID }),
    ]);
  });

  it('finds nothing, whether NetHunt answers [] or 404 (nethunt.md › Errors)', async () => {
    api().get(path).query({ query: 'Name:Nobody' }).reply(200, []);
    api().get(path).query({ query: 'Name:Nobody' }).reply(404, 'Record not found', TEXT);
    await expect(run.search(findRecord, { folder_id: FOLDER, query: 'Name:Nobody' })).resolves.toEqual([]);
    await expect(run.search(findRecord, { folder_id: FOLDER, query: 'Name:Nobody' })).resolves.toEqual([]);
  });

  it("shows NetHunt's plain-text message for a 400", async () => {
    api().get(path).query(true).reply(400, 'Please enter either Record ID or Search Query', TEXT);
    const err = await failureOf(run.search(findRecord, { folder_id: FOLDER, query: 'Name:Doe' }));
    expect(err.message).toBe('NetHunt CRM rejected the request: Please enter either Record ID or Search Query');
  });

  it('reports records without their fields as a broken answer', async () => {
    api()
      .get(path)
      .query(true)
      .reply(200, [{ ...RECORD, fields: undefined }]);
    const err = await failureOf(run.search(findRecord, { folder_id: FOLDER, query: 'Name:Doe' }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].fields is missing.');
  });

  it.each([
    [{ folder_id: FOLDER }, /Search Query: Pick a Record or enter a Search Query/],
    [{ folder_id: FOLDER, query: 'x', limit: 0 }, /Maximum Matches: must be at least 1/],
    [{ folder_id: FOLDER, record_id: 'has space' }, /Record: must be an id/],
    [{ query: 'x' }, /Folder is missing/],
  ])('refuses %j before any request', async (input, message) => {
    const err = await failureOf(run.search(findRecord, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
