import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createDeal from '../creates/createDeal';
import { DEAL, MYSELF, PIPELINE } from '../src/samples';
import {
  AUTH,
  CONTACT_ID,
  DEAL_FIELDS,
  FLAT_DEAL,
  SALES_CUSTOM_INPUTS,
  SALES,
  STAGE,
  STANDARD_FIELDS,
  USER_ID,
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
    const fields = Object.fromEntries(
      (createDeal.operation.inputFields ?? []).flatMap((f) => ('key' in f ? [[f.key, f]] : [])),
    );
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

/** Create Deal's own inputs, in their order: the custom fields come after them. */
const STATIC_KEYS = [
  'pipeline_id',
  'stage_id',
  'name',
  'amount',
  'currency',
  'probability',
  'expected_close_date',
  'description',
  'contact_ids',
  'tags',
  'owner_id',
];

describe('Create Deal: custom deal fields', () => {
  const fieldsRead = () => api().get('/api/v2/deals/fields').once().reply(200, DEAL_FIELDS);

  it("writes the Pipeline's custom fields keyed by field id, each value as text, from one read of the deal fields", async () => {
    fieldsRead();
    salesPipeline();
    const saved = {
      ...DEAL,
      fields_values_with_names: [
        ...DEAL.fields_values_with_names,
        { field_name: 'Contract length', values: [{ value: '24' }] },
        { field_name: 'Region', values: [{ value: 'EMEA' }] },
      ],
    };
    api()
      .post('/api/v2/deals', {
        pipeline_id: PIPELINE_ID,
        stage_id: STAGE.qualified,
        owner_id: USER_ID,
        fields_values: {
          'f-name': [{ value: 'Big deal' }],
          'f-amount': [{ value: '1500' }],
          'c-length': [{ value: '24' }],
          'c-renewal': [{ value: '2031-01-15T09:30:00+01:00' }],
          'c-auto': [{ value: 'true' }],
          'c-manager': [{ value: USER_ID }],
          'c-notes': [{ value: 'Call Maria first' }],
          'c-region': [{ value: 'EMEA' }],
        },
      })
      .reply(200, saved);
    const out = await run.create(
      createDeal,
      {
        pipeline_id: PIPELINE_ID,
        stage_id: STAGE.qualified,
        name: 'Big deal',
        amount: 1500,
        owner_id: USER_ID,
      },
      {
        // Zapier gives a number field's typed value as text, and a boolean as "true"/"false".
        extra: {
          fields__contract_length: '24',
          fields__renewal_date: '2031-01-15T08:30:00Z',
          fields__auto_renew: 'true',
          fields__account_manager: USER_ID,
          fields__handover_notes: 'Call Maria first',
          fields__region: 'EMEA',
          // Blank and mapped-empty custom fields are not sent.
          fields__lead_source: '',
        },
        meta: { timezone: 'Europe/Berlin' },
      },
    );
    expect(out).toEqual({ ...FLAT_DEAL, fields__contract_length: '24', fields__region: 'EMEA' });
  });

  it.each([
    ['fields__contract_length', 'two years', 'Contract length: must be a number.'],
    ['fields__auto_renew', 'maybe', 'Auto-renew: must be yes or no (true or false).'],
    [
      'fields__renewal_date',
      'next spring',
      'Renewal date: must be a date and time (ISO 8601, e.g. 2024-05-01T14:30:00Z).',
    ],
    ['fields__account_manager', 'Daniel Reyes', 'Account manager: must be an id without spaces or slashes.'],
    [
      'fields__partner_tier',
      'Gold',
      'Partner tier: is not a field of the pipeline in Nimble: only its own fields can be set (a value left from another pipeline picked before: clear it).',
    ],
    [
      'fields__lead_source',
      'Webinar',
      "Lead source: is a drop-down whose options Nimble's field list does not give, so it cannot be set from Zapier.",
    ],
    ['fields__office', '1 Main St', 'Office: is a field of kind "address", which cannot be set from Zapier.'],
    [
      'fields__gone',
      'x',
      'fields__gone: is not a deal field in Nimble (any more): open this step, refresh its fields and fill them again.',
    ],
  ])(
    'refuses %s = %j naming the field, after reading the deal fields and before anything else',
    async (key, value, said) => {
      const read = fieldsRead();
      const err = await failureOf(
        run.create(
          createDeal,
          { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID },
          { extra: { [key]: value } },
        ),
      );
      expect(err.message).toBe(said);
      // The deal fields were read; no pipeline read and no create (nock refuses any other request).
      expect(read.isDone()).toBe(true);
      expectNothingSent();
    },
  );

  it("shows the picked Pipeline's custom fields after its own inputs, labelled with their names", async () => {
    fieldsRead();
    const fields = await inputFieldsOf('creates.create_deal', { pipeline_id: PIPELINE_ID });
    expect(fields.map((f) => f.key).slice(0, STATIC_KEYS.length)).toEqual(STATIC_KEYS);
    // Not offered: the standard "name" (its own input), a drop-down whose options are not given, an address.
    expect(fields.slice(STATIC_KEYS.length)).toEqual(SALES_CUSTOM_INPUTS('skip it'));
  });

  it("with a Pipeline mapped from an earlier step, shows every pipeline's custom fields, one input per name", async () => {
    fieldsRead();
    const fields = await inputFieldsOf('creates.create_deal', { pipeline_id: '{{123__pipeline_id}}' });
    expect(fields.slice(STATIC_KEYS.length).map((f) => f.label)).toEqual([
      'Contract length',
      'Renewal date',
      'Auto-renew',
      'Account manager',
      'Handover notes',
      'Region',
      'Partner tier',
    ]);
  });

  it('offers a drop-down whose options the field list gives, and sends the option id (its label is accepted)', async () => {
    const withOptions = {
      ...DEAL_FIELDS,
      pipelines_tabs: [
        {
          tab_id: 't-sales',
          tab_name: 'Details',
          pipeline_id: PIPELINE_ID,
          // The contact fields' form of field_type (nimble.md §10.2), which the deal document does not type.
          members: [
            {
              type: 'field',
              field: {
                field_id: 'c-tier',
                field_name: 'Tier',
                field_type: {
                  field_kind: 'choice',
                  values: {
                    values: [
                      { id: '1', value: 'Gold' },
                      { id: '2', value: 'Silver' },
                    ],
                  },
                },
              },
            },
          ],
        },
      ],
    };
    offContract().get('/api/v2/deals/fields').twice().reply(200, withOptions);
    const fields = await inputFieldsOf('creates.create_deal', { pipeline_id: PIPELINE_ID });
    expect(fields.slice(STATIC_KEYS.length)).toEqual([
      {
        key: 'fields__tier',
        label: 'Tier',
        required: false,
        choices: [
          { value: '1', label: 'Gold', sample: '1' },
          { value: '2', label: 'Silver', sample: '2' },
        ],
        helpText: `One of its options: the deal's "Tier" field in Nimble. Leave empty to skip it.`,
      },
    ]);
    salesPipeline();
    api()
      .post('/api/v2/deals', {
        pipeline_id: PIPELINE_ID,
        stage_id: STAGE.qualified,
        owner_id: USER_ID,
        fields_values: { 'f-name': [{ value: 'X' }], 'c-tier': [{ value: '2' }] },
      })
      .reply(200, DEAL);
    await run.create(
      createDeal,
      { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID },
      { extra: { fields__tier: 'silver' } },
    );
    offContract().get('/api/v2/deals/fields').reply(200, withOptions);
    const err = await failureOf(
      run.create(
        createDeal,
        { pipeline_id: PIPELINE_ID, stage_id: STAGE.qualified, name: 'X', owner_id: USER_ID },
        { extra: { fields__tier: 'Platinum' } },
      ),
    );
    expect(err.message).toBe('Tier: must be one of its options (Gold, Silver).');
    expectNothingSent();
  });

  it("still shows the form's own inputs when Nimble's deal fields cannot be read", async () => {
    api().get('/api/v2/deals/fields').reply(500, { message: 'Internal error' });
    const fields = await inputFieldsOf('creates.create_deal', { pipeline_id: PIPELINE_ID });
    expect(fields.map((f) => f.key)).toEqual(STATIC_KEYS);
  });

  it('asks for a new token when the deal fields read finds it expired, rather than hiding the custom fields', async () => {
    api().get('/api/v2/deals/fields').reply(401, { message: "Can't authenticate request" });
    // Core's stale-auth check turns the 401 into a RefreshAuthError, which Zapier answers with a refresh.
    const err = await failureOf(inputFieldsOf('creates.create_deal', { pipeline_id: PIPELINE_ID }));
    expect(err.name).toBe('RefreshAuthError');
  });

  it('labels each custom output as its input is labelled', async () => {
    fieldsRead();
    const inputs = await inputFieldsOf('creates.create_deal', { pipeline_id: PIPELINE_ID });
    fieldsRead();
    const outputs = await outputFieldsOf('creates.create_deal');
    const custom = outputs.filter((f) => f.key.startsWith('fields__'));
    expect(custom).toEqual([
      { key: 'fields__contract_length', label: 'Contract length' },
      { key: 'fields__renewal_date', label: 'Renewal date' },
      { key: 'fields__auto_renew', label: 'Auto-renew' },
      { key: 'fields__account_manager', label: 'Account manager' },
      { key: 'fields__handover_notes', label: 'Handover notes' },
      { key: 'fields__region', label: 'Region' },
      // Outputs show what Nimble stores, fields a Zap cannot fill included.
      { key: 'fields__lead_source', label: 'Lead source' },
      { key: 'fields__office', label: 'Office' },
      { key: 'fields__partner_tier', label: 'Partner tier' },
    ]);
    for (const input of inputs.filter((f) => f.key.startsWith('fields__'))) {
      expect(custom.find((o) => o.key === input.key)?.label).toBe(input.label);
    }
  });
});
