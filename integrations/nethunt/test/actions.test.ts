import { failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { AUTH, BASE, FOLDER, RECORD_ID, api, bundle, run, typeSample } from './helpers';
import { RECORD } from '../src/samples';
import App from '../index';

useNock();

const created = { recordId: RECORD_ID, createdAt: RECORD.createdAt, fields: { Name: 'Ada', Salary: 1 } };

describe('Find Record', () => {
  it('searches by query with a limit and returns flat records', async () => {
    api().get(`${BASE}/searches/find-record/${FOLDER}`).query({ query: 'Name:Doe', limit: '10' }).reply(200, [RECORD]);
    const out = (await run(
      'searches.find_record.operation.perform',
      bundle({ folder_id: FOLDER, query: 'Name:Doe', limit: 10 }),
    )) as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: RECORD_ID, updated_at: RECORD.updatedAt, fields__Name: 'John Doe' });
  });

  it('finds by record id alone', async () => {
    api().get(`${BASE}/searches/find-record/${FOLDER}`).query({ recordId: RECORD_ID }).reply(200, []);
    await expect(
      run('searches.find_record.operation.perform', bundle({ folder_id: FOLDER, record_id: RECORD_ID })),
    ).resolves.toEqual([]);
  });

  it.each(['find_record', 'find_record_exact'])(
    '%s: no match is an empty result, whether NetHunt answers [] or 404 (nethunt.md › Errors)',
    async (key) => {
      api().get(`${BASE}/searches/find-record/${FOLDER}`).query(true).reply(200, []);
      api().get(`${BASE}/searches/find-record/${FOLDER}`).query(true).reply(404, 'Record not found', {
        'Content-Type': 'text/plain',
      });
      const find = () => run(`searches.${key}.operation.perform`, bundle({ folder_id: FOLDER, query: 'Name:Nobody' }));
      await expect(find()).resolves.toEqual([]);
      await expect(find()).resolves.toEqual([]);
    },
  );

  it.each([
    [{ folder_id: FOLDER }, /Search Query \(query\): Enter a Record ID or a Search Query/],
    [{ folder_id: FOLDER, query: 'x', limit: 'many' }, /Maximum Matches \(limit\): must be a number/],
    [{ folder_id: FOLDER, record_id: 'has space' }, /Record ID \(record_id\): must be an id/],
    [{ query: 'x' }, /Folder \(folder_id\) is missing/],
  ])('rejects %j before any request', async (inputData, message) => {
    const err = await failureOf(run('searches.find_record.operation.perform', bundle(inputData)));
    expect(err.message).toMatch(message);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('Create Record', () => {
  it("posts the folder's fields with the Zap's time zone, a number field as a number", async () => {
    typeSample([RECORD]);
    api()
      .post(`${BASE}/actions/create-record/${FOLDER}`, {
        timeZone: 'Europe/London',
        fields: { Name: 'Ada', Salary: 1 },
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, created);
    const out = await run(
      'creates.create_record.operation.perform',
      bundle(
        { folder_id: FOLDER, fields__Name: 'Ada', fields__Salary: '1', fields__Birthday: '' },
        { timezone: 'Europe/London' },
      ),
    );
    expect(out).toEqual({
      id: RECORD_ID,
      record_id: RECORD_ID,
      created_at: RECORD.createdAt,
      updated_at: null,
      fields__Name: 'Ada',
      fields__Salary: 1,
    });
  });

  it('falls back to UTC when the Zap has no time zone', async () => {
    typeSample([]);
    api()
      .post(`${BASE}/actions/create-record/${FOLDER}`, { timeZone: 'UTC', fields: { Name: 'Ada' } })
      .reply(200, created);
    await run('creates.create_record.operation.perform', bundle({ folder_id: FOLDER, fields__Name: 'Ada' }));
  });

  it('asks for at least one field before sending anything', async () => {
    const err = await failureOf(run('creates.create_record.operation.perform', bundle({ folder_id: FOLDER })));
    expect(err.message).toMatch(/at least one field/);
  });

  it("shows NetHunt's message for a 400", async () => {
    typeSample([]);
    api().post(`${BASE}/actions/create-record/${FOLDER}`).reply(400, { message: 'Unknown field "Nmae"' });
    const err = await failureOf(
      run('creates.create_record.operation.perform', bundle({ folder_id: FOLDER, fields__Nmae: 'Ada' })),
    );
    expect(err.message).toBe('NetHunt CRM rejected the request (HTTP 400): Unknown field "Nmae"');
  });
});

describe('Find or Create Record', () => {
  it('searches with the hidden exact search, then creates, or updates the found record by its id', () => {
    expect(App.searchOrCreates!.find_record).toEqual({
      key: 'find_record',
      display: {
        label: 'Find or Create Record',
        description: expect.stringMatching(
          /by its ID or an exact `Field:value` match and updates it, or creates one if none matches\. Stops with an error when several records match exactly\./,
        ),
      },
      search: 'find_record_exact',
      create: 'create_record',
      update: 'update_record',
      updateInputFromSearchOutput: { record_id: 'id' },
      searchUniqueInputToOutputConstraint: { record_id: 'record_id' },
    });
    expect(App.searches.find_record_exact.display.hidden).toBe(true);
    expect(App.searches.find_record.display.hidden).toBeUndefined();
  });

  it("locks creates per folder and connection, keyed from the run's input", () => {
    const lock = App.creates.create_record.operation.lock!;
    expect(lock.scope).toEqual(['auth']);
    expect(renderKey(lock.key, bundle({ folder_id: FOLDER, fields__Name: 'Ada' }))).toBe(
      `nethunt:create_record:${FOLDER}`,
    );
  });
});

describe('Find Record by Exact Match (the search of Find or Create Record)', () => {
  const ADA = { ...RECORD, id: 'a'.repeat(24), recordId: 'a'.repeat(24), fields: { Name: 'Ada Doe' } };
  const JOHN = { ...RECORD, fields: { ...RECORD.fields, Name: 'John Doe' } };
  const JANE = {
    ...RECORD,
    id: 'b'.repeat(24),
    recordId: 'b'.repeat(24),
    fields: { Name: 'Jane Doe', 'Primary Email Address': 'Jane Doe <jane.doe@example.com>' },
  };
  const find = (inputData: Record<string, unknown>) =>
    run('searches.find_record_exact.operation.perform', bundle({ folder_id: FOLDER, ...inputData })) as Promise<
      Record<string, unknown>[]
    >;

  it('asks NetHunt for up to 100 matches and keeps only the record whose field holds exactly the value', async () => {
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ query: 'Name:John Doe', limit: '100' })
      .reply(200, [ADA, JOHN, JANE]);
    const out = await find({ query: 'Name:John Doe' });
    expect(out.map((r) => r.id)).toEqual([RECORD_ID]);
    expect(out[0]).toMatchObject({ record_id: RECORD_ID, fields__Name: 'John Doe' });
  });

  it("finds nothing when NetHunt's matches only contain the value (`Name:Doe` is not John Doe)", async () => {
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ query: 'Name:Doe', limit: '100' })
      .reply(200, [JOHN, JANE]);
    await expect(find({ query: 'Name:Doe' })).resolves.toEqual([]);
  });

  it('compares an email field by its address, and letter case aside; a list field by each value', async () => {
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ query: 'primary email address: JANE.DOE@example.com', limit: '100' })
      .reply(200, [JOHN, JANE]);
    expect((await find({ query: 'primary email address: JANE.DOE@example.com' })).map((r) => r.id)).toEqual([
      JANE.recordId,
    ]);
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ query: 'Keywords:big data', limit: '100' })
      .reply(200, [JOHN, JANE]);
    expect((await find({ query: 'Keywords:big data' })).map((r) => r.id)).toEqual([RECORD_ID]);
  });

  it('finds by Record ID only the record with that id', async () => {
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ recordId: RECORD_ID, limit: '100' })
      .reply(200, [JANE, JOHN]);
    expect((await find({ record_id: RECORD_ID })).map((r) => r.id)).toEqual([RECORD_ID]);
  });

  it('stops with a clear error when several records hold exactly the value', async () => {
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ query: 'Name:John Doe', limit: '100' })
      .reply(200, [JOHN, { ...JOHN, id: 'c'.repeat(24), recordId: 'c'.repeat(24) }]);
    const err = await failureOf(find({ query: 'Name:John Doe' }));
    expect(err.message).toBe(
      '2 records in this folder have Name "John Doe", so Find or Create Record cannot tell which one to update. Search a field whose values are unique (like an email address), or use the Record ID.',
    );
  });

  it('stops when NetHunt fills the page: an exact match may lie beyond it', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...ADA,
      id: String(i).padStart(24, '0'),
      recordId: String(i).padStart(24, '0'),
    }));
    api()
      .get(`${BASE}/searches/find-record/${FOLDER}`)
      .query({ query: 'Name:John Doe', limit: '100' })
      .reply(200, [JOHN, ...many.slice(1)]);
    const err = await failureOf(find({ query: 'Name:John Doe' }));
    expect(err.message).toMatch(/^NetHunt CRM found 100 or more records for "Name:John Doe", too many to check/);
  });

  it.each([
    [
      { query: 'Doe' },
      /Search Query \(query\): must be a field and its exact value, like `Primary Email Address:jane@example.com`: free text can match several records/,
    ],
    [{ query: 'Name:' }, /Search Query \(query\): must be a field and its exact value/],
    [{ query: ':Doe' }, /Search Query \(query\): must be a field and its exact value/],
    [{}, /Search Query \(query\): Enter a Record ID or a Search Query/],
  ])('rejects %j before any request', async (inputData, message) => {
    const err = await failureOf(find(inputData));
    expect(err.message).toMatch(message);
  });
});

