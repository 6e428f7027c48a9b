import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import listRecentRecords from '../triggers/listRecentRecords';
import { RECORD } from '../src/samples';
import { BASE, FOLDER, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/new-record/${FOLDER}`;
const NOW = Date.parse('2024-03-31T00:00:00.000Z');
/** A year before NOW: the look-back of the dropdown. */
const SINCE = '2023-04-01T00:00:00.000Z';

const record = (n: number, fields: Record<string, unknown>) => ({
  ...RECORD,
  id: n.toString(16).padStart(24, '0'),
  recordId: n.toString(16).padStart(24, '0'),
  createdAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
  fields,
});

describe('List Recent Records (the record dropdown: GET /triggers/new-record/{folderId}, a year back)', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('lists the records of the last year newest first, labelled by name (by id when nameless), with no limit', async () => {
    api()
      .get(path)
      .query({ since: SINCE })
      .reply(200, [
        record(1, { Name: 'Jane Cooper', Email: 'Jane Cooper <jane.cooper@northwindtraders.com>' }),
        record(3, { 'Company name': 'Northwind Traders' }),
        record(2, { Phone: '+1 415-555-0132' }),
      ]);
    const out = await run.trigger(listRecentRecords, { folder_id: FOLDER });
    expect(out).toEqual([
      { id: '000000000000000000000003', name: 'Northwind Traders' },
      { id: '000000000000000000000002', name: '000000000000000000000002' },
      { id: '000000000000000000000001', name: 'Jane Cooper' },
    ]);
    expectSampleKeys(listRecentRecords, out[0] ?? {});
  });

  it('gives 100 records per dropdown page; "Load more" reads nothing, a reopened dropdown reads NetHunt again', async () => {
    const records = Array.from({ length: 150 }, (_, i) => record(i, { Name: `Contact ${i}` }));
    api().get(path).query({ since: SINCE }).reply(200, records);
    const first = await run.trigger(listRecentRecords, { folder_id: FOLDER }, { meta: { page: 0 } });
    const second = await run.trigger(listRecentRecords, { folder_id: FOLDER }, { meta: { page: 1 } });
    expect([first.length, first[0], second.length, second[49]]).toEqual([
      100,
      { id: (149).toString(16).padStart(24, '0'), name: 'Contact 149' },
      50,
      { id: '000000000000000000000000', name: 'Contact 0' },
    ]);
    api()
      .get(path)
      .query({ since: SINCE })
      .reply(200, [record(200, { Name: 'Just Added' })]);
    const reopened = await run.trigger(listRecentRecords, { folder_id: FOLDER }, { meta: { page: 0 } });
    expect(reopened).toEqual([{ id: (200).toString(16).padStart(24, '0'), name: 'Just Added' }]);
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).query(true).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(listRecentRecords, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('refuses a missing folder before any request', async () => {
    const err = await failureOf(run.trigger(listRecentRecords, {}));
    expect(err.message).toBe('Folder is missing.');
    expectNothingSent();
  });
});
