import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import newRecord from '../triggers/newRecord';
import { RECORD } from '../src/samples';
import { BASE, FOLDER, TEXT, api, expectSampleKeys, run, runMethod, typeSample } from './helpers';

useNock();

const path = `${BASE}/triggers/new-record/${FOLDER}`;
const older = { ...RECORD, id: 'a1', recordId: 'a1', createdAt: '2024-01-01T10:00:00.000Z', updatedAt: undefined };
const newer = { ...RECORD, id: 'b2', recordId: 'b2', createdAt: '2024-01-02T10:00:00.000Z', updatedAt: undefined };

describe('New Record (GET /triggers/new-record/{folderId})', () => {
  it('polls once, with no since or limit, and outputs flat records newest first, e-mails bare with their names beside', async () => {
    api().get(path).query({}).reply(200, [older, newer]);
    const out = await run.trigger(newRecord, { folder_id: FOLDER });
    expect(out).toEqual([
      {
        id: 'b2',
        name: 'John Doe',
        url: null,
        created_at: '2024-01-02T10:00:00.000Z',
        updated_at: null,
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
      expect.objectContaining({ id: 'a1', created_at: '2024-01-01T10:00:00.000Z' }),
    ]);
    expectSampleKeys(newRecord, out[0] ?? {});
  });

  it('looks back 30 days when loading a sample in the editor', async () => {
    jest.useFakeTimers({ now: Date.parse('2024-03-31T00:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      api().get(path).query({ since: '2024-03-01T00:00:00.000Z' }).reply(200, [newer]);
      await expect(run.trigger(newRecord, { folder_id: FOLDER }, { meta: { isLoadingSample: true } })).resolves.toEqual(
        [expect.objectContaining({ id: 'b2' })],
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(newRecord, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports records without a creation time as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ ...older, createdAt: undefined }]);
    const err = await failureOf(run.trigger(newRecord, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].createdAt is missing.');
  });

  it.each(['', '..', 'a/b'])('refuses the folder %j before any request', async (folder_id) => {
    const err = await failureOf(run.trigger(newRecord, { folder_id }));
    expect(err.message).toMatch(/^Folder/);
    expectNothingSent();
  });

  it('outputs a bare address as it is, with no name, and the link NetHunt gives', async () => {
    const link = 'https://nethunt.com/app/records/b2';
    api()
      .get(path)
      .reply(200, [{ ...newer, link, fields: { Name: 'Jane Cooper', Email: 'jane.cooper@northwindtraders.com' } }]);
    await expect(run.trigger(newRecord, { folder_id: FOLDER })).resolves.toEqual([
      {
        id: 'b2',
        name: 'Jane Cooper',
        url: link,
        created_at: '2024-01-02T10:00:00.000Z',
        updated_at: null,
        fields__Name: 'Jane Cooper',
        fields__Email: 'jane.cooper@northwindtraders.com',
        fields__Email__name: null,
      },
    ]);
  });

  it("labels the folder's fields in the output, lists as lists, and an e-mail field's names", async () => {
    api()
      .get(`${BASE}/triggers/folder-field/${FOLDER}`)
      .reply(200, [{ name: 'Name' }, { name: 'Primary Email Address' }, { name: 'Keywords' }]);
    typeSample([RECORD]);
    const fields = await runMethod('triggers.new_record.operation.outputFields', { folder_id: FOLDER });
    expect(fields).toEqual(
      expect.arrayContaining([
        { key: 'fields__Name', label: 'Name' },
        { key: 'fields__Primary Email Address', label: 'Primary Email Address' },
        { key: 'fields__Primary Email Address__name', label: 'Primary Email Address (Name)' },
        { key: 'fields__Keywords', label: 'Keywords', list: true },
      ]),
    );
  });
});