describe('ids in the path', () => {
  it.each(['.', '..', ' .. '])('refuses the folder %j of the dynamic fields before any request', async (folder_id) => {
    const err = await failureOf(run('creates.create_record.operation.inputFields', bundle({ folder_id })));
    expect(err.message).toBe(`Please check your input: Folder (folder_id): must be an id, not "${folder_id.trim()}".`);
  });

  it.each(['.', '..'])('refuses the record %j of Update Record before any request', async (record_id) => {
    const err = await failureOf(
      run('creates.update_record.operation.perform', bundle({ record_id, folder_id: FOLDER, fields__Name: 'X' })),
    );
    expect(err.message).toMatch(/Record ID \(record_id\): must be an id/);
  });
});

describe('Update Record', () => {
  it('replaces by default: overwrite=true in the query, add per field', async () => {
    typeSample([RECORD]);
    api()
      .post(`${BASE}/actions/update-record/${RECORD_ID}`, { fieldActions: { Name: { add: 'John Smith' } } })
      .query({ overwrite: 'true' })
      .reply(200, { recordId: RECORD_ID, updatedAt: '2015-01-05T12:34:15.880Z', fields: { Name: 'John Smith' } });
    const out = await run(
      'creates.update_record.operation.perform',
      bundle({ record_id: RECORD_ID, folder_id: FOLDER, fields__Name: 'John Smith' }),
    );
    expect(out).toEqual({
      id: RECORD_ID,
      record_id: RECORD_ID,
      created_at: null,
      updated_at: '2015-01-05T12:34:15.880Z',
      fields__Name: 'John Smith',
    });
  });

  it('adds values and removes others without ever combining overwrite and remove, typed like the records', async () => {
    typeSample([RECORD]);
    api()
      .post(`${BASE}/actions/update-record/${RECORD_ID}`, {
        fieldActions: {
          Keywords: { add: ['JavaScript'], overwrite: false, remove: ['Java'] },
          Salary: { overwrite: false, remove: 100000 },
        },
      })
      .query({ overwrite: 'false' })
      .reply(200, { recordId: RECORD_ID, updatedAt: '2015-01-05T12:34:15.880Z', fields: {} });
    await run(
      'creates.update_record.operation.perform',
      bundle({
        record_id: RECORD_ID,
        folder_id: FOLDER,
        mode: 'add',
        fields__Keywords: 'JavaScript',
        remove_values: { Keywords: 'Java', Salary: '100000' },
      }),
    );
  });

  it('rejects an unknown mode and an empty update before any request', async () => {
    const bad = await failureOf(
      run(
        'creates.update_record.operation.perform',
        bundle({ record_id: RECORD_ID, folder_id: FOLDER, mode: 'merge' }),
      ),
    );
    expect(bad.message).toMatch(/How To Change Fields \(mode\)/);
    const empty = await failureOf(
      run('creates.update_record.operation.perform', bundle({ record_id: RECORD_ID, folder_id: FOLDER })),
    );
    expect(empty.message).toMatch(/at least one field/);
  });

  it('names the record when NetHunt does not know it', async () => {
    typeSample([]);
    api().post(`${BASE}/actions/update-record/${RECORD_ID}`).query(true).reply(404, { message: 'Record not found' });
    const err = await failureOf(
      run(
        'creates.update_record.operation.perform',
        bundle({ record_id: RECORD_ID, folder_id: FOLDER, fields__Name: 'X' }),
      ),
    );
    expect(err.message).toBe(`NetHunt CRM could not find record ${RECORD_ID}: Record not found`);
  });
});

