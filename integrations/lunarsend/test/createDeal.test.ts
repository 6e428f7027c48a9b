import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { DEAL_STAGES } from '../src/constants';
import { DEAL } from '../src/samples';
import { AUTH, BASE, CONTACT_ID, USER_ID, api, bundle, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'creates.create_deal.operation.perform';

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
    const out = await run(
      perform,
      bundle({
        company: 'Brightwave Solutions',
        stage: 'Proposal',
        deal_size: '12000.5',
        open_date: '2025-10-01T09:00:00+02:00',
        close_date: '2025-12-15T17:00:00Z',
        primary_contact: CONTACT_ID,
        contact_email: 'elena.moreno@outlook.com',
        notes: 'Annual plan, 25 seats.',
        user_id: USER_ID,
      }),
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
    expect(keysOf(out)).toEqual(keysOf(App.creates.create_deal.operation.sample));
  });

  it('sends only company and stage when nothing else is given, and accepts a bare object answer', async () => {
    api()
      .post(`${BASE}/pipeline`, { data: { company: 'Acme', stage: 'Won' } })
      .reply(200, { status: 'success', data: DEAL });
    await run(perform, bundle({ company: 'Acme', stage: 'won', deal_size: '', notes: '' }));
  });

  it('offers the documented stages as a static dropdown', () => {
    const stage = (
      App.creates.create_deal.operation.inputFields as { key: string; choices?: { value: string }[] }[]
    ).find((f) => f.key === 'stage');
    expect(stage?.choices?.map((c) => c.value)).toEqual([...DEAL_STAGES]);
  });

  it('shows LunarSend’s envelope error ({ status: "error", error })', async () => {
    api().post(`${BASE}/pipeline`).reply(400, { status: 'error', error: 'stage must be one of the pipeline stages' });
    const err = await failureOf(run(perform, bundle({ company: 'Acme', stage: 'Won' })));
    expect(err.message).toBe('LunarSend rejected the request (HTTP 400): stage must be one of the pipeline stages');
    expect(err.raw).not.toContain(AUTH.api_key);
  });

  it.each([
    [{ company: 'Acme', stage: 'Interested!' }, /Stage \(stage\): must be one of Qualification, Discovery/],
    [{ company: 'Acme' }, /Stage \(stage\)/],
    [{ stage: 'Won' }, /Company \(company\) is missing/],
    [{ company: 'Acme', stage: 'Won', deal_size: '$5,000' }, /Deal Size \(deal_size\): must be a number/],
    [{ company: 'Acme', stage: 'Won', deal_size: -1 }, /Deal Size \(deal_size\): must not be negative/],
    [{ company: 'Acme', stage: 'Won', deal_size: '1e999' }, /Deal Size \(deal_size\): must be a number\.$/],
    [{ company: 'Acme', stage: 'Won', deal_size: '-Infinity' }, /Deal Size \(deal_size\): must be a number\.$/],
    [{ company: 'Acme', stage: 'Won', open_date: 'next week' }, /Open Date \(open_date\): must be a date and time/],
    [{ company: 'Acme', stage: 'Won', contact_email: 'elena' }, /Contact Email \(contact_email\): must be an email/],
  ])('rejects %j before any request', async (bad, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle(bad)));
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
