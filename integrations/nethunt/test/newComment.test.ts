import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import newComment from '../triggers/newComment';
import { COMMENT, RECORD } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/new-comment/${FOLDER}`;

const OTHER = 'a'.repeat(24);
const findById = (recordId: string) =>
  api().get(`${BASE}/searches/find-record/${FOLDER}`).query({ recordId, limit: '1' });

describe('New Comment (GET /triggers/new-comment/{folderId})', () => {
  it('polls once, reads the name of each record commented on once (kept for the next polls), and outputs comments newest first', async () => {
    const second = { ...COMMENT, id: 'c2', commentId: 'c2', createdAt: '2015-01-01T14:34:15.880Z', text: 'Second' };
    const third = { ...COMMENT, id: 'c3', commentId: 'c3', recordId: OTHER, createdAt: '2015-01-01T15:00:00.000Z' };
    api().get(path).query({}).reply(200, [COMMENT, second, third]);
    findById(RECORD_ID).once().reply(200, [RECORD]);
    findById(OTHER).once().reply(200, []);
    const out = await run.trigger(newComment, { folder_id: FOLDER });
    expect(out).toEqual([
      {
        id: 'c3',
        record_id: OTHER,
        record_name: null,
        created_at: '2015-01-01T15:00:00.000Z',
        text: 'My first comment',
      },
      {
        id: 'c2',
        record_id: RECORD_ID,
        record_name: 'John Doe',
        created_at: '2015-01-01T14:34:15.880Z',
        text: 'Second',
      },
      {
        id: COMMENT.commentId,
        record_id: RECORD_ID,
        record_name: 'John Doe',
        created_at: COMMENT.createdAt,
        text: 'My first comment',
      },
    ]);
    expectSampleKeys(newComment, out[0] ?? {});
    // The next poll sees the same comments: the names read (found or not) are kept, no record is read again.
    api().get(path).query({}).reply(200, [COMMENT, second, third]);
    expect(await run.trigger(newComment, { folder_id: FOLDER })).toEqual(out);
  });

  it('reads the names of at most 10 records per poll, newest comments first; a record NetHunt no longer has is nameless', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => i.toString(16).padStart(24, '0'));
    const comments = ids.map((recordId, i) => ({
      ...COMMENT,
      id: `c${i}`,
      commentId: `c${i}`,
      recordId,
      createdAt: new Date(Date.UTC(2024, 0, 1, i)).toISOString(),
    }));
    api().get(path).reply(200, comments);
    for (const recordId of ids.slice(1)) {
      findById(recordId).reply(
        recordId === ids[1] ? 404 : 200,
        recordId === ids[1] ? 'Record not found' : [{ ...RECORD, recordId }],
      );
    }
    const out = await run.trigger(newComment, { folder_id: FOLDER });
    expect(out.map((c) => c.record_name)).toEqual([...Array<string>(9).fill('John Doe'), null, null]);
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(newComment, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports comments without their text as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ ...COMMENT, text: undefined }]);
    const err = await failureOf(run.trigger(newComment, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].text is missing.');
  });

  it('refuses a missing folder before any request', async () => {
    const err = await failureOf(run.trigger(newComment, {}));
    expect(err.message).toBe('Folder is missing.');
    expectNothingSent();
  });
});