describe('Create Comment', () => {
  it('posts the text and returns the comment with its record', async () => {
    api()
      .post(`${BASE}/actions/create-comment/${RECORD_ID}`, { text: "It's a comment" })
      .reply(200, { commentId: 'c1', createdAt: '2015-01-01T12:34:15.880Z' });
    const out = await run(
      'creates.create_comment.operation.perform',
      bundle({ record_id: RECORD_ID, text: "It's a comment" }),
    );
    expect(out).toEqual({
      id: 'c1',
      comment_id: 'c1',
      created_at: '2015-01-01T12:34:15.880Z',
      record_id: RECORD_ID,
      text: "It's a comment",
    });
  });

  it('requires the text', async () => {
    const err = await failureOf(run('creates.create_comment.operation.perform', bundle({ record_id: RECORD_ID })));
    expect(err.message).toMatch(/Comment \(text\) is missing/);
  });
});

describe('Create Call Log', () => {
  it('sends the start time in UTC and the duration as a number of minutes', async () => {
    api()
      .post(`${BASE}/actions/create-call-log/${RECORD_ID}`, {
        text: "It's a call log",
        time: '2015-01-01T12:35:00.000Z',
        duration: 2.5,
      })
      .reply(200, { callLogId: 'l1', createdAt: '2015-01-01T12:34:15.880Z' });
    const out = await run(
      'creates.create_call_log.operation.perform',
      bundle({ record_id: RECORD_ID, text: "It's a call log", time: '2015-01-01T14:35:00+02:00', duration: '2.5' }),
    );
    expect(out).toEqual({
      id: 'l1',
      call_log_id: 'l1',
      created_at: '2015-01-01T12:34:15.880Z',
      record_id: RECORD_ID,
      text: "It's a call log",
      time: '2015-01-01T12:35:00.000Z',
      duration: 2.5,
    });
  });

  it('sends only the text when time and duration are empty', async () => {
    api()
      .post(`${BASE}/actions/create-call-log/${RECORD_ID}`, { text: 'Short call' })
      .reply(200, { callLogId: 'l1', createdAt: '2015-01-01T12:34:15.880Z' });
    await run('creates.create_call_log.operation.perform', bundle({ record_id: RECORD_ID, text: 'Short call' }));
  });

  it.each([
    [{ time: 'next tuesday' }, /Call Started At \(time\): must be a date and time/],
    [{ duration: 'ten' }, /Duration \(Minutes\) \(duration\): must be a number/],
    [{ duration: -3 }, /Duration \(Minutes\) \(duration\): must not be negative/],
  ])('rejects %j before any request', async (extra, message) => {
    const err = await failureOf(
      run('creates.create_call_log.operation.perform', bundle({ record_id: RECORD_ID, text: 'Call', ...extra })),
    );
    expect(err.message).toMatch(message);
  });
});

describe('secrets', () => {
  it('never shows the API key, even when NetHunt echoes it', async () => {
    api()
      .post(`${BASE}/actions/create-comment/${RECORD_ID}`)
      .reply(400, { message: `Bad key ${AUTH.password} for ${AUTH.username}` });
    const err = await failureOf(
      run('creates.create_comment.operation.perform', bundle({ record_id: RECORD_ID, text: 'x' })),
    );
    expect(err.raw).not.toContain(AUTH.password);
  });
});
