import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findDeal from '../searches/findDeal';
import { DEAL, PIPELINE } from '../src/samples';
import { FLAT_DEAL, api, listing, offContract, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const DEAL_ID = DEAL.deal_id;
const dealNamed = (deal_id: string, name: string, pipeline_id = PIPELINE.pipeline_id) => ({
  ...DEAL,
  deal_id,
  fields_values_with_names: [{ field_name: 'name', values: [{ value: name }] }],
  stage_transitions: { ...DEAL.stage_transitions, pipeline_id },
});

describe('Find Deal (find_deal)', () => {
  it('gets a deal by id in one request', async () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(200, DEAL);
    const out = await run.search(findDeal, { deal_id: DEAL_ID });
    expect(out).toEqual([FLAT_DEAL]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(findDeal.operation.sample ?? {}));
  });

  it('finds nothing (not an error) for an id Nimble does not know', async () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    expect(await run.search(findDeal, { deal_id: DEAL_ID })).toEqual([]);
  });

  it('finds by name among the 100 most recently changed deals, exact name first, in the pipeline', async () => {
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '100' })
      .reply(
        200,
        listing([
          dealNamed('d1', 'Renewal Nimble 2025'),
          dealNamed('d2', 'Other deal'),
          dealNamed('d3', 'Nimble Rénewal'),
          dealNamed('d4', 'Nimble renewal', 'other-pipeline'),
        ]),
      );
    const out = await run.search(findDeal, { name: 'nimble renewal', pipeline_id: PIPELINE.pipeline_id });
    expect(out.map((d) => d.id)).toEqual(['d3', 'd1']);
  });

  it("shows Nimble's text for a 403 on the deal list", async () => {
    api().get('/api/v2/deals').query(true).reply(403, { message: 'Deals are disabled for this account' });
    const err = await failureOf(run.search(findDeal, { name: 'x' }));
    expect(err.message).toMatch(/^Nimble refused access: Deals are disabled for this account\./);
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get(`/api/v2/deals/${DEAL_ID}`)
      .reply(200, { ...DEAL, deal_id: undefined });
    const err = await failureOf(run.search(findDeal, { deal_id: DEAL_ID }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: deal_id is missing.');
  });

  it.each([
    [{}, /Deal Name: Pick a Deal or enter a Deal Name/],
    [{ deal_id: DEAL_ID, name: 'x' }, /Deal: can't be combined/],
    [{ deal_id: 'a b' }, /Deal: must be an id/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.search(findDeal, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
