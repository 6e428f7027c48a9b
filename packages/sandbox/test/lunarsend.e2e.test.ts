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
import { runPlan } from '../src/tour.lib';

type Row = Record<string, unknown> & { id: string };

describe('LunarSend against its simulator, through the runtime', () => {
  it('runs every operation of the tour with one request each', async () => {
    const plan = lunarsendPlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.map((r) => r.step)).toEqual([
        'auth test',
        'list_team_users',
        'list_contacts',
        'find_contact',
        'create_contact',
        'update_contact',
        'find_deal',
        'create_deal',
        'delete_contact',
      ]);
      for (const r of results) expect(r.requests).toBe(1);
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
