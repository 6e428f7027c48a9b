import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { DEAL, MYSELF, PIPELINE } from '../src/samples';
import type { MethodRunner } from '@crm-zapier/kit';
import {
  AUTH,
  CONTACT_ID,
  SALES,
  STAGE,
  USER_ID,
  api,
  bundle,
  freshRun,
  run,
  unmatchedRequests,
  useEnv,
} from './helpers';

useNock();
useEnv();
const unmatched = unmatchedRequests();

const STANDARD_FIELDS = {
  standard_fields: [
    { field_id: 'f-name', field_name: 'name', field_type: 'string' },
    { field_id: 'f-amount', field_name: 'amount', field_type: 'number' },
    { field_id: 'f-probability', field_name: 'probability', field_type: 'number' },
    { field_id: 'f-close', field_name: 'expected_close_date', field_type: 'string' },
    { field_id: 'f-description', field_name: 'description', field_type: 'string' },
  ],
  pipelines_tabs: [],
};

describe('pipeline and stage dropdowns', () => {
  it('lists pipelines that are not archived', async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, {
        pipelines: [
          PIPELINE,
          { ...PIPELINE, pipeline_id: 'p-old', name: 'Old', archived_at: '2023-01-01T00:00:00+0000' },
        ],
      });
    expect(await run('triggers.list_pipelines.operation.perform', bundle())).toEqual([
      { id: PIPELINE.pipeline_id, name: 'Sales' },
    ]);
  });

  it("nimble.md §12.3: lists the chosen pipeline's open stages only (not archived, not won or lost), with their default probability", async () => {
    api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
    expect(await run('triggers.list_stages.operation.perform', bundle({ pipeline_id: PIPELINE.pipeline_id }))).toEqual([
      { id: STAGE.qualified, name: 'Qualified (20%)' },
      { id: STAGE.proposal, name: 'Proposal' },
    ]);
  });

  it("nimble.md §12.3: in Update Deal's form (a deal, no pipeline), lists the open stages of the deal's own pipeline", async () => {
    api().get(`/api/v2/deals/${DEAL.deal_id}`).reply(200, DEAL);
    api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
    expect(await run('triggers.list_stages.operation.perform', bundle({ deal_id: DEAL.deal_id }))).toEqual([
      { id: STAGE.qualified, name: 'Qualified (20%)' },
      { id: STAGE.proposal, name: 'Proposal' },
    ]);
  });

  it("nimble.md §12.3: with a deal mapped from an earlier step, lists every live pipeline's open stages, named with their pipeline", async () => {
    api()
      .get('/api/v2/deals/pipelines')
      .reply(200, {
        pipelines: [
          SALES,
          { ...SALES, pipeline_id: 'p-old', name: 'Old', archived_at: '2023-01-01T00:00:00+0000' },
          {
            ...SALES,
            pipeline_id: 'p-partners',
            name: 'Partners',
            stages: [{ ...SALES.stages[0]!, stage_id: 'st-intro', name: 'Intro' }, SALES.stages[3]!],
          },
        ],
      });
    expect(await run('triggers.list_stages.operation.perform', bundle({ deal_id: '{{123__deal_id}}' }))).toEqual([
      { id: STAGE.qualified, name: 'Sales › Qualified (20%)' },
      { id: STAGE.proposal, name: 'Sales › Proposal' },
      { id: 'st-intro', name: 'Partners › Intro (20%)' },
    ]);
  });

  it('rejects a pipeline id with a slash before any request', async () => {
    const err = await failureOf(run('triggers.list_stages.operation.perform', bundle({ pipeline_id: 'a/b' })));
    expect(err.message).toMatch(/Pipeline \(pipeline_id\): must be an id/);
    expect(unmatched).toEqual([]);
  });
});

describe('New Deal', () => {
  it('asks for the newest deals with the required sort, one request, id = deal_id', async () => {
    api()
      .get('/api/v2/deals')
      .query({ sort: 'created:desc', limit: '50' })
      .reply(200, { meta: { per_page: 50, total: 1, page: 1, pages: 1 }, resources: [DEAL] });
    const [deal] = (await run('triggers.new_deal.operation.perform', bundle())) as Record<string, unknown>[];
    expect(deal).toEqual({
      id: DEAL.deal_id,
      deal_id: DEAL.deal_id,
      deal_number: 42,
      name: 'Nimble renewal 2024',
      amount: 10000,
      currency: 'USD',
      probability: 20,
      description: 'Three-year renewal',
      expected_close_date: '2024-03-31',
      actual_close_date: null,
      pipeline_id: PIPELINE.pipeline_id,
      pipeline_name: 'Sales',
      stage_id: PIPELINE.stages[0]!.stage_id,
      stage_name: 'Qualified',
      owner_id: USER_ID,
      owner_name: 'John Doe',
      owner_email: 'john@example.com',
      contact_ids: [CONTACT_ID],
      contact_names: ['Amayak Akopyan'],
      tags: ['renewal'],
      age_in_days: 2,
      created: '2024-01-03T10:00:00+0000',
      updated: '2024-01-05T12:00:00+0000',
    });
  });
});

