import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import lunarsendApp from 'lunarsend';
import {
  createLunarSendSimulator,
  LUNARSEND_SANDBOX_CREDENTIALS,
  LUNARSEND_SANDBOX_VIEWER_CREDENTIALS,
  type LunarSendSimulator,
  type LunarSendSimulatorOptions,
} from '../src/lunarsend';
import { lunarsendPlan } from '../src/lunarsend.plan';
import { runSearchOrCreate } from '../src/searchOrCreate';
import { runPlan } from '../src/tour.lib';

type Row = Record<string, unknown> & { id: string };

describe('LunarSend against its simulator, through the runtime', () => {
  it('runs every operation of the tour, one request each except the multi-step ones', async () => {
    const plan = lunarsendPlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(Object.fromEntries(results.map((r) => [r.step, r.requests]))).toEqual({
        'auth test': 1,
        list_team_users: 1,
        list_contacts: 1,
        list_deals: 1,
        list_tags: 1,
        find_contact: 1,
        find_contact_by_id: 1,
        create_contact: 1,
        update_contact: 1,
        find_deal: 1,
        create_deal: 1,
        update_deal: 1,
        find_deal_by_id: 1,
        find_tag: 1,
        create_tag: 1,
        add_tag_to_contact: 1,
        // a tag given by name: search the tags, create the missing one, add it
        'add_tag_to_contact (new name)': 3,
        // Zapier's find-or-create: the search, then the create or the update (two steps of a Zap)
        'find_or_create_contact (miss)': 2,
        'find_or_create_contact (hit)': 2,
        'find_or_create_tag (miss)': 2,
        delete_contact: 1,
      });
    } finally {
      await plan.server.stop();
    }
  });

  describe('semantics', () => {
    let sim: LunarSendSimulator;
    const run = appRunner(lunarsendApp);
    const bundle = (inputData: Record<string, unknown> = {}, meta = {}) =>
      makeBundle(LUNARSEND_SANDBOX_CREDENTIALS, inputData, meta);
    const start = async (options: LunarSendSimulatorOptions = { rateLimit: false }) => {
      sim = createLunarSendSimulator(options);
      process.env.LUNARSEND_BASE_URL = await sim.server.start();
    };
    afterEach(async () => {
      delete process.env.LUNARSEND_BASE_URL;
      await sim.server.stop();
    });

    it('creates a contact, finds it by email, and refuses a second one with the same email (documented 400)', async () => {
      await start();
      const created = (await run(
        'creates.create_contact.operation.perform',
        bundle({ first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' }),
      )) as Row;
      expect(created).toMatchObject({ first_name: 'Grace', owner: 'John', user_id: sim.seeded.caller.user_id });

      const found = (await run(
        'searches.find_contact.operation.perform',
        bundle({ search_by: 'email', search_term: 'GRACE@navy.example' }),
      )) as Row[];
      expect(found.map((c) => c.id)).toEqual([created.id]);

      const err = await failureOf(
        run('creates.create_contact.operation.perform', bundle({ first_name: 'G', email: 'Grace@Navy.example' })),
      );
      expect(err.message).toBe(
        'LunarSend rejected the request (HTTP 400): A contact with the email Grace@Navy.example already exists in your team. [duplicate_email]',
      );
    });

    it('changes only the fields given on update', async () => {
      await start();
      const joe = sim.seeded.joe;
      const updated = (await run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: joe.id, job_title: 'CTO' }),
      )) as Row;
      expect(updated).toMatchObject({
        id: joe.id,
        job_title: 'CTO',
        first_name: 'Joe',
        last_name: 'Doe',
        phone: '+12025550123',
        email: 'joe@example.com',
      });
      expect(sim.contacts.find((c) => c.id === joe.id)?.phone).toBe('+12025550123');
    });

    it('sets the deal’s primary contact from the contact email, and finds deals by stage', async () => {
      await start();
      const deal = (await run(
        'creates.create_deal.operation.perform',
        bundle({ company: 'Moreno & Co', stage: 'Verbal', contact_email: sim.seeded.elena.email, deal_size: 900 }),
      )) as Row;
      expect(deal).toMatchObject({
        stage: 'Verbal',
        deal_size: 900,
        primary_contact: sim.seeded.elena.id,
        owner: 'John',
      });
      const found = (await run(
        'searches.find_deal.operation.perform',
        bundle({ search_by: 'stage', search_term: 'verbal' }),
      )) as Row[];
      expect(found.map((d) => d.id)).toEqual([deal.id]);
    });

    it('rejects a stage outside the list before any request', async () => {
      await start();
      const before = sim.server.requests.length;
      const err = await failureOf(
        run('creates.create_deal.operation.perform', bundle({ company: 'Acme', stage: 'Closed' })),
      );
      expect(err.message).toMatch(/^Please check your input: Stage \(stage\): must be one of Qualification/);
      expect(sim.server.requests.length).toBe(before);
    });

    it('pages the contact dropdown: zero-based pages of 100', async () => {
      await start();
      for (let i = 0; i < 150; i += 1) {
        sim.addContact({ first_name: `P${i}`, email: `p${i}@example.com` }, sim.seeded.caller.user_id);
      }
      const first = (await run('triggers.list_contacts.operation.perform', bundle({}, { page: 0 }))) as Row[];
      const second = (await run('triggers.list_contacts.operation.perform', bundle({}, { page: 1 }))) as Row[];
      expect(first).toHaveLength(100);
      expect(second).toHaveLength(sim.contacts.length - 100);
      expect(new Set([...first, ...second].map((c) => c.id)).size).toBe(sim.contacts.length);
      expect(sim.server.requests.slice(-2)).toEqual(['GET /api/v2/contacts/search', 'GET /api/v2/contacts/search']);
    });

    it('deletes a contact; updating it afterwards is a 404 naming the contact', async () => {
      await start();
      const joe = sim.seeded.joe;
      await expect(run('creates.delete_contact.operation.perform', bundle({ contact_id: joe.id }))).resolves.toEqual({
        id: joe.id,
        deleted: true,
        message: 'Document deleted successfully',
      });
      const err = await failureOf(
        run('creates.update_contact.operation.perform', bundle({ contact_id: joe.id, notes: 'x' })),
      );
      expect(err.message).toBe(`LunarSend could not find contact ${joe.id}: No contact with id ${joe.id}. [not_found]`);
    });

    describe('Find or Create Contact (search, then update or create)', () => {
      const contact = { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' };
      const findOrCreate = (update: Record<string, unknown>, search = 'grace@navy.example') =>
        runSearchOrCreate(lunarsendApp, 'find_contact', run, bundle(), {
          search: { search_by: 'email', search_term: search },
          create: contact,
          update,
        });

      it('miss: creates the contact', async () => {
        await start();
        const before = sim.contacts.length;
        const outcome = await findOrCreate({ job_title: 'Rear Admiral' });
        expect(outcome).toMatchObject({ path: 'created', matches: 0, result: { email: 'grace@navy.example' } });
        expect(sim.contacts).toHaveLength(before + 1);
        expect(sim.server.requests.slice(-2)).toEqual(['GET /api/v2/contacts/search', 'POST /api/v2/contacts']);
      });

      it('hit: runs Update Contact with the found id and changes only the fields given', async () => {
        await start();
        const grace = sim.addContact(
          { ...contact, phone: '+12025550199', company: 'US Navy' },
          sim.seeded.caller.user_id,
        );
        const before = sim.contacts.length;
        const outcome = await findOrCreate({ job_title: 'Rear Admiral', company: '' });
        expect(outcome).toMatchObject({ path: 'updated', matches: 1 });
        expect(outcome.result).toMatchObject({ id: grace.id, job_title: 'Rear Admiral' });
        expect(sim.contacts).toHaveLength(before);
        expect(sim.contacts.find((c) => c.id === grace.id)).toMatchObject({
          job_title: 'Rear Admiral',
          phone: '+12025550199',
          company: 'US Navy',
          first_name: 'Grace',
          last_name: 'Hopper',
        });
        expect(sim.server.requests.slice(-2)).toEqual(['GET /api/v2/contacts/search', 'PATCH /api/v2/contacts']);
      });

      it('several: updates the first (the exact email match) and leaves the others alone', async () => {
        await start();
        // LunarSend's search matches parts of the email: the longer address comes first from the API.
        const other = sim.addContact(
          { first_name: 'Grace', email: 'grace@navy.example.org', job_title: 'Clerk' },
          sim.seeded.caller.user_id,
        );
        const grace = sim.addContact(contact, sim.seeded.caller.user_id);
        const outcome = await findOrCreate({ job_title: 'Rear Admiral' });
        expect(outcome).toMatchObject({ path: 'updated', matches: 2, result: { id: grace.id } });
        expect(sim.contacts.find((c) => c.id === other.id)?.job_title).toBe('Clerk');
        expect(sim.contacts.find((c) => c.id === grace.id)?.job_title).toBe('Rear Admiral');
      });

      it('several by company: none is updated (the constraint wants the email to equal the search term), one is created', async () => {
        await start();
        const first = sim.addContact(
          { first_name: 'A', email: 'a@acme.example', company: 'Acme' },
          sim.seeded.caller.user_id,
        );
        const second = sim.addContact(
          { first_name: 'B', email: 'b@acme.example', company: 'Acme' },
          sim.seeded.caller.user_id,
        );
        const outcome = await runSearchOrCreate(lunarsendApp, 'find_contact', run, bundle(), {
          search: { search_by: 'company', search_term: 'Acme' },
          create: { first_name: 'C', email: 'c@acme.example', company: 'Acme' },
          update: { notes: 'Renewal due' },
        });
        // Zapier keeps only results whose email equals the search term (searchUniqueInputToOutputConstraint).
        expect(outcome).toMatchObject({ path: 'created', matches: 2, result: { email: 'c@acme.example' } });
        expect([first, second].map((c) => sim.contacts.find((x) => x.id === c.id)?.notes)).toEqual(['', '']);
      });
    });

    it('updates a deal: moves its stage, keeps every field not given, and finds it by id', async () => {
      await start();
      const deal = sim.seeded.brightwave;
      const updated = (await run(
        'creates.update_deal.operation.perform',
        bundle({ deal_id: deal.id, stage: 'won', close_date: '2025-12-01T10:00:00Z' }),
      )) as Row;
      expect(updated).toMatchObject({
        id: deal.id,
        stage: 'Won',
        close_date: '2025-12-01T10:00:00.000Z',
        company: 'Brightwave Solutions',
        deal_size: 12000,
        notes: 'Annual plan, 25 seats.',
        primary_contact: sim.seeded.elena.id,
      });
      const found = (await run('searches.find_deal_by_id.operation.perform', bundle({ deal_id: deal.id }))) as Row[];
      expect(found).toEqual([updated]);
      await expect(
        run('searches.find_deal_by_id.operation.perform', bundle({ deal_id: 'no-such-deal' })),
      ).resolves.toEqual([]);
      const err = await failureOf(
        run('creates.update_deal.operation.perform', bundle({ deal_id: 'no-such-deal', stage: 'Won' })),
      );
      expect(err.message).toBe('LunarSend could not find deal no-such-deal: No deal with id no-such-deal. [not_found]');
    });

    it('finds a contact by id, and nothing for an unknown id', async () => {
      await start();
      const joe = sim.seeded.joe;
      await expect(
        run('searches.find_contact_by_id.operation.perform', bundle({ contact_id: joe.id })),
      ).resolves.toEqual([expect.objectContaining({ id: joe.id, email: 'joe@example.com', owner: 'John' })]);
      await expect(
        run('searches.find_contact_by_id.operation.perform', bundle({ contact_id: 'no-such-contact' })),
      ).resolves.toEqual([]);
    });

    it('adds tags to a contact: an existing one by name (any case), a new one created once', async () => {
      await start();
      const joe = sim.seeded.joe;
      const tagsBefore = sim.tags.length;
      await run('creates.add_tag_to_contact.operation.perform', bundle({ contact_id: joe.id, tag_name: 'customer' }));
      const first = (await run(
        'creates.add_tag_to_contact.operation.perform',
        bundle({ contact_id: joe.id, tag_name: 'Webinar' }),
      )) as Row;
      const again = (await run(
        'creates.add_tag_to_contact.operation.perform',
        bundle({ contact_id: sim.seeded.elena.id, tag_name: 'webinar' }),
      )) as Row;
      expect(first).toMatchObject({ tag_created: true, tag_name: 'Webinar' });
      expect(again).toMatchObject({ tag_created: false, tag_id: first.tag_id });
      expect(sim.tags).toHaveLength(tagsBefore + 1);
      const found = (await run(
        'searches.find_contact.operation.perform',
        bundle({ search_by: 'email', search_term: joe.email }),
      )) as { tags: string[] }[];
      expect(found[0]!.tags.sort()).toEqual(['Customer', 'Webinar']);

      const refused = await failureOf(
        run(
          'creates.add_tag_to_contact.operation.perform',
          bundle({ contact_id: joe.id, tag_name: 'Nope', create_tag: 'false' }),
        ),
      );
      expect(refused.message).toMatch(/^LunarSend has no tag named "Nope"/);
      expect(sim.tags).toHaveLength(tagsBefore + 1);
    });

    it('shows a deal error in LunarSend’s documented body ({ status: "error", error, message }) with its code', async () => {
      await start();
      const before = sim.deals.length;
      const err = await failureOf(
        run(
          'creates.create_deal.operation.perform',
          bundle({ company: 'Acme', stage: 'Won', primary_contact: 'no-such-contact' }),
        ),
      );
      expect(err.message).toBe(
        'LunarSend rejected the request (HTTP 400): "primary_contact" no-such-contact is not a contact. [invalid_contact]',
      );
      expect(sim.deals).toHaveLength(before);
    });

    describe('an error envelope answered with HTTP 200 (not documented, guarded against)', () => {
      it('Delete Contact of an unknown contact is an error, not `deleted: true`', async () => {
        await start({ rateLimit: false, errorsWithHttp200: true });
        const before = sim.contacts.length;
        const err = await failureOf(
          run('creates.delete_contact.operation.perform', bundle({ contact_id: 'no-such-contact' })),
        );
        expect(err.message).toBe(
          'LunarSend answered with an error (HTTP 200): No contact with id no-such-contact. [not_found]',
        );
        expect(sim.contacts).toHaveLength(before);
        expect(sim.server.requests).toEqual(['DELETE /api/v2/contacts']);
      });

      it('Add Tag to Contact of an unknown contact is an error, not a tag added', async () => {
        await start({ rateLimit: false, errorsWithHttp200: true });
        const err = await failureOf(
          run(
            'creates.add_tag_to_contact.operation.perform',
            bundle({ contact_id: 'no-such-contact', tag_name: 'Lead' }),
          ),
        );
        expect(err.message).toBe(
          'LunarSend answered with an error (HTTP 200): No contact with id no-such-contact. [not_found]',
        );
        expect(sim.server.requests).toEqual(['GET /api/v2/tags/search', 'POST /api/v2/tag/contacts']);
      });

      it('Find Deal by ID of an unknown deal is an error, not "nothing found" or another deal', async () => {
        await start({ rateLimit: false, errorsWithHttp200: true });
        const err = await failureOf(
          run('searches.find_deal_by_id.operation.perform', bundle({ deal_id: 'no-such-deal' })),
        );
        expect(err.message).toBe(
          'LunarSend answered with an error (HTTP 200): No deal with id no-such-deal. [not_found]',
        );
      });
    });

    it('asks to reconnect when the key is wrong, and shows 403 for a read-only member', async () => {
      await start();
      const wrong = await failureOf(run('authentication.test', makeBundle({ api_key: 'wrong-key' })));
      expect(wrong.name).toBe('ExpiredAuthError');
      expect(wrong.raw).not.toContain('wrong-key');

      const viewer = await failureOf(
        run(
          'creates.create_contact.operation.perform',
          makeBundle(LUNARSEND_SANDBOX_VIEWER_CREDENTIALS, { first_name: 'V', email: 'v@example.com' }),
        ),
      );
      expect(viewer.message).toMatch(/^LunarSend refused access: Your role in this team may view records/);
      expect(viewer.raw).not.toContain(LUNARSEND_SANDBOX_VIEWER_CREDENTIALS.api_key);
    });

    it('a 429 on a write stays a ThrottledError with the delay (Update Deal)', async () => {
      await start({});
      const update = () =>
        run('creates.update_deal.operation.perform', bundle({ deal_id: sim.seeded.brightwave.id, notes: 'n' }));
      const results = await Promise.allSettled([update(), update(), update()]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0]!.reason as Error).name).toBe('ThrottledError');
      expect(JSON.parse((rejected[0]!.reason as Error).message)).toMatchObject({ delay: 1 });
    });

    it('drives the real 2-requests-per-second limit: the third request in a second is throttled with Retry-After', async () => {
      await start({}); // LunarSend's own limit
      const find = () =>
        run('searches.find_contact.operation.perform', bundle({ search_by: 'company', search_term: 'Brightwave' }));
      const results = await Promise.allSettled([find(), find(), find()]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(rejected).toHaveLength(1);
      const err = rejected[0]!.reason as Error;
      expect(err.name).toBe('ThrottledError');
      expect(JSON.parse(err.message)).toEqual({
        message:
          'LunarSend is rate limiting requests (Too many requests: 2 per 1 s allowed. Retry with backoff. [rate_limited]); Zapier will retry in 1 s.',
        delay: 1,
      });
      expect(sim.server.requests).toHaveLength(3);

      // After the Retry-After delay the same request goes through.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await expect(find()).resolves.toHaveLength(1);
    });

    it('computes Retry-After from the window on an injected clock', async () => {
      let now = 1_700_000_000_000;
      await start({ rateLimit: { requests: 2, windowMs: 1000 }, now: () => now });
      const auth = () => run('authentication.test', bundle());
      await auth();
      now += 100;
      await auth();
      now += 100;
      const err = await failureOf(auth());
      expect(err.name).toBe('ThrottledError');
      expect(JSON.parse(err.raw)).toMatchObject({ delay: 1 });
      now += 800; // the first request leaves the window
      await expect(auth()).resolves.toMatchObject({ name: 'John' });
    });
  });
});
