import { failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import type { MethodRunner } from '@crm-zapier/kit';
import App from '../index';
import { CONTACT, DEAL, DEAL_NOTE, PIPELINE } from '../src/samples';
import { CONTACT_ID, SALES, STAGE, USER_ID, api, bundle, freshRun, unmatchedRequests, useEnv } from './helpers';

useNock();
useEnv();
const unmatched = unmatchedRequests();

const DEAL_ID = DEAL.deal_id;
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
const listing = (resources: unknown[]) => ({
  meta: { page: 1, pages: 1, per_page: 100, total: resources.length },
  resources,
});
const dealNamed = (deal_id: string, name: string, pipeline_id = PIPELINE.pipeline_id) => ({
  ...DEAL,
  deal_id,
  fields_values_with_names: [{ field_name: 'name', values: [{ value: name }] }],
  stage_transitions: { ...DEAL.stage_transitions, pipeline_id },
});

let run: MethodRunner;
beforeEach(() => {
  // Each test gets its own z.cache (the deal field ids are kept there).
  run = freshRun();
});

describe('Find or Create Contact (find, update or create)', () => {
  it('searches with the hidden exact search, then creates, or updates the found contact by its id', () => {
    expect(App.searchOrCreates!.find_contact).toEqual({
      key: 'find_contact',
      display: {
        label: 'Find or Create Contact',
        description: expect.stringMatching(
          /exactly an email, a name or a company name and updates it .* or creates one if none matches\. Stops with an error when several contacts match exactly\./,
        ),
      },
      search: 'find_contact_exact',
      create: 'create_contact',
      update: 'update_contact',
      updateInputFromSearchOutput: { contact_id: 'id' },
    });
    expect(App.searches.find_contact_exact.display.hidden).toBe(true);
    expect(App.searches.find_contact.display.hidden).toBeUndefined();
    // The keys it maps exist: the update's input and the search's output.
    const keys = (fields: unknown) => (fields as { key: string }[]).map((f) => f.key);
    expect(keys(App.creates.update_contact.operation.inputFields)).toContain('contact_id');
    expect(keys(App.searches.find_contact_exact.operation.outputFields)).toContain('id');
  });

  it("locks Create Contact per email and connection, the key rendered from a run's input", () => {
    const lock = App.creates.create_contact.operation.lock!;
    expect(lock).toMatchObject({ scope: ['auth'], timeout: 60 });
    expect(renderKey(lock.key, bundle({ first_name: 'Ada', email: 'ada@example.com', email_type: 'work' }))).toBe(
      'nimble:create_contact:ada@example.com',
    );
    expect(renderKey(lock.key, bundle({ record_type: 'company', company_name: 'X', email: 'x@y.z' }))).toBe(
      'nimble:create_contact:x@y.z',
    );
    // Only a create is locked: the search and the update may run side by side.
    expect(App.creates.update_contact.operation.lock).toBeUndefined();
  });

  it('shows the contact forms in sections, the dynamic fields in Social Profiles or Other', async () => {
    for (const key of ['create_contact', 'update_contact'] as const) {
      const op = App.creates[key].operation;
      expect(op.inputFieldGroups!.map((g) => g.key)).toEqual(['name', 'contact', 'address', 'social', 'custom']);
      const grouped = (op.inputFields as { key?: string; group?: string }[]).filter((f) => f.group);
      expect(grouped.map((f) => `${f.group}:${f.key}`)).toEqual(
        expect.arrayContaining(['name:first_name', 'contact:email', 'contact:phone_mobile', 'address:address_city']),
      );
    }
    api()
      .get('/api/v1/contacts/fields')
      .reply(200, {
        tabs: [
          {
            tab_name: 'Contact Info',
            members: [
              { type: 'field', name: 'linkedin', field_id: 'a1', field_type: { field_kind: 'string' } },
              { type: 'field', name: 'lead status', field_id: 'a2', field_type: { field_kind: 'string' } },
            ],
          },
        ],
      });
    const fields = (await run('creates.create_contact.operation.inputFields', bundle())) as {
      key: string;
      group?: string;
    }[];
    expect(fields.filter((f) => f.key.startsWith('fields__')).map((f) => [f.key, f.group])).toEqual([
      ['fields__linkedin', 'social'],
      ['fields__lead status', 'custom'],
    ]);
  });
});

describe('Add Tags to Contact', () => {
  it("nimble.md §1b: reads the contact's tags, then sets them with the new ones added once; the contact answered is the output (2 requests)", async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, {
        resources: [
          {
            ...CONTACT,
            tags: [
              { tag: 'csv import', id: 't1' },
              { tag: 'VIP', id: 't2' },
            ],
          },
        ],
      });
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['csv import', 'VIP', 'speaker'] })
      .matchHeader('content-type', 'application/json')
      .reply(200, { ...CONTACT, tags: ['csv import', 'VIP', 'speaker'] });
    const out = await run(
      'creates.add_contact_tags.operation.perform',
      bundle({ contact_id: CONTACT_ID, tags: ['vip', ' speaker ', 'speaker'] }),
    );
    expect(out).toMatchObject({ id: CONTACT_ID, tags: ['csv import', 'VIP', 'speaker'] });
  });

  it("nimble.md §1b: on the legacy docs' {} answer, outputs the contact read before with the tags set (no third request)", async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [CONTACT] });
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['csv import', 'speaker'] })
      .reply(200, {});
    const out = await run(
      'creates.add_contact_tags.operation.perform',
      bundle({ contact_id: CONTACT_ID, tags: ['speaker'] }),
    );
    expect(out).toMatchObject({ id: CONTACT_ID, name: 'Amayak Akopyan', tags: ['csv import', 'speaker'] });
    expect(unmatched).toEqual([]);
  });

  it("nimble.md §1b: Replace on the legacy docs' {} answer reads the contact back for the output (2 requests)", async () => {
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['lead'] })
      .reply(200, {});
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [{ ...CONTACT, tags: [{ tag: 'lead', id: 't9' }] }] });
    const out = await run(
      'creates.add_contact_tags.operation.perform',
      bundle({ contact_id: CONTACT_ID, tags: 'lead', mode: 'replace' }),
    );
    expect(out).toMatchObject({ id: CONTACT_ID, name: 'Amayak Akopyan', tags: ['lead'] });
  });

  it('replaces the tags in one request when asked to (the contact answered)', async () => {
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['lead'] })
      .reply(200, { ...CONTACT, tags: ['lead'] });
    await run(
      'creates.add_contact_tags.operation.perform',
      bundle({ contact_id: CONTACT_ID, tags: 'lead', mode: 'replace' }),
    );
  });

  it('names the contact Nimble could not find', async () => {
    api().get(`/api/v1/contact/${CONTACT_ID}`).reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(
      run('creates.add_contact_tags.operation.perform', bundle({ contact_id: CONTACT_ID, tags: ['x'] })),
    );
    expect(err.message).toMatch(`Nimble could not find the contact with ID ${CONTACT_ID}`);
  });

  it.each([
    [{ contact_id: CONTACT_ID, tags: ['  '] }, /Tags \(tags\): needs at least one tag/],
    [{ contact_id: 'a/b', tags: ['x'] }, /Contact ID \(contact_id\): must be an id/],
    [{ contact_id: CONTACT_ID, tags: ['x'], mode: 'merge' }, /Existing Tags \(mode\)/],
  ])('rejects %j before any request', async (inputData, message) => {
    const err = await failureOf(run('creates.add_contact_tags.operation.perform', bundle(inputData)));
    expect(err.message).toMatch(message);
    expect(unmatched).toEqual([]);
  });
});