describe('deal outputs', () => {
  it("labels the pipelines' custom deal fields, members as a list or as one object", async () => {
    api()
      .get('/api/v2/deals/fields')
      .reply(200, {
        ...STANDARD_FIELDS,
        pipelines_tabs: [
          {
            tab_name: 'Details',
            members: [
              { type: 'field', field: { field_id: 'c1', field_name: 'Contract length' } },
              { type: 'group', fields: [{ type: 'field', field: { field_id: 'c2', field_name: 'Region' } }] },
              { type: 'field', field: { field_id: 'f-name', field_name: 'name' } },
            ],
          },
          { tab_name: 'Other', members: { type: 'field', field: { field_id: 'c3', field_name: 'Région' } } },
        ],
      });
    const fields = (await run('creates.create_deal.operation.outputFields', bundle())) as { key: string }[];
    expect(fields.filter((f) => f.key.startsWith('fields__'))).toEqual([
      { key: 'fields__contract_length', label: 'Contract Length' },
      { key: 'fields__region', label: 'Region' },
    ]);
  });
});

describe('Create Deal', () => {
  // Each test gets its own z.cache: the deal field ids are kept there between runs.
  let run: MethodRunner;
  beforeEach(() => {
    run = freshRun();
  });

  /** The pipeline, read before each create to check the stage (nimble.md §12.3). */
  const salesPipeline = (pipeline: Omit<typeof SALES, 'archived_at'> & { archived_at: string | null } = SALES) =>
    api().get(`/api/v2/deals/pipelines/${pipeline.pipeline_id}`).reply(200, pipeline);

  it('with the user id stored at connection: 3 requests the first time, then the pipeline and the create', async () => {
    const authData = { ...AUTH, user_id: USER_ID };
    api().get('/api/v2/deals/fields').once().reply(200, STANDARD_FIELDS);
    const create = (name: string) => {
      salesPipeline();
      api()
        .post('/api/v2/deals', {
          pipeline_id: PIPELINE.pipeline_id,
          stage_id: STAGE.qualified,
          owner_id: USER_ID,
          fields_values: { 'f-name': [{ value: name }] },
        })
        .reply(200, DEAL);
    };
    create('First');
    create('Second');
    for (const name of ['First', 'Second']) {
      await run(
        'creates.create_deal.operation.perform',
        bundle({ pipeline_id: PIPELINE.pipeline_id, stage_id: STAGE.qualified, name }, {}, authData),
      );
    }
    // No /myself, and /api/v2/deals/fields only once (nock fails on any request it does not expect).
    expect(unmatched).toEqual([]);
  });

  it('keys fields_values by field id and, for a connection made before user ids were stored, asks /myself', async () => {
    salesPipeline();
    api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
    api().get('/api/v1/myself').reply(200, MYSELF);
    api()
      .post('/api/v2/deals', {
        pipeline_id: PIPELINE.pipeline_id,
        stage_id: STAGE.proposal,
        owner_id: USER_ID,
        fields_values: {
          'f-name': [{ value: 'Big deal' }],
          'f-amount': [{ value: '1500.5' }],
          'f-probability': [{ value: '40' }],
          'f-close': [{ value: '2024-06-30' }],
          'f-description': [{ value: 'From Zapier' }],
        },
        currency: 'EUR',
        related_contacts: [{ contact_id: CONTACT_ID }],
        tags: ['zapier'],
      })
      .reply(200, DEAL);
    const out = await run(
      'creates.create_deal.operation.perform',
      bundle({
        pipeline_id: PIPELINE.pipeline_id,
        stage_id: STAGE.proposal,
        name: 'Big deal',
        amount: '1500.5',
        currency: 'eur',
        probability: '40',
        expected_close_date: '2024-06-30T12:00:00Z',
        description: 'From Zapier',
        contact_ids: [CONTACT_ID],
        tags: ['zapier'],
      }),
    );
    expect(out).toMatchObject({ id: DEAL.deal_id, name: 'Nimble renewal 2024' });
  });

  it('uses the given owner without asking who the user is', async () => {
    salesPipeline();
    api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
    api()
      .post('/api/v2/deals', {
        pipeline_id: PIPELINE.pipeline_id,
        stage_id: STAGE.qualified,
        owner_id: '5049f696a694620a0700001c',
        fields_values: { 'f-name': [{ value: 'Small deal' }] },
      })
      .reply(200, DEAL);
    await run(
      'creates.create_deal.operation.perform',
      bundle({
        pipeline_id: PIPELINE.pipeline_id,
        stage_id: STAGE.qualified,
        name: 'Small deal',
        owner_id: '5049f696a694620a0700001c',
      }),
    );
  });

  it("names the fields of Nimble's path-keyed 409", async () => {
    salesPipeline();
    api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
    api()
      .post('/api/v2/deals')
      .reply(409, {
        message: 'Invalid request',
        errors: { '/fields_values/probability': { message: 'is required: the stage has no default probability' } },
        human_readable_error: 'probability is required',
        code: 245,
      });
    const err = await failureOf(
      run(
        'creates.create_deal.operation.perform',
        bundle({ pipeline_id: PIPELINE.pipeline_id, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID }),
      ),
    );
    expect(err.message).toBe(
      'Nimble rejected the request (HTTP 409): fields_values/probability: is required: the stage has no default probability (field: fields_values/probability)',
    );
  });

  it.each([
    [
      STAGE.won,
      'Stage (stage_id): "Won" is a final (won or lost) stage, which Nimble sets itself: pick an open stage, and mark the deal won or lost in Nimble.',
    ],
    [STAGE.lost, 'Stage (stage_id): "Lost" is a final (won or lost) stage'],
    [STAGE.old, 'Stage (stage_id): "Old stage" is archived in Nimble: pick an open stage.'],
    ['62fd6587048065ca3510c6ff', 'Stage (stage_id): is not a stage of the pipeline "Sales": pick one of its stages'],
    [STAGE.proposal, 'Probability (%) (probability): is needed: the stage "Proposal" has no default probability.'],
  ])(
    'nimble.md §12.3: refuses stage %s, naming the field, after reading the pipeline and before any write',
    async (stage_id, said) => {
      salesPipeline();
      const err = await failureOf(
        run(
          'creates.create_deal.operation.perform',
          bundle({ pipeline_id: PIPELINE.pipeline_id, stage_id, name: 'X', owner_id: USER_ID }),
        ),
      );
      expect(err.message).toContain(`Please check your input: ${said}`);
      expect(unmatched).toEqual([]);
    },
  );

  it('nimble.md §12.3: refuses an archived pipeline, naming it, before any write', async () => {
    salesPipeline({ ...SALES, archived_at: '2023-01-01T00:00:00+0000' });
    const err = await failureOf(
      run(
        'creates.create_deal.operation.perform',
        bundle({ pipeline_id: PIPELINE.pipeline_id, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID }),
      ),
    );
    expect(err.message).toBe(
      'Please check your input: Pipeline (pipeline_id): "Sales" is archived in Nimble: pick another pipeline.',
    );
  });

  it.each([
    ['Europe/Berlin', '2030-06-30T00:00:00+02:00', '2030-06-30'],
    ['America/Los_Angeles', '2030-07-01T01:00:00Z', '2030-06-30'],
    ['Pacific/Kiritimati', '2030-06-30', '2030-06-30'],
    [null, '2030-06-30T00:00:00+02:00', '2030-06-30'],
  ])(
    'nimble.md §12.2: in time zone %s, an expected close date of %s is the local date %s (no day shift)',
    async (timezone, given, sent) => {
      salesPipeline();
      api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
      api()
        .post('/api/v2/deals', {
          pipeline_id: PIPELINE.pipeline_id,
          stage_id: STAGE.qualified,
          owner_id: USER_ID,
          fields_values: { 'f-name': [{ value: 'X' }], 'f-close': [{ value: sent }] },
        })
        .reply(200, DEAL);
      await run(
        'creates.create_deal.operation.perform',
        bundle(
          {
            pipeline_id: PIPELINE.pipeline_id,
            stage_id: STAGE.qualified,
            name: 'X',
            owner_id: USER_ID,
            expected_close_date: given,
          },
          { timezone },
        ),
      );
    },
  );

  it('rejects a bad probability, amount or currency before any request', async () => {
    const create = (input: Record<string, unknown>) =>
      failureOf(
        run(
          'creates.create_deal.operation.perform',
          bundle({ pipeline_id: 'p1', stage_id: 's1', name: 'X', ...input }),
        ),
      );
    expect((await create({ probability: '150' })).message).toMatch(
      /Probability \(%\) \(probability\): must be 0 to 100/,
    );
    expect((await create({ amount: '-1' })).message).toMatch(/Amount \(amount\): must be 0 or more/);
    expect((await create({ currency: 'dollars' })).message).toMatch(/three-letter currency code/);
    expect((await create({ name: '' })).message).toMatch(/Deal Name \(name\)/);
    expect(unmatched).toEqual([]);
  });
});
