import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { DEAL } from '../src/samples';
import listDeals from '../triggers/listDeals';
import { api, listing, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

describe('Deal dropdown (list_deals)', () => {
  it('lists the most recently changed deals in one request, labelled with name (or id), pipeline and stage', async () => {
    const unnamed = { ...DEAL, deal_id: '65958d7ef2e8748e6361dd01', fields_values_with_names: [] };
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(200, listing([DEAL, unnamed]));
    expect(await run.trigger(listDeals, {})).toEqual([
      { id: DEAL.deal_id, name: 'Brightwave annual plan (Sales / Qualified)' },
      { id: unnamed.deal_id, name: `${unnamed.deal_id} (Sales / Qualified)` },
    ]);
  });

  it("shows Nimble's text for a 400", async () => {
    api().get('/api/v2/deals').query(true).reply(400, { message: 'limit must be at most 100', code: 400 });
    const err = await failureOf(run.trigger(listDeals, {}));
    expect(err.message).toBe('Nimble rejected the request: limit must be at most 100');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get('/api/v2/deals')
      .query(true)
      .reply(200, listing([{ ...DEAL, deal_id: undefined }]));
    const err = await failureOf(run.trigger(listDeals, {}));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: resources[0].deal_id is missing.');
  });
});
