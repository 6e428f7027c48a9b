import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import findExactDeal from '../searches/findExactDeal';
import { DEAL, PIPELINE } from '../src/samples';
import { FLAT_DEAL, SALES, api, offContract, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const named = (deal_id: string, name: string, updated = DEAL.updated) => ({
  ...DEAL,
  deal_id,
  updated,
  fields_values_with_names: [
    ...DEAL.fields_values_with_names.slice(1),
    { field_name: 'name', values: [{ value: name }] },
  ],
});
const search = (name: string) => ({
  sort: 'updated:desc',
  limit: '100',
  query: JSON.stringify({ name: { contain: name } }),
});

describe('Find Deal by Exact Name (find_deal_exact), the search of Find or Create Deal', () => {
  it('is the search of Find or Create Deal, keyed by Find Deal, creating with Create Deal', () => {
    expect(App.searchOrCreates?.find_deal).toMatchObject({
      key: 'find_deal',
      search: 'find_deal_exact',
      create: 'create_deal',
    });
  });

  it("keeps only the deals named exactly so (case and accents aside) from the pipeline's search, one request", async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(search('Brightwave annual plan'))
      .reply(200, {
        stages: [
          {
            stage: SALES.stages[0],
            deals: [
              named('d1', 'Brightwave annual plan 2025', '2024-02-01T00:00:00+0000'),
              named(DEAL.deal_id, 'Brightwave Annual Plan'),
            ],
          },
        ],
      });
    const out = await run.search(findExactDeal, { name: 'Brightwave annual plan', pipeline_id: PIPELINE.pipeline_id });
    expect(out).toEqual([{ ...FLAT_DEAL, name: 'Brightwave Annual Plan' }]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(findExactDeal.operation.sample ?? {}));
  });

  it('finds nothing when only longer names match (Find or Create Deal then creates)', async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, { pipelines: [SALES] });
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(search('Acme'))
      .reply(200, { stages: [{ stage: SALES.stages[0], deals: [named('d1', 'Acme renewal')] }] });
    expect(await run.search(findExactDeal, { name: 'Acme' })).toEqual([]);
  });

  it('refuses, rather than let a create duplicate a deal, when a stage returns as many matches as asked for', async () => {
    const many = Array.from({ length: 100 }, (_, i) => named(`d${i}`, `Acme renewal ${i}`));
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(search('Acme'))
      .reply(200, { stages: [{ stage: SALES.stages[0], deals: many }] });
    const err = await failureOf(run.search(findExactDeal, { name: 'Acme', pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toBe(
      'Nimble found 100 or more deals in one stage whose names contain "Acme", too many to check that none is named exactly so. Pick the pipeline, or give a more specific name.',
    );
  });

  it('takes a cleared (blank) pipeline as every pipeline', async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, { pipelines: [SALES] });
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(search('Acme'))
      .reply(200, { stages: [{ stage: SALES.stages[0], deals: [named('d1', 'Acme')] }] });
    expect(await run.search(findExactDeal, { name: 'Acme', pipeline_id: '' })).toHaveLength(1);
  });

  it("names the pipeline Nimble could not find, in Nimble's words", async () => {
    api()
      .get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}/deals`)
      .query(true)
      .reply(404, { object_type: 'pipeline', object_id: PIPELINE.pipeline_id });
    const err = await failureOf(run.search(findExactDeal, { name: 'Acme', pipeline_id: PIPELINE.pipeline_id }));
    expect(err.message).toMatch(/^Nimble could not find this pipeline/);
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().get('/api/v2/deals/pipelines').reply(200, { resources: [] });
    const err = await failureOf(run.search(findExactDeal, { name: 'Acme' }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: pipelines is missing.');
  });

  it.each([
    [{}, /^Deal Name is missing/],
    [{ name: '   ' }, /^Deal Name: /],
    [{ name: 'Acme', pipeline_id: 'a/b' }, /^Pipeline: must be an id/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.search(findExactDeal, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
