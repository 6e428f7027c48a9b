import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateDeal from '../creates/updateDeal';
import { DEAL, PIPELINE } from '../src/samples';
import {
  FLAT_DEAL,
  SALES,
  STAGE,
  STANDARD_FIELDS,
  api,
  expectWriteSafety,
  offContract,
  runner,
  staticKeys,
  useEnv,
} from './helpers';

useNock();
useEnv();
// A runner per test: each has its own z.cache, where the deal field ids are kept between runs.
let run = runner();
beforeEach(() => {
  run = runner();
});

const DEAL_ID = DEAL.deal_id;
/** The deal (in Sales) and its pipeline, read before a stage change (nimble.md §12.3). */
const dealAndPipeline = () => {
  api().get(`/api/v2/deals/${DEAL_ID}`).reply(200, DEAL);
  api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
};

describe('Update Deal (update_deal)', () => {
  it("nimble.md §12.3: moves to a stage of the deal's pipeline (checked first) and changes only the fields given, keyed by field id", async () => {
    dealAndPipeline();
    api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
    api()
      .put(`/api/v2/deals/${DEAL_ID}`, {
        stage_id: STAGE.proposal,
        fields_values: { 'f-amount': [{ value: '30000' }], 'f-close': [{ value: '2030-07-15' }] },
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, DEAL);
    const out = await run.create(updateDeal, {
      deal_id: DEAL_ID,
      stage_id: STAGE.proposal,
      amount: 30000,
      expected_close_date: '2030-07-15T10:00:00Z',
    });
    expect(out).toEqual(FLAT_DEAL);
    expect(staticKeys(out)).toEqual(Object.keys(updateDeal.operation.sample ?? {}));
  });

  it('nimble.md §12.3: sends the stage alone, without a pipeline_id and without reading the deal fields', async () => {
    dealAndPipeline();
    api().put(`/api/v2/deals/${DEAL_ID}`, { stage_id: STAGE.proposal }).reply(200, DEAL);
    // A Pipeline left in an older Zap's input is not sent.
    await run.create(updateDeal, { deal_id: DEAL_ID, stage_id: STAGE.proposal }, { extra: { pipeline_id: 'p-other' } });
  });

  it('changes the currency alone, in one request', async () => {
    api().put(`/api/v2/deals/${DEAL_ID}`, { currency: 'EUR' }).reply(200, DEAL);
    await run.create(updateDeal, { deal_id: DEAL_ID, currency: 'eur' });
  });

  it.each([
    [STAGE.won, '"Won" is a final (won or lost) stage, which Nimble sets itself'],
    [STAGE.old, '"Old stage" is archived in Nimble'],
    [
      '62fd6587048065ca3510c6e1',
      'is not a stage of the deal\'s pipeline "Sales": pick one of its stages (a deal stays in its pipeline)',
    ],
  ])('nimble.md §12.3: refuses stage %s, naming the field, before any write', async (stage_id, said) => {
    dealAndPipeline();
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, stage_id, name: 'X' }));
    expect(err.message).toContain(`Stage: ${said}`);
  });

  it('names the deal Nimble could not find', async () => {
    api().put(`/api/v2/deals/${DEAL_ID}`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, currency: 'USD' }));
    expect(err.message).toBe(
      'Nimble could not find this deal: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it("names the fields of Nimble's 409", async () => {
    api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
    api()
      .put(`/api/v2/deals/${DEAL_ID}`)
      .reply(409, {
        message: 'Invalid request',
        code: 245,
        errors: { '/fields_values/probability': { message: 'is required' } },
      });
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, name: 'X' }));
    expect(err.message).toBe('Nimble rejected the request: Probability (%): is required');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().put(`/api/v2/deals/${DEAL_ID}`).reply(200, {});
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID, currency: 'USD' }));
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: deal_id is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().put(`/api/v2/deals/${DEAL_ID}`),
      () => run.create(updateDeal, { deal_id: DEAL_ID, currency: 'USD' }),
    );
  });

  it.each([
    [{ deal_id: DEAL_ID }, /at least one field to change/],
    [{ deal_id: DEAL_ID, stage_id: 'a b' }, /Stage: must be an id/],
    [{ deal_id: DEAL_ID, amount: -5 }, /Amount: must be 0 or more/],
    [{ deal_id: DEAL_ID, probability: 120 }, /Probability \(%\): must be 0 to 100/],
    [{ deal_id: DEAL_ID, currency: 'dollars' }, /Currency: must be a three-letter currency code/],
    [{ deal_id: DEAL_ID, expected_close_date: 'soon' }, /Expected Close Date/],
    [{ name: 'X' }, /Deal is missing/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(updateDeal, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
