import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import lunarsendApp from 'lunarsend';
import {
  createLunarSendSimulator,
  LUNARSEND_SANDBOX_CREDENTIALS,
  LUNARSEND_SANDBOX_VIEWER_CREDENTIALS,
  type LunarSendSimulator,
  type LunarSendSimulatorOptions,
} from '../src/simulators/lunarsend';
import { lunarsendPlan } from '../src/tour/lunarsend.plan';
import { runSearchOrCreate } from '../src/searchOrCreate';
import { runPlan } from '../src/tour/tour.lib';
import { DOCUMENTED, type DocumentedEndpoint } from '../../../integrations/lunarsend/test/documented';

type Row = Record<string, unknown> & { id: string };

/**
 * The structure of an answer: its keys at every level (a list by its first item), not its values.
 * Two answers of the same shape have the same envelope, the same key names and the same nesting.
 */
const shapeOf = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.length ? [shapeOf(v[0])] : [];
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]),
    );
  }
  return 'value';
};

interface Raw {
  status: number;
  type: string | null;
  body: unknown;
}
/** One request straight to the simulator (no integration in between), as a curl example would send it. */
const raw = async (
  method: string,
  path: string,
  options: { query?: [string, string][]; body?: unknown; key?: string } = {},
): Promise<Raw> => {
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const res = await fetch(`${process.env.LUNARSEND_BASE_URL}${path}${query}`, {
    method,
    headers: {
      'x-api-key': options.key ?? LUNARSEND_SANDBOX_CREDENTIALS.api_key,
      accept: 'application/json',
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a plain-text answer
  }
  return { status: res.status, type: res.headers.get('content-type'), body };
};

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
        // the search, then the best match read in full (job title, notes, creation date)
        find_contact: 2,
        // the contact, then its tags
        find_contact_by_id: 2,
        create_contact: 1,
        update_contact: 1,
        // one page holds every contact of the sandbox
        new_contact: 1,
        find_deal: 1,
        create_deal: 1,
        new_deal: 1,
        update_deal: 1,
        deal_stage_changed: 1,
        find_deal_by_id: 1,
        find_tag: 1,
        create_tag: 1,
        // the contact (its name and email), then the link
        add_tag_to_contact: 2,
        // the contact, then a tag given by name: search the tags, create the missing one, add it
        'add_tag_to_contact (new name)': 4,
        api_request: 1,
        // Zapier's find-or-create: the search (with the match's read), then the create or the update
        'find_or_create_contact (miss)': 2,
        'find_or_create_contact (hit)': 3,
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
        'LunarSend rejected the request: A contact with the email Grace@Navy.example already exists in your team.',
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
      expect(err.message).toMatch(/^Stage: must be one of Qualification/);
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

    it('New Contact: one request up to 100 contacts; beyond, the first and last pages, so the newest contact (listed last) is seen', async () => {
      await start();
      const once = (await run('triggers.new_contact.operation.perform', bundle())) as Row[];
      expect(once.map((c) => c.id)).toEqual(sim.contacts.map((c) => c.id));
      expect(sim.server.requests.slice(-1)).toEqual(['GET /api/v2/contacts/search']);
      for (let i = 0; i < 150; i += 1) {
        sim.addContact({ first_name: `P${i}`, email: `p${i}@example.com` }, sim.seeded.caller.user_id);
      }
      const before = sim.server.requests.length;
      const polled = (await run('triggers.new_contact.operation.perform', bundle())) as Row[];
      expect(sim.server.requests.length - before).toBe(2);
      expect(polled).toHaveLength(sim.contacts.length);
      expect(polled.map((c) => c.email)).toContain('p149@example.com');
    });

    it('New Deal: beyond 100 deals, the first and last pages sorted newest first, so the deal created last comes first', async () => {
      await start();
      // Stored in creation order (the simulator lists them so), a minute apart, after the seeded deal.
      for (let i = 0; i < 120; i += 1) {
        sim.deals.push({
          ...sim.seeded.brightwave,
          id: `deal-${i}`,
          company: `Co ${i}`,
          stage: 'Qualification',
          created_at: new Date(Date.parse(sim.seeded.brightwave.created_at) + (i + 1) * 60_000).toISOString(),
        });
      }
      const before = sim.server.requests.length;
      const polled = (await run('triggers.new_deal.operation.perform', bundle())) as Row[];
      expect(sim.server.requests.length - before).toBe(2);
      expect(polled).toHaveLength(121);
      expect(polled[0]).toMatchObject({ company: 'Co 119', stage: 'Qualification' });
    });

    it('Deal Stage Changed: a stage change gives a new event id ("<deal id>-<stage>"), a poll without a change the same ids', async () => {
      await start();
      const deal = sim.seeded.brightwave;
      const poll = async (inputData: Record<string, unknown>) =>
        ((await run('triggers.deal_stage_changed.operation.perform', bundle(inputData))) as Row[]).map((d) => d.id);
      expect(await poll({})).toEqual([`${deal.id}-Proposal`]);
      expect(await poll({ stage: 'Negotiation' })).toEqual([]);
      await run('creates.update_deal.operation.perform', bundle({ deal_id: deal.id, stage: 'Negotiation' }));
      expect(await poll({})).toEqual([`${deal.id}-Negotiation`]);
      expect(await poll({ stage: 'Negotiation' })).toEqual([`${deal.id}-Negotiation`]);
      expect(sim.server.requests.slice(-2)).toEqual(['GET /api/v2/pipeline/search', 'GET /api/v2/pipeline/search']);
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
      expect(err.message).toBe(`LunarSend could not find contact ${joe.id}: No contact with id ${joe.id}.`);
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
        // The search, the found contact read in full, the update.
        expect(sim.server.requests.slice(-3)).toEqual([
          'GET /api/v2/contacts/search',
          'GET /api/v2/contacts',
          'PATCH /api/v2/contacts',
        ]);
      });

      it('several: Find Contact answers only the exact email match (Zapier uses only the first result), which is updated; the others are left alone', async () => {
        await start();
        // LunarSend's search matches parts of the email: the longer address comes first from the API.
        const other = sim.addContact(
          { first_name: 'Grace', email: 'grace@navy.example.org', job_title: 'Clerk' },
          sim.seeded.caller.user_id,
        );
        const grace = sim.addContact(contact, sim.seeded.caller.user_id);
        const outcome = await findOrCreate({ job_title: 'Rear Admiral' });
        expect(outcome).toMatchObject({ path: 'updated', matches: 1, result: { id: grace.id } });
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
        expect(outcome).toMatchObject({ path: 'created', matches: 1, result: { email: 'c@acme.example' } });
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
      expect(err.message).toBe('LunarSend could not find deal no-such-deal: No deal with id no-such-deal.');
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
      expect(refused.name).toBe('HaltedError');
      expect(refused.message).toMatch(/^No tag is named "Nope", and Create Tag If Missing is False/);
      expect(sim.tags).toHaveLength(tagsBefore + 1);
    });

    it('shows a deal error in LunarSend’s documented body ({ status: "error", error, message }): its message, the field by its form label, no code', async () => {
      await start();
      const before = sim.deals.length;
      const err = await failureOf(
        run(
          'creates.create_deal.operation.perform',
          bundle({ company: 'Acme', stage: 'Won', primary_contact: 'no-such-contact' }),
        ),
      );
      expect(err.message).toBe('LunarSend rejected the request: Primary Contact no-such-contact is not a contact.');
      expect(sim.deals).toHaveLength(before);
    });

    /**
     * The simulator's contract table: each documented endpoint, called as its page shows, answers in
     * the shape lunarsend.md gives (`integrations/lunarsend/test/documented.ts`), never merely in a
     * shape the integration reads.
     */
    describe('the simulator answers every documented endpoint in the documented shape', () => {
      type Call = { method: string; path: string; query?: [string, string][]; body?: unknown; status?: number };
      const calls: [string, DocumentedEndpoint, (s: LunarSendSimulator) => Call][] = [
        [
          'lunarsend.md "Contacts" (create)',
          'createContact',
          () => ({
            method: 'POST',
            path: '/contacts',
            body: { data: { first_name: 'Ada', email: 'ada@example.com' } },
          }),
        ],
        [
          'lunarsend.md "Contacts" (update)',
          'updateContact',
          (s) => ({ method: 'PATCH', path: '/contacts', body: { data: { id: s.seeded.joe.id, job_title: 'CTO' } } }),
        ],
        [
          'lunarsend.md "Contacts" (get)',
          'getContact',
          (s) => ({ method: 'GET', path: '/contacts', query: [['id', s.seeded.joe.id]] }),
        ],
        [
          'lunarsend.md "Contacts" (search)',
          'searchContacts',
          () => ({
            method: 'GET',
            path: '/contacts/search',
            query: [
              ['search_term', 'Brightwave'],
              ['search_by', 'company'],
              ['query_amount', '5'],
              ['page', '0'],
            ],
          }),
        ],
        [
          'lunarsend.md "Contacts" (contact\'s tags)',
          'contactTags',
          (s) => ({ method: 'GET', path: '/contacts/tags', query: [['id', s.seeded.elena.id]] }),
        ],
        [
          'lunarsend.md "Contacts" (delete, inferred path)',
          'deleteContact',
          (s) => ({ method: 'DELETE', path: '/contacts', body: { contact_id: s.seeded.joe.id } }),
        ],
        [
          'lunarsend.md "Pipeline deals" (create)',
          'createDeal',
          () => ({ method: 'POST', path: '/pipeline', body: { data: { company: 'Acme', stage: 'Discovery' } } }),
        ],
        [
          'lunarsend.md "Pipeline deals" (edit-deal)',
          'updateDeal',
          (s) => ({ method: 'PATCH', path: '/pipeline', body: { data: { id: s.seeded.brightwave.id, stage: 'Won' } } }),
        ],
        [
          'lunarsend.md "Pipeline deals" (get-deal)',
          'getDeal',
          (s) => ({ method: 'GET', path: '/pipeline', query: [['id', s.seeded.brightwave.id]] }),
        ],
        [
          'lunarsend.md "Pipeline deals" (search-deal)',
          'searchDeals',
          () => ({
            method: 'GET',
            path: '/pipeline/search',
            query: [
              ['search_term', 'Proposal'],
              ['search_by', 'stage'],
              ['query_amount', '10'],
              ['page', '0'],
            ],
          }),
        ],
        [
          'lunarsend.md "Other endpoints" (team users)',
          'teamUsers',
          () => ({ method: 'GET', path: '/team/users/search', query: [['query_amount', '1']] }),
        ],
        [
          'lunarsend.md "Other endpoints" (one team user)',
          'getUser',
          (s) => ({ method: 'GET', path: '/team/users', query: [['id', s.seeded.caller.user_id]] }),
        ],
        [
          'lunarsend.md "Tags" (create tag)',
          'createTag',
          (s) => ({
            method: 'POST',
            path: '/tags',
            body: { data: { tag_name: 'VIP', color: '#FD7E14', user_id: s.seeded.caller.user_id } },
          }),
        ],
        [
          'lunarsend.md "Tags" (search tags)',
          'searchTags',
          () => ({
            method: 'GET',
            path: '/tags/search',
            query: [
              ['search_term', 'Lead'],
              ['search_by', 'tag_name'],
              ['query_amount', '50'],
              ['page', '0'],
            ],
          }),
        ],
        [
          'lunarsend.md "Tags" (link tag to contact)',
          'linkTag',
          (s) => ({
            method: 'POST',
            path: '/tag/contacts',
            body: { contact_id: s.seeded.joe.id, tag_id: s.tags[1]!.id },
          }),
        ],
        [
          'lunarsend.md "Tags" (contacts with a tag)',
          'taggedContacts',
          (s) => ({
            method: 'GET',
            path: '/tag/contacts/tag/search',
            query: [
              ['tag_id', s.tags[0]!.id],
              ['page', '0'],
              ['query_amount', '20'],
            ],
          }),
        ],
        [
          'lunarsend.md "Errors and success flags"',
          'error',
          () => ({ method: 'GET', path: '/contacts', query: [['id', 'no-such-contact']], status: 404 }),
        ],
      ];

      it.each(calls)('%s: answers as the reference shows (%s)', async (_section, endpoint, callOf) => {
        await start();
        const call = callOf(sim);
        const answer = await raw(call.method, call.path, call);
        expect(answer.status).toBe(call.status ?? 200);
        expect(shapeOf(answer.body)).toEqual(shapeOf(DOCUMENTED[endpoint]));
      });

      it('lunarsend.md "Contacts" (delete, inferred path): the answer is the v1 text as plain text', async () => {
        await start();
        const answer = await raw('DELETE', '/contacts', { body: { contact_id: sim.seeded.joe.id } });
        expect(answer).toEqual({ status: 200, type: 'text/plain', body: 'Document deleted successfully' });
      });
    });

    describe('lunarsend.md "Tags"', () => {
      it('create tag: the field table requires data.tag_name, so `name` and the flat body are refused; tag names are unique per team', async () => {
        await start();
        const before = sim.tags.length;
        await expect(raw('POST', '/tags', { body: { data: { name: 'VIP' } } })).resolves.toMatchObject({
          status: 400,
          body: { status: 'error', error: 'invalid_field', message: '"name" is not a tag field.' },
        });
        await expect(raw('POST', '/tags', { body: { tag_name: 'VIP' } })).resolves.toMatchObject({
          status: 400,
          body: { error: 'invalid_body' },
        });
        await expect(raw('POST', '/tags', { body: { data: { tag_name: 'lead' } } })).resolves.toMatchObject({
          status: 400,
          body: { error: 'duplicate_tag' },
        });
        expect(sim.tags).toHaveLength(before);
      });

      it('create tag: Create Tag sends { data: { tag_name, color, user_id } } and outputs the tag answered', async () => {
        await start();
        const out = (await run(
          'creates.create_tag.operation.perform',
          bundle({ name: 'VIP', color: '#FD7E14', user_id: sim.seeded.viewer.user_id }),
        )) as Row;
        expect(out).toEqual({
          id: expect.any(String),
          name: 'VIP',
          color: '#FD7E14',
          user_id: sim.seeded.viewer.user_id,
          owner: 'Joshua',
          created_at: expect.any(String),
        });
        expect(sim.tags.find((t) => t.id === out.id)).toMatchObject({ tag_name: 'VIP', color: '#FD7E14' });
      });

      it('search tags: Find Tag and the tag dropdown read tag_name (the search sends search_by=tag_name)', async () => {
        await start();
        await expect(run('searches.find_tag.operation.perform', bundle({ name: 'customer' }))).resolves.toEqual([
          expect.objectContaining({ id: sim.tags[1]!.id, name: 'Customer', owner: 'John' }),
        ]);
        const listed = (await run('triggers.list_tags.operation.perform', bundle({}, { page: 0 }))) as Row[];
        expect(listed.map((t) => t.name)).toEqual(['Lead', 'Customer']);
      });

      it('link tag to contact: Add Tag to Contact reads the contact, then outputs its name and email beside the tag the link answer names; the contact then carries the tag', async () => {
        await start();
        const joe = sim.seeded.joe;
        const customer = sim.tags[1]!;
        const out = (await run(
          'creates.add_tag_to_contact.operation.perform',
          bundle({ contact_id: joe.id, tag_id: customer.id }),
        )) as Row;
        expect(out).toEqual({
          id: joe.id,
          full_name: 'Joe Doe',
          first_name: 'Joe',
          last_name: 'Doe',
          email: 'joe@example.com',
          tag_id: customer.id,
          tag_name: 'Customer',
          tag_created: false,
          linked_at: sim.links.at(-1)!.created_at,
        });
        expect(sim.server.requests).toEqual(['GET /api/v2/contacts', 'POST /api/v2/tag/contacts']);
        // The contact's tags (tag_name) and the contact search (tags[].name) both show it.
        await expect(raw('GET', '/contacts/tags', { query: [['id', joe.id]] })).resolves.toMatchObject({
          body: [{ status: 'success', id: joe.id, data: [{ tag_id: customer.id, tag_name: 'Customer' }] }],
        });
        const found = (await run(
          'searches.find_contact.operation.perform',
          bundle({ search_by: 'tag', search_term: 'customer' }),
        )) as { id: string; tags: string[] }[];
        expect(found).toEqual([expect.objectContaining({ id: joe.id, tags: ['Customer'] })]);
      });

      it('link tag to contact: the body is flat and both ids are required', async () => {
        await start();
        await expect(
          raw('POST', '/tag/contacts', { body: { data: { contact_id: sim.seeded.joe.id, tag_id: sim.tags[0]!.id } } }),
        ).resolves.toMatchObject({
          status: 400,
          body: { error: 'missing_field', message: '"contact_id" is required.' },
        });
      });
    });

    describe('lunarsend.md "Basics" (pagination)', () => {
      it('zero-based page, query_amount or its alias per_page, and total_count, page, per_page in the answer', async () => {
        await start();
        for (let i = 0; i < 5; i += 1) {
          sim.addContact({ first_name: `P${i}`, email: `p${i}@example.com` }, sim.seeded.caller.user_id);
        }
        const total = sim.contacts.length;
        const byAmount = await raw('GET', '/contacts/search', {
          query: [
            ['query_amount', '3'],
            ['page', '1'],
          ],
        });
        const byPerPage = await raw('GET', '/contacts/search', {
          query: [
            ['per_page', '3'],
            ['page', '1'],
          ],
        });
        expect(byAmount.body).toMatchObject({ total_count: total, page: 1, per_page: 3 });
        expect(byPerPage.body).toEqual(byAmount.body);
        expect((byAmount.body as { data: unknown[] }).data).toHaveLength(3);
        await expect(raw('GET', '/contacts/search', { query: [['query_amount', '101']] })).resolves.toMatchObject({
          status: 400,
          body: { status: 'error', error: 'invalid_query_amount' },
        });
      });

      it('the contacts-by-tag search answers count instead of total_count, and items carry the contact id as id', async () => {
        await start();
        const answer = await raw('GET', '/tag/contacts/tag/search', { query: [['tag_id', sim.tags[0]!.id]] });
        expect(answer.body).toEqual({
          data: [expect.objectContaining({ id: sim.seeded.elena.id, tag_id: sim.tags[0]!.id })],
          count: 1,
          page: 0,
          per_page: 20,
        });
      });

      it('get-deal: the id may repeat; one [{ success, id, data }] envelope per deal, in the order asked', async () => {
        await start();
        const other = (await run(
          'creates.create_deal.operation.perform',
          bundle({ company: 'Acme', stage: 'Discovery' }),
        )) as Row;
        const answer = await raw('GET', '/pipeline', {
          query: [
            ['id', other.id],
            ['id', sim.seeded.brightwave.id],
          ],
        });
        expect(answer.body).toEqual([
          { success: true, id: other.id, data: expect.objectContaining({ id: other.id }) },
          {
            success: true,
            id: sim.seeded.brightwave.id,
            data: expect.objectContaining({ company: 'Brightwave Solutions' }),
          },
        ]);
      });
    });

    describe('lunarsend.md "Errors and success flags": { status: "error", error, message } with the documented statuses', () => {
      it.each([
        [
          '400 invalid input',
          400,
          'invalid_search_by',
          () => raw('GET', '/contacts/search', { query: [['search_by', 'phone_number']] }),
        ],
        ['401 missing or invalid key', 401, 'unauthorized', () => raw('GET', '/contacts/search', { key: 'wrong-key' })],
        [
          '403 forbidden',
          403,
          'forbidden',
          () =>
            raw('POST', '/tags', {
              body: { data: { tag_name: 'X' } },
              key: LUNARSEND_SANDBOX_VIEWER_CREDENTIALS.api_key,
            }),
        ],
        ['404 not found', 404, 'not_found', () => raw('GET', '/pipeline', { query: [['id', 'no-such-deal']] })],
      ])('%s', async (_name, status, code, send) => {
        await start();
        const answer = await send();
        expect(answer.status).toBe(status);
        expect(answer.body).toEqual({ status: 'error', error: code, message: expect.any(String) });
      });
    });

    describe('an error envelope answered with HTTP 200 (not documented, guarded against)', () => {
      it('Delete Contact of an unknown contact is an error, not `deleted: true`', async () => {
        await start({ rateLimit: false, errorsWithHttp200: true });
        const before = sim.contacts.length;
        const err = await failureOf(
          run('creates.delete_contact.operation.perform', bundle({ contact_id: 'no-such-contact' })),
        );
        expect(err.message).toBe('LunarSend answered with an error: No contact with id no-such-contact.');
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
        expect(err.message).toBe('LunarSend answered with an error: No contact with id no-such-contact.');
        // The contact is read first: nothing is searched, created or linked.
        expect(sim.server.requests).toEqual(['GET /api/v2/contacts']);
      });

      it('Find Deal by ID of an unknown deal is an error, not "nothing found" or another deal', async () => {
        await start({ rateLimit: false, errorsWithHttp200: true });
        const err = await failureOf(
          run('searches.find_deal_by_id.operation.perform', bundle({ deal_id: 'no-such-deal' })),
        );
        expect(err.message).toBe('LunarSend answered with an error: No deal with id no-such-deal.');
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
      // Find Deal: one request per run.
      const find = () =>
        run('searches.find_deal.operation.perform', bundle({ search_by: 'company', search_term: 'Brightwave' }));
      const results = await Promise.allSettled([find(), find(), find()]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(rejected).toHaveLength(1);
      const err = rejected[0]!.reason as Error;
      expect(err.name).toBe('ThrottledError');
      expect(JSON.parse(err.message)).toEqual({
        message:
          'LunarSend is rate limiting requests (Too many requests: 2 per 1 s allowed. Retry with backoff.); Zapier will retry in 1 s.',
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
      await expect(auth()).resolves.toMatchObject({ label: 'Team: John Smith, Joshua Park', team_size: 2 });
    });
  });
});
