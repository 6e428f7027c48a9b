import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createDealNote from '../creates/createDealNote';
import { DEAL, DEAL_NOTE } from '../src/samples';
import { USER_ID, api, expectWriteSafety, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const DEAL_ID = DEAL.deal_id;

describe('Create Deal Note (create_deal_note)', () => {
  it('posts the title and body to the deal and names the deal in the output', async () => {
    api()
      .post(`/api/v2/deals/${DEAL_ID}/notes`, { title: 'Call recap', body: 'Discussed pricing.' })
      .matchHeader('content-type', 'application/json')
      .reply(201, DEAL_NOTE);
    const out = await run.create(createDealNote, {
      deal_id: DEAL_ID,
      title: ' Call recap ',
      body: 'Discussed pricing.',
    });
    expect(out).toEqual({
      id: DEAL_NOTE.note_id,
      deal_id: DEAL_ID,
      title: 'Call recap',
      body: DEAL_NOTE.body,
      creator_id: USER_ID,
      creator_name: 'Daniel Reyes',
      created: DEAL_NOTE.created,
      updated: DEAL_NOTE.updated,
    });
    expect(Object.keys(out)).toEqual(Object.keys(createDealNote.operation.sample ?? {}));
  });

  it('sends the title alone when there is no text', async () => {
    api().post(`/api/v2/deals/${DEAL_ID}/notes`, { title: 'Signed' }).reply(201, DEAL_NOTE);
    await run.create(createDealNote, { deal_id: DEAL_ID, title: 'Signed' });
  });

  it('names the deal Nimble could not find', async () => {
    api().post(`/api/v2/deals/${DEAL_ID}/notes`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    const err = await failureOf(run.create(createDealNote, { deal_id: DEAL_ID, title: 'x' }));
    expect(err.message).toBe(
      'Nimble could not find this deal: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().post(`/api/v2/deals/${DEAL_ID}/notes`).reply(201, { id: DEAL_NOTE.note_id });
    const err = await failureOf(run.create(createDealNote, { deal_id: DEAL_ID, title: 'x' }));
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: note_id is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().post(`/api/v2/deals/${DEAL_ID}/notes`),
      () => run.create(createDealNote, { deal_id: DEAL_ID, title: 'x' }),
    );
  });

  it.each([
    [{ deal_id: DEAL_ID, title: ' ' }, /Title: is required/],
    [{ deal_id: DEAL_ID, title: 'x'.repeat(257) }, /Title: must be at most 256 characters/],
    [{ title: 'x' }, /Deal is missing/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createDealNote, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
