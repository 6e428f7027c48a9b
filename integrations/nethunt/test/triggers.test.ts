import { useNock } from '@crm-zapier/kit/testing';
import { BASE, FOLDER, RECORD_ID, api, bundle, run, typeSample } from './helpers';
import { COMMENT, RECORD, RECORD_CHANGE } from '../src/samples';
import App from '../index';

useNock();

const older = { ...RECORD, id: 'a1', recordId: 'a1', createdAt: '2024-01-01T10:00:00.000Z', updatedAt: undefined };
const newer = { ...RECORD, id: 'b2', recordId: 'b2', createdAt: '2024-01-02T10:00:00.000Z', updatedAt: undefined };

describe('New Record', () => {
  it('polls new-record once, with no since/limit, and returns flat records newest first', async () => {
    api().get(`${BASE}/triggers/new-record/${FOLDER}`).query({}).reply(200, [older, newer]);
    const out = (await run('triggers.new_record.operation.perform', bundle({ folder_id: FOLDER }))) as Record<
      string,
      unknown
    >[];
    expect(out.map((r) => r.id)).toEqual(['b2', 'a1']);
    expect(out[0]).toEqual({
      id: 'b2',
      record_id: 'b2',
      created_at: '2024-01-02T10:00:00.000Z',
      updated_at: null,
      fields__Name: 'John Doe',
      fields__Birthday: '1980-01-01',
      fields__Employed: true,
      fields__Salary: 100000,
      fields__Keywords: ['Java', 'Big Data'],
      'fields__Primary Email Address': 'John Doe <john.doe@example.com>',
      'fields__Other Email Addresses': ['J. Doe <j.doe@example.com>', 'J. D. <j.d@example.com>'],
      'fields__Co-workers': ['596f64368f6d05e16c24b833', '596f644b8f6d05e16c24b834'],
    });
  });

  it('looks back 30 days when loading a sample in the editor', async () => {
    const now = Date.parse('2024-03-31T00:00:00.000Z');
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      api()
        .get(`${BASE}/triggers/new-record/${FOLDER}`)
        .query({ since: '2024-03-01T00:00:00.000Z' })
        .reply(200, [newer]);
      const out = await run(
        'triggers.new_record.operation.perform',
        bundle({ folder_id: FOLDER }, { isLoadingSample: true }),
      );
      expect(out).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('has a sample whose keys every record has, whatever its folder', async () => {
    api()
      .get(`${BASE}/triggers/new-record/${FOLDER}`)
      .reply(200, [{ ...RECORD, updatedAt: undefined, fields: {} }]);
    const [first] = (await run('triggers.new_record.operation.perform', bundle({ folder_id: FOLDER }))) as object[];
    expect(Object.keys(first!).sort()).toEqual(Object.keys(App.triggers.new_record.operation.sample!).sort());
  });
});

describe('Updated Record', () => {
  it('sends each chosen field as a repeated fieldName and ids each update by its time', async () => {
    api()
      .get(`${BASE}/triggers/updated-record/${FOLDER}`)
      .query({ fieldName: ['Primary Email Address', 'Other Email Addresses'] })
      .reply(200, [
        { ...RECORD, id: 'x-1', updatedAt: '2015-02-01T12:30:10.510Z' },
        { ...older, id: 'a1', updatedAt: '2024-02-01T00:00:00.000Z' },
      ]);
    const out = (await run(
      'triggers.updated_record.operation.perform',
      bundle({ folder_id: FOLDER, field_names: ['Primary Email Address', 'Other Email Addresses'] }),
    )) as Record<string, unknown>[];
    expect(out.map((r) => r.id)).toEqual([
      `a1-${Date.parse('2024-02-01T00:00:00.000Z')}`,
      `${RECORD_ID}-1422793810510`,
    ]);
    expect(out[1]).toMatchObject({ record_id: RECORD_ID, updated_at: '2015-02-01T12:30:10.510Z' });
  });

  it('sends no fieldName when no field is chosen', async () => {
    api().get(`${BASE}/triggers/updated-record/${FOLDER}`).query({}).reply(200, []);
    await expect(run('triggers.updated_record.operation.perform', bundle({ folder_id: FOLDER }))).resolves.toEqual([]);
  });
});

describe('New Comment', () => {
  it('polls new-comment and returns comments newest first', async () => {
    const second = { ...COMMENT, id: 'c2', commentId: 'c2', createdAt: '2015-01-01T14:34:15.880Z', text: 'Second' };
    api().get(`${BASE}/triggers/new-comment/${FOLDER}`).query({}).reply(200, [COMMENT, second]);
    const out = await run('triggers.new_comment.operation.perform', bundle({ folder_id: FOLDER }));
    expect(out).toEqual([
      { id: 'c2', comment_id: 'c2', record_id: RECORD_ID, created_at: '2015-01-01T14:34:15.880Z', text: 'Second' },
      {
        id: COMMENT.commentId,
        comment_id: COMMENT.commentId,
        record_id: RECORD_ID,
        created_at: COMMENT.createdAt,
        text: 'My first comment',
      },
    ]);
  });
});

describe('Record Change', () => {
  it('filters by record and fields and flattens each field change', async () => {
    api()
      .get(`${BASE}/triggers/record-change/${FOLDER}`)
      .query({ recordId: RECORD_ID, fieldName: ['Salary', 'Keywords'] })
      .reply(200, [RECORD_CHANGE]);
    const out = await run(
      'triggers.record_change.operation.perform',
      bundle({ folder_id: FOLDER, record_id: RECORD_ID, field_names: ['Salary', 'Keywords'] }),
    );
    expect(out).toEqual([
      {
        id: RECORD_CHANGE.id,
        change_id: RECORD_CHANGE.id,
        record_id: RECORD_ID,
        time: RECORD_CHANGE.time,
        action: 'UPDATE',
        user_name: 'Jane Doe',
        user_email: 'jane.doe@example.com',
        changed_fields: ['Salary', 'Keywords'],
        field_actions__Salary__add: 200000,
        field_actions__Salary__remove: 100000,
        field_actions__Keywords__add: ['JavaScript'],
        field_actions__Keywords__remove: ['Java'],
      },
    ]);
  });

  it('handles a DELETE change without field actions', async () => {
    api()
      .get(`${BASE}/triggers/record-change/${FOLDER}`)
      .query({})
      .reply(200, [{ ...RECORD_CHANGE, recordAction: 'DELETE', fieldActions: undefined }]);
    const [change] = (await run('triggers.record_change.operation.perform', bundle({ folder_id: FOLDER }))) as Record<
      string,
      unknown
    >[];
    expect(change).toMatchObject({ action: 'DELETE', changed_fields: [] });
  });
});

describe('dropdowns and dynamic fields', () => {
  it('lists readable and writable folders', async () => {
    const folders = [{ id: FOLDER, name: 'Contacts' }];
    api().get(`${BASE}/triggers/readable-folder`).reply(200, folders);
    api().get(`${BASE}/triggers/writable-folder`).reply(200, folders);
    await expect(run('triggers.list_readable_folders.operation.perform', bundle())).resolves.toEqual(folders);
    await expect(run('triggers.list_writable_folders.operation.perform', bundle())).resolves.toEqual(folders);
  });

  it("builds Create Record's inputs and the trigger's output labels from the folder's fields", async () => {
    api()
      .get(`${BASE}/triggers/folder-field/${FOLDER}`)
      .times(2)
      .reply(200, [{ name: 'Name' }, { name: 'Primary Email Address' }]);
    typeSample([]);
    const inputs = (await run('creates.create_record.operation.inputFields', bundle({ folder_id: FOLDER }))) as {
      key: string;
      label?: string;
    }[];
    expect(inputs.map((f) => [f.key, f.label])).toEqual([
      ['folder_id', 'Folder'],
      ['list_fields', 'Multi-Value Fields'],
      ['fields__Name', 'Name'],
      ['fields__Primary Email Address', 'Primary Email Address'],
    ]);
    const outputs = (await run('triggers.new_record.operation.outputFields', bundle({ folder_id: FOLDER }))) as {
      key: string;
      label?: string;
    }[];
    expect(outputs).toEqual(
      expect.arrayContaining([{ key: 'fields__Primary Email Address', label: 'Primary Email Address' }]),
    );
  });

  it('asks for no fields before a folder is chosen', async () => {
    const inputs = (await run('creates.create_record.operation.inputFields', bundle({}))) as { key: string }[];
    expect(inputs.map((f) => f.key)).toEqual(['folder_id', 'list_fields']);
  });

  it('names the folder when it does not exist', async () => {
    api().get(`${BASE}/triggers/folder-field/nope`).reply(404, { message: 'Folder not found' });
    await expect(run('triggers.list_folder_fields.operation.perform', bundle({ folder_id: 'nope' }))).rejects.toThrow(
      /could not find folder nope: Folder not found/,
    );
  });
});

describe('New or Updated Record and Deleted Record (from the record-change log)', () => {
  const created = { ...RECORD_CHANGE, id: 'e1', time: '2015-02-01T12:30:10.510Z', recordAction: 'CREATE' };
  const updated = { ...RECORD_CHANGE, id: 'e2', time: '2015-03-01T12:30:10.510Z' };
  const deleted = {
    ...RECORD_CHANGE,
    id: 'e3',
    time: '2017-03-01T12:30:10.510Z',
    recordAction: 'DELETE',
    fieldActions: undefined,
  };

  it('New or Updated Record keeps CREATE and UPDATE events, newest first, one request', async () => {
    api()
      .get(`${BASE}/triggers/record-change/${FOLDER}`)
      .query({ fieldName: 'Salary' })
      .reply(200, [created, deleted, updated]);
    const out = (await run(
      'triggers.new_or_updated_record.operation.perform',
      bundle({ folder_id: FOLDER, field_names: ['Salary'] }),
    )) as Record<string, unknown>[];
    expect(out.map((e) => [e.id, e.action])).toEqual([
      ['e2', 'UPDATE'],
      ['e1', 'CREATE'],
    ]);
  });

  it('Deleted Record keeps DELETE events only, for one record when asked', async () => {
    api()
      .get(`${BASE}/triggers/record-change/${FOLDER}`)
      .query({ recordId: RECORD_ID })
      .reply(200, [created, deleted, updated]);
    const out = await run(
      'triggers.deleted_record.operation.perform',
      bundle({ folder_id: FOLDER, record_id: RECORD_ID }),
    );
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
  });
});
