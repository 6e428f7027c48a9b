import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateDeal from '../creates/updateDeal';
import { DEAL } from './documented';
import { BASE, USER_ID, api, run } from './helpers';

useNock();

const DEAL_ID = DEAL.id;

describe('Update Deal', () => {
  it('sends PATCH /pipeline with the id and only the fields given inside data', async () => {
    api()
      .patch(`${BASE}/pipeline`, {
        data: {
          id: DEAL_ID,
          stage: 'Negotiation',
          deal_size: 15000,
          close_date: '2026-01-31T17:00:00.000Z',
          user_id: USER_ID,
        },
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, [{ success: true, data: [{ ...DEAL, stage: 'Negotiation', deal_size: 15000 }] }]);
    const out = await run.create(updateDeal, {
      deal_id: DEAL_ID,
      stage: 'negotiation',
      deal_size: 15000,
      close_date: '2026-01-31T18:00:00+01:00',
      user_id: USER_ID,
      company: '',
      notes: '  ',
    });
    expect(out).toEqual({
      id: DEAL_ID,
      company: 'Brightwave Solutions',
      stage: 'Negotiation',
      deal_size: 15000,
      open_date: DEAL.open_date,
      close_date: DEAL.close_date,
      primary_contact: DEAL.primary_contact,
      contact_email: DEAL.contact_email,
      notes: DEAL.notes,
      user_id: DEAL.user_id,
      owner: 'John',
      created_at: DEAL.created_at,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...updateDeal.operation.sample }).sort());
  });

  it('names the deal when LunarSend cannot find it (404)', async () => {
    api().patch(`${BASE}/pipeline`).reply(404, { status: 'error', error: 'Deal not found' });
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, stage: 'Won' }));
    expect(err.message).toBe(`LunarSend could not find deal ${DEAL_ID}: Deal not found`);
  });

  it('refuses an answer holding two deals instead of guessing', async () => {
    api()
      .patch(`${BASE}/pipeline`)
      .reply(200, { success: true, data: [DEAL, DEAL] });
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, stage: 'Won' }));
    expect(err.message).toMatch(
      /^LunarSend accepted the request but sent an answer of an unexpected shape: data: expected exactly one item.*, so the change may or may not have been made in LunarSend\./,
    );
  });

  it('a 500 may have changed the deal: OutcomeUnknown, not retried', async () => {
    api().patch(`${BASE}/pipeline`).reply(500, { status: 'error', error: 'Internal error' });
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, stage: 'Won' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
    api().patch(`${BASE}/pipeline`).reply(307, '', { Location: 'https://elsewhere.example/pipeline' });
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, stage: 'Won' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 307 });
  });

  it.each([
    [{ deal_id: DEAL_ID }, /^Please fill in at least one field to change on the deal\.$/],
    [{ deal_id: DEAL_ID, company: ' ', notes: '' }, /at least one field/],
    [{ stage: 'Won' }, /Deal is missing/],
    [{ deal_id: 'a b', stage: 'Won' }, /Deal: must be an id/],
    [{ deal_id: DEAL_ID, stage: 'Closed' }, /Stage: must be one of Qualification/],
    [{ deal_id: DEAL_ID, deal_size: '$5' }, /Deal Size: must be a number/],
    [{ deal_id: DEAL_ID, deal_size: -1 }, /Deal Size: must not be negative/],
    [{ deal_id: DEAL_ID, close_date: 'soon' }, /Close Date: must be a date/],
    [{ deal_id: DEAL_ID, contact_email: 'nope' }, /Contact Email: must be an email/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(updateDeal, {}, { extra: bad }));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
