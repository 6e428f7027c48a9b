import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { DEAL } from '../src/samples';
import { BASE, USER_ID, api, bundle, jsonBody, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'creates.update_deal.operation.perform';
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
      .matchHeader('content-type', jsonBody['content-type'])
      .reply(200, { success: true, data: { ...DEAL, stage: 'Negotiation', deal_size: 15000 } });
    const out = (await run(
      perform,
      bundle({
        deal_id: DEAL_ID,
        stage: 'negotiation',
        deal_size: '15000',
        close_date: '2026-01-31T18:00:00+01:00',
        user_id: USER_ID,
        company: '',
        notes: '  ',
      }),
    )) as Record<string, unknown>;
    expect(out).toMatchObject({ id: DEAL_ID, stage: 'Negotiation', deal_size: 15000, company: 'Brightwave Solutions' });
    expect(keysOf(out)).toEqual(keysOf(App.creates.update_deal.operation.sample));
  });

  it('reads the answer as an object or a one-element array at either level', async () => {
    api()
      .patch(`${BASE}/pipeline`, { data: { id: DEAL_ID, notes: 'Signed' } })
      .reply(200, [{ success: true, data: [{ ...DEAL, notes: 'Signed' }] }]);
    await expect(run(perform, bundle({ deal_id: DEAL_ID, notes: 'Signed' }))).resolves.toMatchObject({
      notes: 'Signed',
    });
  });

  it('offers the deal from list_deals or a Find Deal search, the stage as a dropdown and the owner from the team', () => {
    const fields = App.creates.update_deal.operation.inputFields as {
      key: string;
      required?: boolean;
      dynamic?: string;
      search?: string;
      choices?: unknown[];
    }[];
    expect(fields[0]).toMatchObject({
      key: 'deal_id',
      required: true,
      dynamic: 'list_deals.id.name',
      search: 'find_deal.id',
    });
    expect(fields.find((f) => f.key === 'stage')?.choices).toHaveLength(8);
    expect(fields.find((f) => f.key === 'user_id')?.dynamic).toBe('list_team_users.id.name');
    expect(fields.filter((f) => f.required).map((f) => f.key)).toEqual(['deal_id']);
  });

  it('names the deal when LunarSend cannot find it (404)', async () => {
    api().patch(`${BASE}/pipeline`).reply(404, { status: 'error', error: 'Deal not found' });
    const err = await failureOf(run(perform, bundle({ deal_id: DEAL_ID, stage: 'Won' })));
    expect(err.message).toBe(`LunarSend could not find deal ${DEAL_ID}: Deal not found`);
  });

  it.each([
    [{ deal_id: DEAL_ID }, /at least one field/],
    [{ deal_id: DEAL_ID, company: ' ', notes: '' }, /at least one field/],
    [{ stage: 'Won' }, /Deal \(deal_id\) is missing/],
    [{ deal_id: 'a b', stage: 'Won' }, /Deal \(deal_id\): must be an id/],
    [{ deal_id: DEAL_ID, stage: 'Closed' }, /Stage \(stage\): must be one of Qualification/],
    [{ deal_id: DEAL_ID, deal_size: '$5' }, /Deal Size \(deal_size\): must be a number/],
    [{ deal_id: DEAL_ID, deal_size: -1 }, /Deal Size \(deal_size\): must not be negative/],
    [{ deal_id: DEAL_ID, deal_size: '1e999' }, /Deal Size \(deal_size\): must be a number\.$/],
    [{ deal_id: DEAL_ID, deal_size: '-Infinity' }, /Deal Size \(deal_size\): must be a number\.$/],
    [{ deal_id: DEAL_ID, close_date: 'soon' }, /Close Date \(close_date\): must be a date/],
    [{ deal_id: DEAL_ID, contact_email: 'nope' }, /Contact Email \(contact_email\): must be an email/],
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
