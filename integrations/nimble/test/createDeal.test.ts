import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createDeal from '../creates/createDeal';
import { DEAL, MYSELF, PIPELINE } from '../src/samples';
import {
  AUTH,
  CONTACT_ID,
  FLAT_DEAL,
  SALES,
  STAGE,
  STANDARD_FIELDS,
  USER_ID,
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

const PIPELINE_ID = PIPELINE.pipeline_id;
/** The pipeline, read before each create to check the stage (nimble.md §12.3). */
const salesPipeline = (pipeline: object = SALES) =>
  api().get(`/api/v2/deals/pipelines/${PIPELINE_ID}`).reply(200, pipeline);
const dealFields = () => api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);

describe('Create Deal (create_deal)', () => {
  it('checks the stage, keys fields_values by field id, and for a connection without a stored user id asks /myself', async () => {
    salesPipeline();
    dealFields();
    api().get('/api/v1/myself').reply(200, MYSELF);
    api()
      .post('/api/v2/deals', {
        pipeline_id: PIPELINE_ID,
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
      .matchHeader('content-type', 'application/json')
      .reply(200, DEAL);
    const out = await run.create(createDeal, {
      pipeline_id: PIPELINE_ID,
      stage_id: STAGE.proposal,
      name: 'Big deal',
      amount: 1500.5,
      currency: 'eur',
      probability: 40,
      expected_close_date: '2024-06-30T12:00:00Z',
      description: 'From Zapier',
      contact_ids: [CONTACT_ID],
      tags: ['zapier'],
    });
    expect(out).toEqual(FLAT_DEAL);
    expect(staticKeys(out)).toEqual(Object.keys(createDeal.operation.sample ?? {}));
  });

  it('with the user id stored at connection: 3 requests the first time, then the pipeline and the create', async () => {
    api().get('/api/v2/deals/fields').once().reply(200, STANDARD_FIELDS);
    for (const name of ['First', 'Second']) {
      salesPipeline();
      api()
        .post('/api/v2/deals', {
          pipeline_id: PIPELINE_ID,
          stage_id: STAGE.qualified,
          owner_id: USER_ID,
          fields_values: { 'f-name': [{ value: name }] },
        })
        .reply(200, DEAL);
    }
    // No /myself, and /api/v2/deals/fields only once (nock fails on any request it does not expect).
    const connected = runner({ ...AUTH, user_id: USER_ID });
    for (const name of ['First', 'Second']) {
      await connected.create(createDeal, { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name });
    }
  });

  it('sends the Owner picked from the user dropdown (a colleague), and labels the contact pickers by what they pick', async () => {
    const colleague = '5a1b2c3d4e5f60718293a4b5';
    salesPipeline();
    dealFields();
    api()
      .post('/api/v2/deals', {
        pipeline_id: PIPELINE_ID,
        stage_id: STAGE.qualified,
        owner_id: colleague,
        fields_values: { 'f-name': [{ value: 'X' }] },
      })
      .reply(200, DEAL);
    await run.create(createDeal, {
      pipeline_id: PIPELINE_ID,
      stage_id: STAGE.qualified,
      name: 'X',
      owner_id: colleague,
      // Mapped blanks are not given.
      currency: '',
      tags: [],
    });
    const fields = Object.fromEntries((createDeal.operation.inputFields ?? []).map((f) => [f.key, f]));
    expect(fields.owner_id).toMatchObject({ label: 'Owner', dynamic: 'list_users.id.name' });
    expect(fields.contact_ids).toMatchObject({
      label: 'Related Contacts',
      dynamic: 'list_contacts.id.name',
      list: true,
    });
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
      dealFields();
      api()
        .post('/api/v2/deals', {
          pipeline_id: PIPELINE_ID,
          stage_id: STAGE.qualified,
          owner_id: USER_ID,
          fields_values: { 'f-name': [{ value: 'X' }], 'f-close': [{ value: sent }] },
        })
        .reply(200, DEAL);
      await run.create(
        createDeal,
        {
          pipeline_id: PIPELINE_ID,
          stage_id: STAGE.qualified,
          name: 'X',
          owner_id: USER_ID,
          expected_close_date: given,
        },
        { meta: { timezone } },
      );
    },
  );

  it.each([
    [
      STAGE.won,
      'Stage: "Won" is a final (won or lost) stage, which Nimble sets itself: pick an open stage, and mark the deal won or lost in Nimble.',
    ],
    [STAGE.old, 'Stage: "Old stage" is archived in Nimble: pick an open stage.'],
    ['62fd6587048065ca3510c6ff', 'Stage: is not a stage of the pipeline "Sales": pick one of its stages'],
    [STAGE.proposal, 'Probability (%): is needed: the stage "Proposal" has no default probability.'],
  ])(
    'nimble.md §12.3: refuses stage %s, naming the field, after reading the pipeline and before any write',
    async (stage_id, said) => {
      salesPipeline();
      const err = await failureOf(
        run.create(createDeal, { pipeline_id: PIPELINE_ID, stage_id, name: 'X', owner_id: USER_ID }),
      );
      expect(err.message).toContain(`${said}`);
    },
  );

  it('nimble.md §12.3: refuses an archived pipeline, naming it, before any write', async () => {
    salesPipeline({ ...SALES, archived_at: '2023-01-01T00:00:00+0000' });
    const err = await failureOf(
      run.create(createDeal, { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID }),
    );
    expect(err.message).toBe('Pipeline: "Sales" is archived in Nimble: pick another pipeline.');
  });

  it("names the fields of Nimble's path-keyed 409", async () => {
    salesPipeline();
    dealFields();
    api()
      .post('/api/v2/deals')
      .reply(409, {
        message: 'Invalid request',
        errors: { '/fields_values/probability': { message: 'is required: the stage has no default probability' } },
        human_readable_error: 'probability is required',
        code: 245,
      });
    const err = await failureOf(
      run.create(createDeal, { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID }),
    );
    expect(err.message).toBe(
      'Nimble rejected the request: Probability (%): is required: the stage has no default probability',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    salesPipeline();
    dealFields();
    offContract().post('/api/v2/deals').reply(200, { id: DEAL.deal_id });
    const err = await failureOf(
      run.create(createDeal, { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID }),
    );
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: deal_id is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    const input = { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID };
    api().get('/api/v2/deals/fields').once().reply(200, STANDARD_FIELDS);
    salesPipeline();
    salesPipeline();
    await expectWriteSafety(
      () => offContract().post('/api/v2/deals'),
      () => run.create(createDeal, input),
    );
  });

  it.each([
    [{ probability: 150 }, /Probability \(%\): must be 0 to 100/],
    [{ amount: -1 }, /Amount: must be 0 or more/],
    [{ currency: 'dollars' }, /Currency: must be a three-letter currency code/],
    [{ name: '' }, /Deal Name/],
    [{ pipeline_id: '..' }, /Pipeline/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createDeal, { pipeline_id: 'p1', stage_id: 's1', name: 'X', ...input }));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