describe('Update Deal', () => {
  /** The deal (in Sales) and its pipeline, read before a stage change (nimble.md §12.3). */
  const dealAndPipeline = () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(200, DEAL);
    api().get(`/api/v2/deals/pipelines/${PIPELINE.pipeline_id}`).reply(200, SALES);
  };

  it('has no Pipeline input: a deal stays in its pipeline (nimble.md §12.3)', () => {
    const keys = (App.creates.update_deal.operation.inputFields as { key?: string }[]).map((f) => f.key);
    expect(keys).not.toContain('pipeline_id');
    expect(keys).toEqual(expect.arrayContaining(['deal_id', 'stage_id']));
  });

  it("nimble.md §12.3: moves to a stage of the deal's pipeline (checked first) and changes only the fields given, keyed by field id", async () => {
    dealAndPipeline();
    api().get('/api/v2/deals/fields').once().reply(200, STANDARD_FIELDS);
    api()
      .put(`/api/v2/deals/${DEAL_ID}`, {
        stage_id: STAGE.proposal,
        fields_values: { 'f-amount': [{ value: '30000' }], 'f-close': [{ value: '2030-07-15' }] },
      })
      .reply(200, DEAL);
    const out = await run(
      'creates.update_deal.operation.perform',
      bundle({
        deal_id: DEAL_ID,
        stage_id: STAGE.proposal,
        amount: '30000',
        expected_close_date: '2030-07-15T10:00:00Z',
      }),
    );
    expect(out).toMatchObject({ id: DEAL_ID, deal_id: DEAL_ID, name: 'Nimble renewal 2024' });
  });

  it('nimble.md §12.3: sends the stage alone, without a pipeline_id and without reading the deal fields', async () => {
    dealAndPipeline();
    api().put(`/api/v2/deals/${DEAL_ID}`, { stage_id: STAGE.proposal }).reply(200, DEAL);
    await run(
      'creates.update_deal.operation.perform',
      // A Pipeline left in an older Zap's input is not sent.
      bundle({ deal_id: DEAL_ID, pipeline_id: 'p-other', stage_id: STAGE.proposal }),
    );
  });

  it.each([
    [STAGE.won, '"Won" is a final (won or lost) stage, which Nimble sets itself'],
    [STAGE.lost, '"Lost" is a final (won or lost) stage'],
    [STAGE.old, '"Old stage" is archived in Nimble'],
    [
      '62fd6587048065ca3510c6e1',
      'is not a stage of the deal\'s pipeline "Sales": pick one of its stages (a deal stays in its pipeline)',
    ],
  ])('nimble.md §12.3: refuses stage %s, naming the field, before any write', async (stage_id, said) => {
    dealAndPipeline();
    const err = await failureOf(
      run('creates.update_deal.operation.perform', bundle({ deal_id: DEAL_ID, stage_id, name: 'X' })),
    );
    expect(err.message).toContain(`Please check your input: Stage (stage_id): ${said}`);
    expect(unmatched).toEqual([]);
  });

  it('changes the currency alone', async () => {
    api().put(`/api/v2/deals/${DEAL_ID}`, { currency: 'EUR' }).reply(200, DEAL);
    await run('creates.update_deal.operation.perform', bundle({ deal_id: DEAL_ID, currency: 'eur' }));
  });

  it("names the fields of Nimble's 409 and the deal of its 404", async () => {
    api().get('/api/v2/deals/fields').reply(200, STANDARD_FIELDS);
    api()
      .put(`/api/v2/deals/${DEAL_ID}`)
      .reply(409, {
        message: 'Invalid request',
        code: 245,
        errors: { '/fields_values/probability': { message: 'is required' } },
      });
    const invalid = await failureOf(
      run('creates.update_deal.operation.perform', bundle({ deal_id: DEAL_ID, name: 'X' })),
    );
    expect(invalid.message).toMatch(/HTTP 409\): fields_values\/probability: is required/);
    api().put(`/api/v2/deals/${DEAL_ID}`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    const missing = await failureOf(
      run('creates.update_deal.operation.perform', bundle({ deal_id: DEAL_ID, currency: 'USD' })),
    );
    expect(missing.message).toMatch(`Nimble could not find the deal with ID ${DEAL_ID}`);
  });

  it.each([
    [{ deal_id: DEAL_ID }, /at least one field to change/],
    [{ deal_id: DEAL_ID, stage_id: 'a b' }, /Stage \(stage_id\): must be an id/],
    [{ deal_id: DEAL_ID, amount: '-5' }, /Amount \(amount\): must be 0 or more/],
    [{ deal_id: DEAL_ID, probability: '120' }, /Probability \(%\) \(probability\): must be 0 to 100/],
    [{ deal_id: DEAL_ID, currency: 'dollars' }, /Currency \(currency\): must be a three-letter currency code/],
    [{ deal_id: DEAL_ID, expected_close_date: 'soon' }, /Expected Close Date/],
    [{ name: 'X' }, /Deal \(deal_id\) is missing/],
  ])('rejects %j before any request', async (inputData, message) => {
    const err = await failureOf(run('creates.update_deal.operation.perform', bundle(inputData)));
    expect(err.message).toMatch(message);
    expect(unmatched).toEqual([]);
  });
});

