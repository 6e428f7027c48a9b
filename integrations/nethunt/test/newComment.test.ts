import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import newComment from '../triggers/newComment';
import { COMMENT } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/new-comment/${FOLDER}`;

describe('New Comment (GET /triggers/new-comment/{folderId})', () => {
  it('polls once and outputs comments newest first', async () => {
    const second = { ...COMMENT, id: 'c2', commentId: 'c2', createdAt: '2015-01-01T14:34:15.880Z', text: 'Second' };
    api().get(path).query({}).reply(200, [COMMENT, second]);
    const out = await run.trigger(newComment, { folder_id: FOLDER });
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
    expectSampleKeys(newComment, out[0] ?? {});
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
