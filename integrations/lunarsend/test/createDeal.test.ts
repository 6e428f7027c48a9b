import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createDeal from '../creates/createDeal';
import { DEAL } from './documented';
import { BASE, CONTACT_ID, USER_ID, api, run } from './helpers';

useNock();

describe('Create Deal', () => {
  it('sends POST /pipeline with every input inside data: number, ISO dates in UTC, contact and owner', async () => {
    api()
      .post(`${BASE}/pipeline`, {
        data: {
          company: 'Brightwave Solutions',
          stage: 'Proposal',
          deal_size: 12000.5,
          open_date: '2025-10-01T07:00:00.000Z',
          close_date: '2025-12-15T17:00:00.000Z',
          primary_contact: CONTACT_ID,
          contact_email: 'elena.moreno@outlook.com',
          notes: 'Annual plan, 25 seats.',
          user_id: USER_ID,
        },
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, { status: 'success', data: [DEAL] });
    const out = await run.create(
      createDeal,
      {
        company: 'Brightwave Solutions',
        stage: 'proposal',
        open_date: '2025-10-01T09:00:00+02:00',
        close_date: '2025-12-15T17:00:00Z',
        primary_contact: CONTACT_ID,
        contact_email: 'elena.moreno@outlook.com',
        notes: 'Annual plan, 25 seats.',
        user_id: USER_ID,
      },
      { extra: { deal_size: '12000.5' } },
    );
    expect(out).toEqual({
      id: DEAL.id,
      company: 'Brightwave Solutions',
      stage: 'Proposal',
      deal_size: 12000,
      open_date: DEAL.open_date,
      close_date: DEAL.close_date,
      primary_contact: DEAL.primary_contact,
      contact_email: DEAL.contact_email,
      notes: DEAL.notes,
      user_id: DEAL.user_id,
      owner: 'John',
      created_at: DEAL.created_at,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...createDeal.operation.sample }).sort());
  });

  it('sends only company and stage when nothing else is given', async () => {
    api()
      .post(`${BASE}/pipeline`, { data: { company: 'Acme', stage: 'Won' } })
      .reply(200, [{ status: 'success', data: DEAL }]);
    await expect(run.create(createDeal, { company: 'Acme', stage: 'won', notes: '' })).resolves.toMatchObject({
      id: DEAL.id,
    });
  });

  it('shows LunarSend’s envelope error ({ status: "error", error }) on a 400', async () => {
    api().post(`${BASE}/pipeline`).reply(400, { status: 'error', error: 'stage must be one of the pipeline stages' });
    const err = await failureOf(run.create(createDeal, { company: 'Acme', stage: 'Won' }));
    expect(err.message).toBe('LunarSend rejected the request: stage must be one of the pipeline stages');
  });

  it('refuses a deal without its id', async () => {
    const { id: _id, ...withoutId } = DEAL;
    api()
      .post(`${BASE}/pipeline`)
      .reply(200, [{ status: 'success', data: withoutId }]);
    const err = await failureOf(run.create(createDeal, { company: 'Acme', stage: 'Won' }));
    expect(err.message).toBe(
      'LunarSend accepted the request but sent an answer of an unexpected shape: [0].data.id is missing, so the change may or may not have been made in LunarSend. Check in LunarSend before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('a 500 may have created the deal: OutcomeUnknown, not retried', async () => {
    api().post(`${BASE}/pipeline`).reply(500, { status: 'error', error: 'Internal error' });
    const err = await failureOf(run.create(createDeal, { company: 'Acme', stage: 'Won' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
    api().post(`${BASE}/pipeline`).reply(301, '', { Location: 'https://elsewhere.example/pipeline' });
    const err = await failureOf(run.create(createDeal, { company: 'Acme', stage: 'Won' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 301 });
  });

  it.each([
    [{ company: 'Acme', stage: 'Interested!' }, /Stage: must be one of Qualification, Discovery/],
    [{ company: 'Acme' }, /Stage/],
    [{ stage: 'Won' }, /Company is missing/],
    [{ company: 'Acme', stage: 'Won', deal_size: '$5,000' }, /Deal Size: must be a number/],
    [{ company: 'Acme', stage: 'Won', deal_size: -1 }, /Deal Size: must not be negative/],
    [{ company: 'Acme', stage: 'Won', deal_size: '1e999' }, /Deal Size: must be a number\.$/],
    [{ company: 'Acme', stage: 'Won', deal_size: '-Infinity' }, /Deal Size: must be a number\.$/],
    [{ company: 'Acme', stage: 'Won', open_date: 'next week' }, /Open Date: must be a date and time/],
    [{ company: 'Acme', stage: 'Won', contact_email: 'elena' }, /Contact Email: must be an email/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(createDeal, {}, { extra: bad }));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
