import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import nimbleApp from 'nimble';
import { createNimbleSimulator, type NimbleSimulator, type NimbleSimulatorOptions } from '../src/simulators/nimble';
import { nimblePlan } from '../src/tour/nimble.plan';
import { runSearchOrCreate } from '../src/searchOrCreate';
import { runPlan } from '../src/tour/tour.lib';

describe('Nimble against its simulator, through the runtime', () => {
  it('runs every operation of the tour, from the code exchange to a refresh', async () => {
    const plan = nimblePlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.map((r) => r.step)).toEqual(
        expect.arrayContaining([
          'oauth authorize',
          'oauth getAccessToken',
          'auth test',
          'list_pipelines',
          'list_stages',
          'list_contacts',
          'list_contacts page 2',
          'new_contact',
          'updated_contact',
          'new_deal',
          'find_contact',
          'create_contact',
          'update_contact',
          'update_contact company',
          'find_contact_exact',
          'create_note',
          'create_task',
          'create_deal',
          'create_deal again',
          'list_deals',
          'find_deal',
          'find_deal by id',
          'add_contact_tags',
          'update_deal',
          'create_deal_note',
          'find_or_create (miss: create)',
          'find_or_create (hit: update)',
          'oauth refreshAccessToken',
          'auth test after refresh',
        ]),
      );
      const requests = Object.fromEntries(results.map((r) => [r.step, r.requests]));
      // One request per poll, dropdown page and action. The code exchange also reads the user's id
      // (kept in authData); Create Deal reads the pipeline to check the stage (nimble.md §12.3) and, the
      // first time, the deal field ids, which z.cache then keeps.
      expect(requests).toMatchObject({
        'oauth getAccessToken': 2,
        list_contacts: 1,
        'list_contacts page 2': 1,
        // The first contact poll also reads the drop-down fields' options (z.cache keeps them).
        new_contact: 2,
        updated_contact: 1,
        new_deal: 1,
        find_contact: 1,
        create_contact: 1,
        update_contact: 1,
        // Company Name depends on the contact's type: the contact is read first.
        'update_contact company': 2,
        find_contact_exact: 1,
        create_note: 1,
        create_task: 1,
        create_deal: 3,
        'create_deal again': 2,
        list_deals: 1,
        find_deal: 1,
        'find_deal by id': 1,
        // The tags endpoint replaces the set: the contact's tags are read first.
        add_contact_tags: 2,
        // A stage change reads the deal and its pipeline first (§12.3); the field ids are in z.cache.
        update_deal: 3,
        create_deal_note: 1,
        // A search, then the create or the update.
        'find_or_create (miss: create)': 2,
        'find_or_create (hit: update)': 2,
      });
      // The id stored at connection time is the one the auth test reports.
      const resultOf = (step: string) => results.find((r) => r.step === step)!.result as Record<string, unknown>;
      expect(resultOf('oauth getAccessToken').user_id).toBe(resultOf('auth test').user_id);
      expect(plan.authData.user_id).toBe(resultOf('auth test').user_id);
    } finally {
      await plan.server.stop();
    }
  });

  describe('OAuth2 and operations', () => {
    let sim: NimbleSimulator;
    const run = appRunner(nimbleApp);
    const keys = ['NIMBLE_BASE_URL', 'CLIENT_ID', 'CLIENT_SECRET'];
    const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));

    const start = async (options: NimbleSimulatorOptions = {}) => {
      sim = createNimbleSimulator(options);
      process.env.NIMBLE_BASE_URL = await sim.server.start();
      process.env.CLIENT_ID = sim.client.clientId;
      process.env.CLIENT_SECRET = sim.client.clientSecret;
    };
    afterEach(async () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await sim.server.stop();
    });

    /** The whole browser round trip over HTTP, then the code exchange through the runtime. */
    const connect = async (): Promise<Record<string, string>> => {
      const url = (await run(
        'authentication.oauth2Config.authorizeUrl',
        makeBundle({}, { redirect_uri: sim.client.redirectUri, state: 'st-1' }),
      )) as string;
      const answer = await fetch(url, { redirect: 'manual' });
      expect(answer.status).toBe(302);
      const back = new URL(answer.headers.get('location')!);
      expect(back.searchParams.get('state')).toBe('st-1');
      return (await run(
        'authentication.oauth2Config.getAccessToken',
        makeBundle({}, { code: back.searchParams.get('code'), redirect_uri: sim.client.redirectUri, state: 'st-1' }),
      )) as Record<string, string>;
    };

    const waitPast = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it.each([401, 403] as const)(
      'refreshes an expired access token (refused with %i) and the operation then succeeds',
      async (staleTokenStatus) => {
        // The token is dead by the time the step runs, however slow this machine is.
        const options = { accessTokenLifetimeSeconds: 0.3, staleTokenStatus };
        await start(options);
        let authData = await connect();
        await waitPast(400);
        // Tokens issued from now on live Nimble's usual ten minutes: the rest of the test races no clock.
        options.accessTokenLifetimeSeconds = 599;

        // What Zapier does: the step fails with RefreshAuthError, it refreshes, then retries.
        const stale = await failureOf(run('triggers.new_contact.operation.perform', makeBundle(authData, {})));
        expect(stale.name).toBe('RefreshAuthError');
        const refreshed = (await run(
          'authentication.oauth2Config.refreshAccessToken',
          makeBundle(authData, {}),
        )) as Record<string, string>;
        expect(refreshed.access_token).not.toBe(authData.access_token);
        expect(refreshed.refresh_token).not.toBe(authData.refresh_token);
        const oldRefresh = authData.refresh_token!;
        authData = { ...authData, ...refreshed };
        const deals = (await run('triggers.new_deal.operation.perform', makeBundle(authData, {}))) as unknown[];
        expect(deals.length).toBeGreaterThan(0);

        // The rotated-out refresh token is dead: reusing it asks the user to reconnect.
        const reused = await failureOf(
          run(
            'authentication.oauth2Config.refreshAccessToken',
            makeBundle({ ...authData, refresh_token: oldRefresh }, {}),
          ),
        );
        expect(reused.name).toBe('ExpiredAuthError');
        expect(reused.raw).not.toContain(oldRefresh);
        expect(reused.raw).not.toContain(sim.client.clientSecret);
      },
    );

    it('creates a contact, finds it by email, sees it in New Contact, and the update in Updated Contact', async () => {
      await start();
      const authData = await connect();
      const bundle = (inputData: Record<string, unknown>) => makeBundle(authData, inputData);
      const created = (await run(
        'creates.create_contact.operation.perform',
        bundle({
          first_name: 'Grace',
          last_name: 'Hopper',
          email: 'grace@navy.example',
          'fields__Contract Value': '12.5',
        }),
      )) as Record<string, unknown>;
      expect(created).toMatchObject({
        name: 'Grace Hopper',
        email_work: 'grace@navy.example',
        'fields__Contract Value': '12.5',
      });

      const found = (await run('searches.find_contact.operation.perform', bundle({ email: 'grace@navy.example' }))) as {
        id: string;
      }[];
      expect(found.map((c) => c.id)).toEqual([created.id]);
      // Name searches match whole words (nimble.md §8.3 `contain`), case and punctuation aside: "grace" and
      // "Hopper, Grace" find her, "Grac" does not.
      const byName = async (name: string) =>
        ((await run('searches.find_contact.operation.perform', bundle({ name }))) as { id: string }[]).map((c) => c.id);
      expect([await byName('grace'), await byName('Hopper, Grace'), await byName('Grac')]).toEqual([
        [created.id],
        [created.id],
        [],
      ]);
      const newest = (await run('triggers.new_contact.operation.perform', bundle({}))) as { id: string }[];
      expect(newest[0]!.id).toBe(created.id);

      await run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: created.id, mode: 'replace', email: 'grace@example.com', email_type: 'personal' }),
      );
      const updates = (await run('triggers.updated_contact.operation.perform', bundle({}))) as Record<
        string,
        unknown
      >[];
      expect(updates[0]).toMatchObject({
        contact_id: created.id,
        emails: ['grace@example.com'],
        email_personal: 'grace@example.com',
      });
      expect(updates[0]!.id).toMatch(new RegExp(`^${String(created.id)}-\\d+$`));
    });

    it("shows the simulator's 409 naming the field, and its 402 as a plan limit", async () => {
      await start({ contactLimit: 3 });
      const authData = await connect();
      const invalid = await failureOf(
        run(
          'creates.create_contact.operation.perform',
          makeBundle(authData, { first_name: 'X', 'fields__Customer Tier': '9' }),
        ),
      );
      expect(invalid.message).toMatch(/rejected the request: Customer Tier: "9" is not the id of a choice/);
      const limited = await failureOf(
        run('creates.create_contact.operation.perform', makeBundle(authData, { first_name: 'X' })),
      );
      expect(limited.message).toMatch(
        /plan's limit is reached: You have created the maximum number of contact records/,
      );
    });

    describe('Find or Create Contact', () => {
      const findOrCreate = async (
        search: Record<string, unknown>,
        create: Record<string, unknown>,
        update?: Record<string, unknown>,
      ) => {
        const authData = sim.connect() as unknown as Record<string, string>;
        return runSearchOrCreate(nimbleApp, 'find_contact', run, makeBundle(authData, {}), { search, create, update });
      };

      it('creates on a miss', async () => {
        await start();
        const out = await findOrCreate(
          { email: 'linus@example.com' },
          { first_name: 'Linus', email: 'linus@example.com' },
          { phone_work: '1' },
        );
        expect(out).toMatchObject({ path: 'created', matches: 0, result: { first_name: 'Linus' } });
        expect(sim.contacts.filter((c) => c.fields.email?.[0]?.value === 'linus@example.com')).toHaveLength(1);
      });

      it('updates the found contact on a hit with its id, changing only the fields given', async () => {
        await start();
        const jon = sim.seeded.jon;
        const before = JSON.parse(JSON.stringify(jon.fields)) as typeof jon.fields;
        const count = sim.contacts.length;
        const out = await findOrCreate(
          { email: 'jon@nimble.com' },
          { first_name: 'Jon', email: 'jon@nimble.com' },
          { phone_mobile: '+1 555 0100' },
        );
        expect(out).toMatchObject({ path: 'updated', matches: 1, result: { id: jon.id, phone_mobile: '+1 555 0100' } });
        expect(sim.contacts).toHaveLength(count);
        expect(jon.fields).toEqual({ ...before, phone: [{ value: '+1 555 0100', modifier: 'mobile' }] });
      });

      it('updates the contact whose whole name is the name searched', async () => {
        await start();
        const jon = sim.seeded.jon;
        const out = await findOrCreate(
          { name: 'jon ferrara' },
          { first_name: 'Jon', last_name: 'Ferrara' },
          { phone_mobile: '+1 555 0100' },
        );
        expect(out).toMatchObject({ path: 'updated', matches: 1, result: { id: jon.id } });
      });

      it('does not update John Doe when the name searched is "Doe": it creates', async () => {
        await start();
        const authData = sim.connect() as unknown as Record<string, string>;
        for (const first_name of ['John', 'Jane']) {
          await run('creates.create_contact.operation.perform', makeBundle(authData, { first_name, last_name: 'Doe' }));
        }
        const does = sim.contacts.filter((c) => c.fields['last name']?.[0]?.value === 'Doe');
        const before = structuredClone(does.map((c) => c.fields));
        const out = await findOrCreate({ name: 'Doe' }, { last_name: 'Doe' }, { title: 'Found' });
        expect(out).toMatchObject({ path: 'created', matches: 0, result: { name: 'Doe' } });
        expect(does.map((c) => c.fields)).toEqual(before);
      });

      it('stops on free text before any request', async () => {
        await start();
        const before = structuredClone(sim.contacts);
        const requests = sim.server.requests.length;
        const err = await failureOf(findOrCreate({ keyword: 'Doe' }, { last_name: 'Doe' }, { title: 'Found' }));
        expect(err.message).toMatch(/Free Text: can't be used to find the contact to update/);
        expect(sim.server.requests.length).toBe(requests);
        expect(sim.contacts).toEqual(before);
      });

      it('stops with a clear error when several contacts match exactly, changing none', async () => {
        await start();
        const authData = sim.connect() as unknown as Record<string, string>;
        for (const first_name of ['Ann', 'Bob']) {
          await run(
            'creates.create_contact.operation.perform',
            makeBundle(authData, { first_name, last_name: 'Twin', email: 'twins@example.com' }),
          );
        }
        const before = structuredClone(sim.contacts);
        const err = await failureOf(
          findOrCreate(
            { email: 'twins@example.com' },
            { first_name: 'Cy', email: 'twins@example.com' },
            { title: 'Found', company_name: 'Twins Inc' },
          ),
        );
        expect(err.message).toBe(
          '2 contacts in Nimble have email twins@example.com, so Find or Create Contact cannot tell which one to update. Search by a value only one contact has (like an email address), or pick the contact in an Update Contact step.',
        );
        expect(sim.contacts).toEqual(before);
      });
    });

    it("updates a company's own name with Company Name (its type read from Nimble), never as an employer", async () => {
      await start();
      const authData = sim.connect() as unknown as Record<string, string>;
      const company = sim.seeded.nimbleCo;
      const out = await run(
        'creates.update_contact.operation.perform',
        makeBundle(authData, { contact_id: company.id, company_name: 'Nimble CRM' }),
      );
      expect(out).toMatchObject({ id: company.id, record_type: 'company', name: 'Nimble CRM' });
      expect(company.record_type).toBe('company');
      expect(company.fields['company name']).toEqual([{ value: 'Nimble CRM', modifier: '' }]);
      expect(company.fields['contact employment']).toBeUndefined();
    });

    it('adds tags, moves a deal to another stage of its pipeline (only what is given changes) and notes it', async () => {
      await start();
      const authData = await connect();
      const bundle = (inputData: Record<string, unknown>) => makeBundle(authData, inputData);
      const maria = sim.seeded.maria;
      // The simulator answers the tags endpoint with {} (the legacy docs): the output is still the contact.
      const tagged = (await run(
        'creates.add_contact_tags.operation.perform',
        bundle({ contact_id: maria.id, tags: ['VIP', 'CSV import'] }),
      )) as { tags: string[] };
      expect(tagged.tags).toEqual(['csv import', 'VIP']);
      expect(maria.tags).toEqual(['csv import', 'VIP']);

      const deal = sim.deals[0]!;
      const pipeline = sim.pipelines[0]!;
      const proposal = pipeline.stages.find((s) => s.name === 'Proposal')!;
      const moved = (await run(
        'creates.update_deal.operation.perform',
        bundle({ deal_id: deal.deal_id, stage_id: proposal.stage_id, probability: 90 }),
      )) as Record<string, unknown>;
      expect(moved).toMatchObject({ stage_name: 'Proposal', probability: 90, name: 'Nimble renewal', amount: 10000 });
      expect(deal.values).toEqual({ name: 'Nimble renewal', amount: '10000', probability: '90' });
      const found = (await run('searches.find_deal.operation.perform', bundle({ name: 'Renewal' }))) as {
        id: string;
        stage_name: string;
      }[];
      expect(found.map((d) => [d.id, d.stage_name])).toEqual([[deal.deal_id, 'Proposal']]);
      const note = await run(
        'creates.create_deal_note.operation.perform',
        bundle({ deal_id: deal.deal_id, title: 'Proposal', body: 'Sent.' }),
      );
      expect(note).toMatchObject({ deal_id: deal.deal_id, title: 'Proposal', body: 'Sent.' });
      expect(sim.dealNotes).toHaveLength(1);

      const missing = await failureOf(
        run('creates.create_deal_note.operation.perform', bundle({ deal_id: '0'.repeat(24), title: 'x' })),
      );
      expect(missing.message).toMatch(/^Nimble could not find this deal: it may have been deleted/);
      expect(await run('searches.find_deal.operation.perform', bundle({ deal_id: '0'.repeat(24) }))).toEqual([]);
    });

    it('Deal Stage Changed reports a move once (an edit is not one), in its pipeline and stage, one request a poll', async () => {
      await start();
      const authData = await connect();
      const poll = (inputData: Record<string, unknown>) =>
        run('triggers.deal_stage_changed.operation.perform', makeBundle(authData, inputData)) as Promise<
          Record<string, unknown>[]
        >;
      const pipeline = sim.pipelines[0]!;
      const proposal = pipeline.stages.find((s) => s.name === 'Proposal')!;
      // The seeded deals were never moved.
      expect(await poll({})).toEqual([]);

      const deal = sim.deals[0]!;
      await run(
        'creates.update_deal.operation.perform',
        makeBundle(authData, { deal_id: deal.deal_id, stage_id: proposal.stage_id, probability: 60 }),
      );
      const requests = sim.server.requests.length;
      const [move] = await poll({ pipeline_id: pipeline.pipeline_id, stage_id: proposal.stage_id });
      expect(sim.server.requests.slice(requests)).toEqual([
        `GET /api/v2/deals/pipelines/${pipeline.pipeline_id}/deals`,
      ]);
      expect(move).toMatchObject({ deal_id: deal.deal_id, stage_name: 'Proposal', previous_stage_name: 'Qualified' });

      // An edit that is not a move keeps the event's id: Zapier does not fire again.
      await run(
        'creates.update_deal.operation.perform',
        makeBundle(authData, { deal_id: deal.deal_id, amount: 12000 }),
      );
      const [again] = await poll({});
      expect(again).toMatchObject({ id: move!.id, amount: 12000 });
      // Another stage: nothing.
      expect(await poll({ pipeline_id: pipeline.pipeline_id, stage_id: pipeline.stages[0]!.stage_id })).toEqual([]);
    });

    it('creates a deal in a stage without a default probability only with a probability', async () => {
      await start();
      const authData = await connect();
      const proposal = sim.pipelines[0]!.stages[1]!;
      const input = { pipeline_id: sim.pipelines[0]!.pipeline_id, stage_id: proposal.stage_id, name: 'No odds' };
      const requests = sim.server.requests.length;
      const err = await failureOf(run('creates.create_deal.operation.perform', makeBundle(authData, input)));
      expect(err.message).toBe('Probability (%): is needed: the stage "Proposal" has no default probability.');
      // Refused after reading the pipeline, before any write.
      expect(sim.server.requests.slice(requests)).toEqual([`GET /api/v2/deals/pipelines/${input.pipeline_id}`]);
      const deal = await run(
        'creates.create_deal.operation.perform',
        makeBundle(authData, { ...input, probability: 35 }),
      );
      expect(deal).toMatchObject({ name: 'No odds', probability: 35, stage_name: 'Proposal', currency: 'USD' });
    });

    describe('the simulator answers as nimble.md says Nimble does', () => {
      /** One request straight to the simulator, with a token it issued. */
      const call = async (method: string, path: string, body?: unknown) => {
        const { access_token } = sim.connect();
        const res = await fetch(`${process.env.NIMBLE_BASE_URL}${path}`, {
          method,
          headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const authData = () => sim.connect() as unknown as Record<string, string>;
      const emails = (c: { fields: Record<string, { value: string; modifier: string }[]> }) =>
        (c.fields.email ?? []).map((v) => `${v.modifier}:${v.value}`);

      it('nimble.md §7.4 C6: replaces on ?replace=1 (legacy docs) or ?type=1 (OpenAPI), extends on 0, refuses flags that disagree', async () => {
        await start();
        const jon = sim.seeded.jon;
        const personal = { fields: { email: [{ value: 'jon@home.example', modifier: 'personal' }] } };
        expect((await call('PUT', `/api/v1/contact/${jon.id}?replace=0`, personal)).status).toBe(200);
        expect(emails(jon)).toEqual(['work:jon@nimble.com', 'personal:jon@home.example']);
        expect((await call('PUT', `/api/v1/contact/${jon.id}?replace=1`, personal)).status).toBe(200);
        expect(emails(jon)).toEqual(['personal:jon@home.example']);
        const work = { fields: { email: [{ value: 'jon@nimble.com', modifier: 'work' }] } };
        expect((await call('PUT', `/api/v1/contact/${jon.id}?type=0`, work)).status).toBe(200);
        expect((await call('PUT', `/api/v1/contact/${jon.id}?type=1`, work)).status).toBe(200);
        expect(emails(jon)).toEqual(['work:jon@nimble.com']);
        const clash = await call('PUT', `/api/v1/contact/${jon.id}?type=1&replace=0`, personal);
        expect(clash).toMatchObject({
          status: 409,
          body: { errors: { replace: { message: 'type and replace disagree' } } },
        });
      });

      it("nimble.md §7.4 C6: Update Contact's Replace leaves only the value given", async () => {
        await start();
        const jon = sim.seeded.jon;
        await run(
          'creates.update_contact.operation.perform',
          makeBundle(authData(), { contact_id: jon.id, mode: 'replace', email: 'ceo@nimble.com', email_type: 'other' }),
        );
        expect(emails(jon)).toEqual(['other:ceo@nimble.com']);
      });

      it("nimble.md §7.2: a Job Title alone changes the person's one employment (the company and dates stay), it adds none", async () => {
        await start();
        const jon = sim.seeded.jon;
        const out = await run(
          'creates.update_contact.operation.perform',
          makeBundle(authData(), { contact_id: jon.id, title: 'Founder' }),
        );
        expect(out).toMatchObject({ title: 'Founder', company_name: 'Nimble' });
        expect(jon.fields['contact employment']).toEqual([
          { value: '{"company_name":"Nimble","title":"Founder","is_present":true}', modifier: '', is_primary: true },
        ]);
      });

      it.each(['empty', 'contact'] as const)(
        'nimble.md §1b: the tags endpoint answers as configured (%s; {} by default, the legacy docs), and Add Tags outputs the contact',
        async (tagsAnswer) => {
          await start(tagsAnswer === 'contact' ? { tagsAnswer } : {});
          const maria = sim.seeded.maria;
          const answer = await call('PUT', `/api/v1/contacts/${maria.id}/tags`, { tags: ['a'] });
          expect(answer.status).toBe(200);
          if (tagsAnswer === 'empty') expect(answer.body).toEqual({});
          else expect(answer.body).toMatchObject({ id: maria.id, tags: ['a'] });
          const before = sim.server.requests.length;
          const out = await run(
            'creates.add_contact_tags.operation.perform',
            makeBundle(authData(), { contact_id: maria.id, tags: ['lead'], mode: 'replace' }),
          );
          expect(out).toMatchObject({ id: maria.id, name: 'Maria Lopez', tags: ['lead'] });
          // The contact is read back only when the answer is {}.
          expect(sim.server.requests.slice(before)).toEqual([
            `PUT /api/v1/contacts/${maria.id}/tags`,
            ...(tagsAnswer === 'empty' ? [`GET /api/v1/contact/${maria.id}`] : []),
          ]);
        },
      );

      it("nimble.md §12.3: a new deal needs a non-final stage; a stage change stays in the deal's pipeline and is never won or lost", async () => {
        await start();
        const [sales, partners] = sim.pipelines as [(typeof sim.pipelines)[0], (typeof sim.pipelines)[0]];
        const stage = (name: string) => sales.stages.find((st) => st.name === name)!.stage_id;
        const create = {
          owner_id: sim.user.user_id,
          pipeline_id: sales.pipeline_id,
          stage_id: stage('Won'),
          fields_values: { name: [{ value: 'Won already' }] },
        };
        expect(await call('POST', '/api/v2/deals', create)).toMatchObject({
          status: 409,
          body: { errors: { '/stage_id': { message: 'a new deal needs a non-final stage' } } },
        });
        const deal = sim.deals[0]!;
        const put = (body: unknown) => call('PUT', `/api/v2/deals/${deal.deal_id}`, body);
        expect(await put({ stage_id: stage('Lost') })).toMatchObject({
          status: 409,
          body: { errors: { '/stage_id': { message: 'a stage change cannot mark a deal won or lost' } } },
        });
        expect(await put({ stage_id: partners.stages[0]!.stage_id })).toMatchObject({
          status: 409,
          body: { errors: { '/stage_id': { message: "is not a stage of the deal's pipeline" } } },
        });
        expect(await put({ pipeline_id: partners.pipeline_id, stage_id: partners.stages[0]!.stage_id })).toMatchObject({
          status: 409,
          body: { errors: { '/pipeline_id': { message: "a stage change must stay within the deal's pipeline" } } },
        });
        expect((await put({ stage_id: null })).status).toBe(409);
        expect(
          await put({ stage_id: stage('Proposal'), fields_values: { probability: [{ value: '50' }] } }),
        ).toMatchObject({
          status: 200,
          body: { stage_transitions: { pipeline_id: sales.pipeline_id } },
        });
      });

      it("nimble.md §12.3: Update Deal refuses Won naming the Stage before any write, and its stage dropdown lists the deal's open stages", async () => {
        await start();
        const deal = sim.deals[0]!;
        const won = sim.pipelines[0]!.stages.find((st) => st.name === 'Won')!;
        const before = sim.server.requests.length;
        const err = await failureOf(
          run(
            'creates.update_deal.operation.perform',
            makeBundle(authData(), { deal_id: deal.deal_id, stage_id: won.stage_id }),
          ),
        );
        expect(err.message).toMatch(/^Stage: "Won" is a final \(won or lost\) stage/);
        expect(sim.server.requests.slice(before).filter((r) => r.startsWith('PUT'))).toEqual([]);
        expect(deal.stage.name).toBe('Qualified');
        const stages = (await run(
          'triggers.list_stages.operation.perform',
          makeBundle(authData(), { deal_id: deal.deal_id }),
        )) as { name: string }[];
        expect(stages.map((st) => st.name)).toEqual(['Qualified (20%)', 'Proposal']);
      });

      it("nimble.md §12.2: the expected close date is a local date, written in the Zap's time zone", async () => {
        await start();
        const sales = sim.pipelines[0]!;
        const body = (value: string) => ({
          owner_id: sim.user.user_id,
          pipeline_id: sales.pipeline_id,
          stage_id: sales.stages[0]!.stage_id,
          fields_values: { name: [{ value: 'Dated' }], expected_close_date: [{ value }] },
        });
        expect((await call('POST', '/api/v2/deals', body('2030-06-30T00:00:00Z'))).status).toBe(409);
        expect((await call('POST', '/api/v2/deals', body('2030-06-30'))).status).toBe(200);
        const out = await run(
          'creates.create_deal.operation.perform',
          makeBundle(
            authData(),
            {
              pipeline_id: sales.pipeline_id,
              stage_id: sales.stages[0]!.stage_id,
              name: 'Late in LA',
              expected_close_date: '2030-07-01T01:00:00Z',
            },
            { timezone: 'America/Los_Angeles' },
          ),
        );
        expect(out).toMatchObject({ name: 'Late in LA', expected_close_date: '2030-06-30' });
      });

      it('nimble.md §12: custom deal fields are per pipeline, keyed by id; an update changes only the fields given', async () => {
        await start();
        const [sales, partners] = sim.pipelines as [(typeof sim.pipelines)[0], (typeof sim.pipelines)[0]];
        const fields = (await call('GET', '/api/v2/deals/fields')).body as {
          pipelines_tabs: { pipeline_id: string; members: { field: { field_id: string; field_name: string } }[] }[];
        };
        const idIn = (pipelineId: string, name: string) =>
          fields.pipelines_tabs
            .find((t) => t.pipeline_id === pipelineId)!
            .members.find((m) => m.field.field_name === name)!.field.field_id;
        const create = (fields_values: Record<string, { value: string }[]>) =>
          call('POST', '/api/v2/deals', {
            owner_id: sim.user.user_id,
            pipeline_id: sales.pipeline_id,
            stage_id: sales.stages[0]!.stage_id,
            fields_values: { name: [{ value: 'Custom' }], ...fields_values },
          });
        const length = idIn(sales.pipeline_id, 'Contract length');
        const region = idIn(sales.pipeline_id, 'Region');
        expect(await create({ [length]: [{ value: 'two years' }] })).toMatchObject({
          status: 409,
          body: { errors: { [`/fields_values/${length}`]: { message: 'must be a number' } } },
        });
        const partnersRegion = idIn(partners.pipeline_id, 'Region');
        expect(await create({ [partnersRegion]: [{ value: 'EMEA' }] })).toMatchObject({
          status: 409,
          body: {
            errors: { [`/fields_values/${partnersRegion}`]: { message: "is not a field of the deal's pipeline" } },
          },
        });
        const made = await create({ [length]: [{ value: '24' }], [region]: [{ value: 'EMEA' }] });
        expect(made.status).toBe(200);
        const id = (made.body as { deal_id: string }).deal_id;
        const updated = await call('PUT', `/api/v2/deals/${id}`, { fields_values: { [region]: [{ value: 'APAC' }] } });
        expect((updated.body as { fields_values_with_names: unknown }).fields_values_with_names).toEqual([
          { field_name: 'name', values: [{ value: 'Custom', is_primary: true }] },
          { field_name: 'Contract length', values: [{ value: '24', is_primary: true }] },
          { field_name: 'Region', values: [{ value: 'APAC', is_primary: true }] },
        ]);
        expect((updated.body as { fields_values: unknown }).fields_values).toContainEqual({
          field_id: length,
          values: [{ value: '24', is_primary: true }],
        });
      });

      it('nimble.md §9: stores and answers note bodies as URL-encoded HTML; Create Note outputs the text and the HTML', async () => {
        await start();
        const out = await run(
          'creates.create_note.operation.perform',
          makeBundle(authData(), { contact_ids: [sim.seeded.jon.id], note: 'Call back\nTom & Jerry <3' }),
        );
        const html =
          '<font face="Arial, Tahoma, Verdana, Helvetica, sans-serif">Call back<br>Tom &amp; Jerry &lt;3</font>';
        expect(sim.notes[0]!.note).toBe(encodeURIComponent(html));
        expect(out).toMatchObject({ note: 'Call back\nTom & Jerry <3', note_html: html });
      });

      it('nimble.md §9.1: creates tasks at /api/v1/tasks with related.contacts; related_to is refused there', async () => {
        await start();
        const jon = sim.seeded.jon;
        const before = sim.server.requests.length;
        const out = await run(
          'creates.create_task.operation.perform',
          makeBundle(
            // A connection keeps its user's id: the task is assigned to them without asking.
            { ...authData(), user_id: sim.user.user_id },
            { subject: 'Call Jon', due_date: '2030-05-03', contact_ids: [jon.id] },
            { timezone: 'Europe/Berlin' },
          ),
        );
        expect(sim.server.requests.slice(before)).toEqual(['POST /api/v1/tasks']);
        expect(out).toMatchObject({
          subject: 'Call Jon',
          due_date: '2030-05-03T07:00:00+00:00',
          contact_ids: [jon.id],
        });
        expect((await call('POST', '/api/v1/tasks', { subject: 'Old style', related_to: [jon.id] })).status).toBe(409);
      });

      it('nimble.md §9.1: on an account with only /api/v1/activities/task, Create Task falls back once, with related_to', async () => {
        await start({ legacyTasksOnly: true });
        const jon = sim.seeded.jon;
        const before = sim.server.requests.length;
        const out = await run(
          'creates.create_task.operation.perform',
          makeBundle(
            { ...authData(), user_id: sim.user.user_id },
            { subject: 'Call Jon', notes: 'About the renewal', contact_ids: [jon.id] },
          ),
        );
        expect(sim.server.requests.slice(before)).toEqual(['POST /api/v1/tasks', 'POST /api/v1/activities/task']);
        expect(out).toMatchObject({ subject: 'Call Jon', notes: 'About the renewal', contact_ids: [jon.id] });
        expect(sim.tasks).toHaveLength(1);
        expect(sim.tasks[0]).toMatchObject({ related_to: [jon.id] });
        // The legacy docs: a subject of 2 to 128 characters, due dates as YYYY-MM-DDTHH:MM:SS.
        expect((await call('POST', '/api/v1/activities/task', { subject: 'x' })).status).toBe(409);
        expect((await call('POST', '/api/v1/activities/task', { subject: 'ok', due_date: '2030-05-03' })).status).toBe(
          409,
        );
      });
    });
  });
});
