import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import newCallLog from '../triggers/newCallLog';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/new-call-log/${FOLDER}`;
const older = { id: 'l1', callLogId: 'l1', recordId: RECORD_ID, createdAt: '2024-01-01T10:00:00.000Z', text: 'A' };
const newer = {
  id: 'l2',
  callLogId: 'l2',
  recordId: RECORD_ID,
  createdAt: '2024-01-02T10:00:00.000Z',
  text: 'B',
  time: '2024-01-02T09:50:00.000Z',
  duration: 2.5,
  direction: 'OUTGOING',
};

describe('New Call Log (GET /triggers/new-call-log/{folderId}, answer undocumented)', () => {
  it('polls once with no limit, newest first, one id per call log, unknown keys kept', async () => {
    api().get(path).query({}).reply(200, [older, newer, older]);
    const out = await run.trigger(newCallLog, { folder_id: FOLDER });
    expect(out).toEqual([
      {
        id: 'l2',
        record_id: RECORD_ID,
        created_at: '2024-01-02T10:00:00.000Z',
        text: 'B',
        time: '2024-01-02T09:50:00.000Z',
        duration: 2.5,
        direction: 'OUTGOING',
      },
      {
        id: 'l1',
        record_id: RECORD_ID,
        created_at: '2024-01-01T10:00:00.000Z',
        text: 'A',
        time: null,
        duration: null,
      },
    ]);
    expectSampleKeys(newCallLog, out[1] ?? {});
  });

  it('outputs the call log id once, and callLogId beside an id that differs from it', async () => {
    api()
      .get(path)
      .reply(200, [{ ...older, id: 'event-9' }]);
    await expect(run.trigger(newCallLog, { folder_id: FOLDER })).resolves.toEqual([
      {
        id: 'event-9',
        call_log_id: 'l1',
        record_id: RECORD_ID,
        created_at: '2024-01-01T10:00:00.000Z',
        text: 'A',
        time: null,
        duration: null,
      },
    ]);
  });

  it('gives an item without an id a stable id of its own: its record id and a hash of the item', async () => {
    const anonymous = { recordId: RECORD_ID, createdAt: '2024-01-01T10:00:00.000Z', text: 'No id' };
    api().get(path).times(2).reply(200, [anonymous]);
    const first = await run.trigger(newCallLog, { folder_id: FOLDER });
    const second = await run.trigger(newCallLog, { folder_id: FOLDER });
    expect(first).toEqual([
      expect.objectContaining({ id: expect.stringMatching(new RegExp(`^${RECORD_ID}-h[0-9a-f]{16}$`)) }),
    ]);
    expect(second).toEqual(first);
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(newCallLog, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('refuses an answer whose items name no record', async () => {
    api()
      .get(path)
      .reply(200, [{ id: 'l1' }]);
    const err = await failureOf(run.trigger(newCallLog, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].recordId is missing.');
  });

  it('refuses a dot folder before any request', async () => {
    const err = await failureOf(run.trigger(newCallLog, { folder_id: '..' }));
    expect(err.message).toMatch(/^Folder/);
    expectNothingSent();
  });
});