describe('Find Deal', () => {
  it('gets a deal by id', async () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(200, DEAL);
    const out = (await run('searches.find_deal.operation.perform', bundle({ deal_id: DEAL_ID }))) as {
      id: string;
    }[];
    expect(out.map((d) => d.id)).toEqual([DEAL_ID]);
  });

  it('finds nothing (not an error) for an id Nimble does not know', async () => {
    api().get(`/api/v2/deals/${DEAL_ID}`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    expect(await run('searches.find_deal.operation.perform', bundle({ deal_id: DEAL_ID }))).toEqual([]);
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
    const out = (await run(
      'searches.find_deal.operation.perform',
      bundle({ name: 'nimble renewal', pipeline_id: PIPELINE.pipeline_id }),
    )) as { id: string }[];
    expect(out.map((d) => d.id)).toEqual(['d3', 'd1']);
  });

  it.each([
    [{}, /Deal Name \(name\): Enter a Deal ID or a Deal Name/],
    [{ deal_id: DEAL_ID, name: 'x' }, /Deal ID \(deal_id\): can't be combined/],
    [{ deal_id: 'a b' }, /Deal ID \(deal_id\): must be an id/],
  ])('rejects %j before any request', async (inputData, message) => {
    const err = await failureOf(run('searches.find_deal.operation.perform', bundle(inputData)));
    expect(err.message).toMatch(message);
    expect(unmatched).toEqual([]);
  });
});

describe('Create Deal Note', () => {
  it('posts the title and body to the deal and names the deal in the output', async () => {
    api()
      .post(`/api/v2/deals/${DEAL_ID}/notes`, { title: 'Call recap', body: 'Discussed pricing.' })
      .matchHeader('content-type', 'application/json')
      .reply(201, DEAL_NOTE);
    const out = await run(
      'creates.create_deal_note.operation.perform',
      bundle({ deal_id: DEAL_ID, title: ' Call recap ', body: 'Discussed pricing.' }),
    );
    expect(out).toEqual({
      id: DEAL_NOTE.note_id,
      note_id: DEAL_NOTE.note_id,
      deal_id: DEAL_ID,
      title: 'Call recap',
      body: DEAL_NOTE.body,
      creator_id: USER_ID,
      creator_name: 'John Doe',
      created: DEAL_NOTE.created,
      updated: DEAL_NOTE.updated,
    });
  });

  it('sends the title alone when there is no text', async () => {
    api().post(`/api/v2/deals/${DEAL_ID}/notes`, { title: 'Signed' }).reply(201, DEAL_NOTE);
    await run('creates.create_deal_note.operation.perform', bundle({ deal_id: DEAL_ID, title: 'Signed' }));
  });

  it('names the deal Nimble could not find', async () => {
    api().post(`/api/v2/deals/${DEAL_ID}/notes`).reply(404, { object_type: 'deal', object_id: DEAL_ID });
    const err = await failureOf(
      run('creates.create_deal_note.operation.perform', bundle({ deal_id: DEAL_ID, title: 'x' })),
    );
    expect(err.message).toMatch(`Nimble could not find the deal with ID ${DEAL_ID}`);
  });

  it.each([
    [{ deal_id: DEAL_ID, title: ' ' }, /Title \(title\)/],
    [{ deal_id: DEAL_ID, title: 'x'.repeat(257) }, /Title \(title\): must be at most 256 characters/],
    [{ title: 'x' }, /Deal \(deal_id\) is missing/],
  ])('rejects %j before any request', async (inputData, message) => {
    const err = await failureOf(run('creates.create_deal_note.operation.perform', bundle(inputData)));
    expect(err.message).toMatch(message);
    expect(unmatched).toEqual([]);
  });
});

describe('deal dropdown (list_deals)', () => {
  it('lists the most recently changed deals in one request, labelled with pipeline and stage', async () => {
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(200, listing([DEAL]));
    expect(await run('triggers.list_deals.operation.perform', bundle())).toEqual([
      { id: DEAL_ID, name: 'Nimble renewal 2024 (Sales / Qualified)' },
    ]);
  });
});
