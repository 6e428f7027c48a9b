import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createComment from '../creates/createComment';
import {
  AUTH,
  BASE,
  FOLDER,
  RECORD_ID,
  api,
  expectSampleKeys,
  expectFolderThenRecord,
  itRefusesUnsafeOutcomes,
  run,
} from './helpers';

useNock();

const path = `${BASE}/actions/create-comment/${RECORD_ID}`;
const comment = () => run.create(createComment, { folder_id: FOLDER, record_id: RECORD_ID, text: "It's a comment" });

describe('Create Comment (POST /actions/create-comment/{recordId})', () => {
  it('posts the text and outputs the comment with its record', async () => {
    api()
      .post(path, { text: "It's a comment" })
      .query({})
      .matchHeader('content-type', 'application/json')
      .reply(200, { commentId: 'c1', createdAt: '2015-01-01T12:34:15.880Z' });
    const out = await comment();
    expect(out).toEqual({
      id: 'c1',
      created_at: '2015-01-01T12:34:15.880Z',
      record_id: RECORD_ID,
      text: "It's a comment",
    });
    expectSampleKeys(createComment, out);
  });

  it('needs no folder when the record id is mapped from an earlier step', async () => {
    api().post(path, { text: 'Called back' }).reply(200, { commentId: 'c2', createdAt: '2015-01-01T12:34:15.880Z' });
    const out = await run.create(createComment, { record_id: RECORD_ID, text: 'Called back' });
    expect(out).toEqual({
      id: 'c2',
      created_at: '2015-01-01T12:34:15.880Z',
      record_id: RECORD_ID,
      text: 'Called back',
    });
  });

  it("shows NetHunt's message for a 400, without the API key it echoes", async () => {
    api()
      .post(path)
      .reply(400, { message: `Bad key ${AUTH.password} for this record` });
    const err = await failureOf(comment());
    expect(err.message).toBe('NetHunt CRM rejected the request: Bad key :censored: for this record');
    expect(err.raw).not.toContain(AUTH.password);
  });

  it('reports an answer without the comment id as a broken answer', async () => {
    api().post(path).reply(200, { createdAt: '2015-01-01T12:34:15.880Z' });
    const err = await failureOf(comment());
    expect(err.message).toBe(
      'NetHunt CRM accepted the request but sent an answer of an unexpected shape: commentId is missing, so the change may or may not have been made in NetHunt CRM. Check in NetHunt CRM before running this step again; Zapier will not retry it on its own.',
    );
  });

  it.each([
    [{ record_id: RECORD_ID }, /^Comment is missing/],
    [{ record_id: 'a/b', text: 'x' }, /^Record: must be an id/],
  ])('refuses %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createComment, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('asks for the folder first, then the record from a dropdown linked to Find Record', () => {
    expectFolderThenRecord(createComment.operation.inputFields);
  });

  itRefusesUnsafeOutcomes('the comment may have been added', () => api().post(path), comment);
});
