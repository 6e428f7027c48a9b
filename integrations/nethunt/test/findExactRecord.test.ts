import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findExactRecord from '../searches/findExactRecord';
import { RECORD } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/searches/find-record/${FOLDER}`;
const ADA = { ...RECORD, id: 'a'.repeat(24), recordId: 'a'.repeat(24), fields: { Name: 'Ada Doe' } };
const JOHN = { ...RECORD, fields: { ...RECORD.fields, Name: 'John Doe' } };
const JANE = {
  ...RECORD,
  id: 'b'.repeat(24),
  recordId: 'b'.repeat(24),
  fields: { Name: 'Jane Doe', 'Primary Email Address': 'Jane Doe <jane.doe@example.com>' },
};
const find = (query: string) => run.search(findExactRecord, { folder_id: FOLDER, query });

describe('Find Record by Exact Match (the search of Find or Create Record)', () => {
  it('asks NetHunt for up to 100 matches and keeps only the record whose field holds exactly the value', async () => {
    api().get(path).query({ query: 'Name:John Doe', limit: '100' }).reply(200, [ADA, JOHN, JANE]);
    const out = await find('Name:John Doe');
    expect(out).toEqual([expect.objectContaining({ id: RECORD_ID, name: 'John Doe', fields__Name: 'John Doe' })]);
    expectSampleKeys(findExactRecord, out[0] ?? {});
  });

  it("finds nothing when NetHunt's matches only contain the value (`Name:Doe` is not John Doe)", async () => {
    api().get(path).query({ query: 'Name:Doe', limit: '100' }).reply(200, [JOHN, JANE]);
    await expect(find('Name:Doe')).resolves.toEqual([]);
  });

  it('compares an email field by its address, letter case aside', async () => {
    api()
      .get(path)
      .query({ query: 'primary email address: JANE.DOE@example.com', limit: '100' })
      .reply(200, [JOHN, JANE]);
    await expect(find('primary email address: JANE.DOE@example.com')).resolves.toEqual([
      expect.objectContaining({ id: JANE.recordId }),
    ]);
  });

  it('compares "Name <address>" typed in the query by its address too', async () => {
    api()
      .get(path)
      .query({ query: 'Primary Email Address:Jane <jane.doe@example.com>', limit: '100' })
      .reply(200, [JOHN, JANE]);
    await expect(find('Primary Email Address:Jane <jane.doe@example.com>')).resolves.toEqual([
      expect.objectContaining({ id: JANE.recordId, 'fields__Primary Email Address': 'jane.doe@example.com' }),
    ]);
  });

  it('compares a list field by each of its values', async () => {
    api().get(path).query({ query: 'Keywords:big data', limit: '100' }).reply(200, [JOHN, JANE]);
    await expect(find('Keywords:big data')).resolves.toEqual([expect.objectContaining({ id: RECORD_ID })]);
  });

  it('finds by Record ID only the record with that id', async () => {
    api().get(path).query({ recordId: RECORD_ID, limit: '100' }).reply(200, [JANE, JOHN]);
    await expect(run.search(findExactRecord, { folder_id: FOLDER, record_id: RECORD_ID })).resolves.toEqual([
      expect.objectContaining({ id: RECORD_ID }),
    ]);
  });

  it('finds nothing when NetHunt answers 404', async () => {
    api().get(path).query(true).reply(404, 'Record not found', TEXT);
    await expect(find('Name:John Doe')).resolves.toEqual([]);
  });

  it('stops with a clear error when several records hold exactly the value', async () => {
    api()
      .get(path)
      .query(true)
      .reply(200, [JOHN, { ...JOHN, id: 'c'.repeat(24), recordId: 'c'.repeat(24) }]);
    const err = await failureOf(find('Name:John Doe'));
    expect(err.message).toBe(
      '2 records in this folder have Name "John Doe", so Find or Create Record cannot tell which one to update. Search a field whose values are unique (like an email address), or pick the Record.',
    );
  });

  it('stops when NetHunt fills the page: an exact match may lie beyond it', async () => {
    const others = Array.from({ length: 99 }, (_, i) => ({
      ...ADA,
      id: String(i).padStart(24, '0'),
      recordId: String(i).padStart(24, '0'),
    }));
    api()
      .get(path)
      .query(true)
      .reply(200, [JOHN, ...others]);
    const err = await failureOf(find('Name:John Doe'));
    expect(err.message).toMatch(/^NetHunt CRM found 100 or more records for "Name:John Doe", too many to check/);
  });

  it("shows NetHunt's plain-text message for a 400", async () => {
    api().get(path).query(true).reply(400, 'Please enter either Record ID or Search Query', TEXT);
    const err = await failureOf(find('Name:Doe'));
    expect(err.message).toBe('NetHunt CRM rejected the request: Please enter either Record ID or Search Query');
  });

  it('reports an answer that is not a list of records as a broken answer', async () => {
    api()
      .get(path)
      .query(true)
      .reply(200, { records: [JOHN] });
    const err = await failureOf(find('Name:John Doe'));
    expect(err.message).toBe(
      'NetHunt CRM sent an answer of an unexpected shape: the answer: Invalid input: expected array, received object.',
    );
  });

  it.each([
    [
      'Doe',
      /Search Query: must be a field and its exact value, like `Primary Email Address:jane@example.com`: free text can match several records/,
    ],
    ['Name:', /Search Query: must be a field and its exact value/],
    [':Doe', /Search Query: must be a field and its exact value/],
  ])('refuses the query %j before any request', async (query, message) => {
    const err = await failureOf(find(query));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('refuses a search with neither Record ID nor Search Query before any request', async () => {
    const err = await failureOf(run.search(findExactRecord, { folder_id: FOLDER }));
    expect(err.message).toMatch(/Search Query: Pick a Record or enter a Search Query/);
    expectNothingSent();
  });
});
