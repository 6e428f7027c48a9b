import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateDeal from '../creates/updateDeal';
import { DEAL, PIPELINE } from '../src/samples';
import {
  DEAL_FIELDS,
  FLAT_DEAL,
  PARTNERS_ID,
  SALES_CUSTOM_INPUTS,
  SALES,
  STAGE,
  STANDARD_FIELDS,
  api,
  expectWriteSafety,
  inputFieldsOf,
  offContract,
  outputFieldsOf,
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

describe('Update Deal: custom deal fields', () => {
  const fieldsRead = () => api().get('/api/v2/deals/fields').once().reply(200, DEAL_FIELDS);
  const dealRead = (deal: object = DEAL) => api().get(`/api/v2/deals/${DEAL_ID}`).once().reply(200, deal);
  /** DEAL, in the Partners pipeline. */
  const PARTNER_DEAL = { ...DEAL, stage_transitions: { ...DEAL.stage_transitions, pipeline_id: PARTNERS_ID } };
  /** Update Deal's own inputs, in their order: the custom fields come after them. */
  const STATIC_KEYS = [
    'deal_id',
    'stage_id',
    'name',
    'amount',
    'currency',
    'probability',
    'expected_close_date',
    'description',
  ];

  it("nimble.md §12.3: sends only the custom fields filled, keyed by their id in the deal's pipeline (3 requests)", async () => {
    dealRead();
    fieldsRead();
    api()
      .put(`/api/v2/deals/${DEAL_ID}`, {
        fields_values: { 'c-region': [{ value: 'EMEA' }], 'c-auto': [{ value: 'false' }] },
      })
      .reply(200, DEAL);
    const out = await run.create(
      updateDeal,
      { deal_id: DEAL_ID },
      {
        extra: {
          fields__region: 'EMEA',
          fields__auto_renew: false,
          // Left empty, or mapped from a step that gave nothing: kept as they are, so not sent.
          fields__contract_length: '',
          fields__renewal_date: null,
          fields__handover_notes: '   ',
        },
      },
    );
    expect(out).toEqual(FLAT_DEAL);
  });

  it("puts a name the pipelines share into the deal's own pipeline's field", async () => {
    dealRead(PARTNER_DEAL);
    fieldsRead();
    api()
      .put(`/api/v2/deals/${DEAL_ID}`, { fields_values: { 'p-region': [{ value: 'LATAM' }] } })
      .reply(200, PARTNER_DEAL);
    await run.create(updateDeal, { deal_id: DEAL_ID }, { extra: { fields__region: 'LATAM' } });
  });

  it("nimble.md §12.3: writes a date-time field with the Zap's UTC offset; a date alone is midnight there", async () => {
    dealRead();
    fieldsRead();
    api()
      .put(`/api/v2/deals/${DEAL_ID}`, { fields_values: { 'c-renewal': [{ value: '2031-01-15T00:00:00-05:00' }] } })
      .reply(200, DEAL);
    await run.create(
      updateDeal,
      { deal_id: DEAL_ID },
      { extra: { fields__renewal_date: '2031-01-15' }, meta: { timezone: 'America/New_York' } },
    );
  });

  it('refuses a value for two fields of the pipeline whose names make the same key, rather than guess', async () => {
    dealRead();
    const twice = structuredClone(DEAL_FIELDS);
    twice.pipelines_tabs[0]!.members.push({
      type: 'field',
      pipeline_id: PIPELINE.pipeline_id,
      field: {
        field_id: 'c-region2',
        field_name: 'Région',
        field_type: 'string',
        modifier: '',
        multiples: false,
        available_actions: 'edit_all',
      },
    });
    api().get('/api/v2/deals/fields').reply(200, twice);
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID }, { extra: { fields__region: 'EMEA' } }));
    expect(err.message).toBe(
      'Region: 2 fields of the deal\'s pipeline have names that read the same ("Region", "Région"), so which one to fill is unclear: rename one in Nimble.',
    );
    expectNothingSent();
  });

  it('reads the deal once for a stage and custom fields, and sends them with the standard fields', async () => {
    dealAndPipeline();
    fieldsRead();
    api()
      .put(`/api/v2/deals/${DEAL_ID}`, {
        stage_id: STAGE.proposal,
        fields_values: { 'f-name': [{ value: 'Renamed' }], 'c-length': [{ value: '36' }] },
      })
      .reply(200, DEAL);
    await run.create(
      updateDeal,
      { deal_id: DEAL_ID, stage_id: STAGE.proposal, name: 'Renamed' },
      { extra: { fields__contract_length: 36 } },
    );
  });

  it.each([
    ['fields__contract_length', 'three', 'Contract length: must be a number.'],
    [
      'fields__partner_tier',
      'Gold',
      "Partner tier: is not a field of the deal's pipeline in Nimble: only its own fields can be set (a value left from another pipeline picked before: clear it).",
    ],
  ])('refuses %s = %j naming the field, before the change is sent', async (key, value, said) => {
    const reads = [dealRead(), fieldsRead()];
    const err = await failureOf(run.create(updateDeal, { deal_id: DEAL_ID }, { extra: { [key]: value } }));
    expect(err.message).toBe(said);
    expect(reads.every((r) => r.isDone())).toBe(true);
    expectNothingSent();
  });

  it("shows the picked deal's pipeline's custom fields after its own inputs, to keep when left empty", async () => {
    dealRead();
    fieldsRead();
    const fields = await inputFieldsOf('creates.update_deal', { deal_id: DEAL_ID });
    expect(fields.map((f) => f.key).slice(0, STATIC_KEYS.length)).toEqual(STATIC_KEYS);
    expect(fields.slice(STATIC_KEYS.length)).toEqual(SALES_CUSTOM_INPUTS('keep its value'));
    expect(fields[0]).toMatchObject({ key: 'deal_id', altersDynamicFields: true });
  });

  it("with a deal mapped from an earlier step (or one that cannot be read), shows every pipeline's custom fields", async () => {
    fieldsRead();
    const mapped = await inputFieldsOf('creates.update_deal', { deal_id: '{{123__id}}' });
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    fieldsRead();
    const unreadable = await inputFieldsOf('creates.update_deal', { deal_id: DEAL_ID });
    for (const fields of [mapped, unreadable]) {
      expect(fields.slice(STATIC_KEYS.length).map((f) => f.label)).toEqual([
        'Contract length',
        'Renewal date',
        'Auto-renew',
        'Account manager',
        'Handover notes',
        'Region',
        'Partner tier',
      ]);
    }
  });

  it("still shows the form's own inputs when Nimble's deal fields cannot be read", async () => {
    dealRead();
    api().get('/api/v2/deals/fields').reply(500, { message: 'Internal error' });
    const fields = await inputFieldsOf('creates.update_deal', { deal_id: DEAL_ID });
    expect(fields.map((f) => f.key)).toEqual(STATIC_KEYS);
  });

  it('labels each custom output with its input label', async () => {
    fieldsRead();
    const outputs = await outputFieldsOf('creates.update_deal');
    expect(outputs.find((f) => f.key === 'fields__contract_length')).toEqual({
      key: 'fields__contract_length',
      label: 'Contract length',
    });
  });
});
