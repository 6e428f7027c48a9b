import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import apideckApp from 'apideck-crm';
import { APIDECK_SANDBOX_CREDENTIALS, createApideckSimulator, type ApideckSimulator } from '../src/apideck';
import { apideckPlan } from '../src/apideck.plan';
import { runPlan } from '../src/tour.lib';

type Out = Record<string, unknown> & { id: string };

describe('Apideck CRM against its simulator, through the runtime', () => {
  it('runs every operation of the tour with one request each, two for Update Contact (PATCH, then read back)', async () => {
    const plan = apideckPlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.map((r) => r.step)).toEqual(
        expect.arrayContaining([
          'auth test',
          'list_users',
          'list_companies',
          'list_pipelines',
          'list_pipeline_stages',
          'list_contacts',
          'list_deals',
          'new_contact',
          'updated_contact',
          'new_deal',
          'updated_deal',
          'find_contact',
          'find_company',
          'create_contact',
          'update_contact',
          'create_company',
          'create_deal',
          'create_note',
          'log_activity',
        ]),
      );
      const requests = Object.fromEntries(results.map((r) => [r.step, r.requests]));
      for (const [step, n] of Object.entries(requests))
        expect([step, n]).toEqual([step, step === 'update_contact' ? 2 : 1]);
      const update = results.find((r) => r.step === 'update_contact')!.result as Out;
      expect(plan.server.requests).toEqual(
        expect.arrayContaining([`PATCH /crm/contacts/${update.id}`, `GET /crm/contacts/${update.id}`]),
      );
    } finally {
      await plan.server.stop();
    }
  });

  describe('semantics', () => {
    let sim: ApideckSimulator;
    const run = appRunner(apideckApp);
    const bundle = (
      inputData: Record<string, unknown> = {},
      meta: Record<string, unknown> = {},
      auth: Record<string, string> = APIDECK_SANDBOX_CREDENTIALS,
    ) => makeBundle(auth, inputData, meta);

    const start = async (options: { pageSize?: number } = {}) => {
      sim = createApideckSimulator(options);
      process.env.APIDECK_BASE_URL = await sim.server.start();
    };
    afterEach(async () => {
      delete process.env.APIDECK_BASE_URL;
      await sim.server.stop();
    });

    it('labels the connection with the consumer and the connector', async () => {
      await start();
      expect(await run('authentication.test', bundle())).toEqual({ consumer_id: 'test-consumer', service: 'hubspot' });
    });

    it('creates a contact, finds it by email and by phone, and sees its update once per update time', async () => {
      await start();
      const created = (await run(
        'creates.create_contact.operation.perform',
        bundle({
          first_name: 'Grace',
          last_name: 'Hopper',
          email: 'grace@navy.example',
          phone_number: '555-0100',
          phone_type: 'work',
        }),
      )) as Out;
      expect(created).toMatchObject({ name: 'Grace Hopper', email: 'grace@navy.example', phone_work: '555-0100' });
      expect(sim.store.contacts.find((c) => c.id === created.id)).toMatchObject({
        name: 'Grace Hopper',
        emails: [{ email: 'grace@navy.example', type: 'primary' }],
        phone_numbers: [{ number: '555-0100', type: 'work' }],
      });

      const byEmail = (await run(
        'searches.find_contact.operation.perform',
        bundle({ email: 'GRACE@navy.example' }),
      )) as Out[];
      expect(byEmail.map((c) => c.id)).toEqual([created.id]);
      const byPhone = (await run(
        'searches.find_contact.operation.perform',
        bundle({ phone_number: '(555) 0100' }),
      )) as Out[];
      expect(byPhone.map((c) => c.id)).toEqual([created.id]);

      await new Promise((r) => setTimeout(r, 5));
      await run('creates.update_contact.operation.perform', bundle({ contact_id: created.id, title: 'Rear Admiral' }));
      const updates = (await run('triggers.updated_contact.operation.perform', bundle())) as Out[];
      expect(updates[0]).toMatchObject({ contact_id: created.id, title: 'Rear Admiral', email: 'grace@navy.example' });
      expect(updates[0]!.id).toMatch(new RegExp(`^${created.id}-\\d+$`));

      const news = (await run('triggers.new_contact.operation.perform', bundle())) as Out[];
      expect(news[0]!.id).toBe(created.id);
    });

    it('Update Contact outputs the whole contact as the CRM has it after the PATCH', async () => {
      await start();
      const { elon } = sim.seeded;
      const updated = (await run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: elon.id, title: 'Chief Engineer' }),
      )) as Out;
      expect(updated).toMatchObject({
        id: elon.id,
        contact_id: elon.id,
        name: 'Elon Musk',
        title: 'Chief Engineer',
        email: 'elon@musk.com',
        email_work: 'elon@spacex.com',
        phone_mobile: '111-111-1111',
        address_city: 'Hawthorne',
        company_name: 'SpaceX',
        tags: ['VIP'],
        created_at: elon.created_at,
      });
      expect(Date.parse(updated.updated_at as string)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('pages the contact and deal dropdowns newest first, labelled by name and email, and by title', async () => {
      await start({ pageSize: 1 });
      const contacts = [];
      for (const page of [0, 1, 2])
        contacts.push(
          ...((await run('triggers.list_contacts.operation.perform', bundle({}, { page }))) as Out[]).map(
            (c) => c.name,
          ),
        );
      expect(contacts).toEqual(['Gwynne Shotwell (gwynne@spacex.com)', 'Elon Musk (elon@musk.com)']);
      const deals = (await run('triggers.list_deals.operation.perform', bundle({}, { page: 0 }))) as Out[];
      expect(deals).toEqual([{ id: sim.seeded.rocket.id, name: 'New Rocket' }]);
      await expect(run('triggers.list_deals.operation.perform', bundle({}, { page: 1 }))).resolves.toEqual([]);
    });

    it("lists only the chosen pipeline's stages, labelled with the pipeline", async () => {
      await start();
      const stages = (await run(
        'triggers.list_pipeline_stages.operation.perform',
        bundle({ pipeline_id: 'renewals' }),
      )) as Out[];
      expect(stages.map((s) => s.id)).toEqual(['renewaldue', 'renewed']);
      expect(stages[0]!.label).toBe('Renewals › Renewal Due');
    });

    it('pages dropdowns with the cursor: page 1 is the second page, past the end is empty', async () => {
      await start({ pageSize: 1 });
      const page0 = (await run('triggers.list_companies.operation.perform', bundle({}, { page: 0 }))) as Out[];
      const page1 = (await run('triggers.list_companies.operation.perform', bundle({}, { page: 1 }))) as Out[];
      const page2 = (await run('triggers.list_companies.operation.perform', bundle({}, { page: 2 }))) as Out[];
      expect([...page0, ...page1].map((c) => c.name)).toEqual(['SpaceX', 'Tesla']);
      expect(page2).toEqual([]);
    });

    it("shows Apideck's 422 naming the field when the stage is not in the pipeline", async () => {
      await start();
      const err = await failureOf(
        run(
          'creates.create_deal.operation.perform',
          bundle({ title: 'Wrong stage', pipeline_id: 'renewals', pipeline_stage_id: 'contractsent' }),
        ),
      );
      expect(err.message).toMatch(
        /^Apideck rejected the request \(HTTP 422\): ConnectorExecutionError: .*stage contractsent/,
      );
      expect(err.message).toContain('(field: pipeline_stage_id)');
    });

    it('asks to reconnect when the key is wrong, and never shows the key', async () => {
      await start();
      const wrong = { ...APIDECK_SANDBOX_CREDENTIALS, api_key: 'sk_wrong_key_123456' };
      const err = await failureOf(run('authentication.test', bundle({}, {}, wrong)));
      expect(err.name).toBe('ExpiredAuthError');
      expect(err.message).toContain('API key, App ID and Consumer ID');
      expect(err.raw).not.toContain(wrong.api_key);
    });

    it('points at Apideck Vault when the service id names no connection', async () => {
      await start();
      const err = await failureOf(
        run(
          'searches.find_company.operation.perform',
          bundle({ name: 'SpaceX' }, {}, { ...APIDECK_SANDBOX_CREDENTIALS, service_id: 'pipedrive' }),
        ),
      );
      expect(err.message).toMatch(
        /^Apideck has no working CRM connection for consumer test-consumer \(HTTP 404\): ConnectionNotFoundError: .*pipedrive.*reconnect the CRM for this consumer in Apideck Vault/,
      );
    });

    describe('requests the OpenAPI document forbids', () => {
      const headers = {
        authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
        'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
        'x-apideck-consumer-id': APIDECK_SANDBOX_CREDENTIALS.consumer_id,
        'content-type': 'application/json',
      };
      const call = async (
        path: string,
        init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
      ) => {
        const res = await fetch(`${sim.server.baseUrl}${path}`, {
          method: init.method ?? 'GET',
          headers: init.headers ?? headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };

      it('a read-only or unknown property, or a nested item without its required key, is a 400', async () => {
        await start();
        const res = await call('/crm/contacts', {
          method: 'POST',
          body: { id: 'x', name: 'A', emails: [{ type: 'work' }], nickname: 'a' },
        });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          status_code: 400,
          error: 'Bad Request',
          type_name: 'RequestValidationError',
          detail: {
            missing: [{ 'emails[0].email': 'required' }],
            invalid: [{ id: 'is not a writable property' }, { nickname: 'is not a writable property' }],
          },
        });
      });

      it('a required property missing, or an enum value not in the document, is a 400', async () => {
        await start();
        expect((await call('/crm/opportunities', { method: 'POST', body: { monetary_amount: 1 } })).body).toMatchObject(
          {
            detail: { missing: [{ title: 'required' }] },
          },
        );
        expect((await call('/crm/activities', { method: 'POST', body: { type: 'lunch' } })).body).toMatchObject({
          detail: { invalid: [{ type: expect.stringMatching(/^must be one of call, meeting/) }] },
        });
      });

      it('an undocumented filter or sort, or a limit over 200, is a 400', async () => {
        await start();
        for (const q of ['filter[updated_since]=2024-01-01T00:00:00Z', 'sort[by]=owner_id', 'limit=500']) {
          const res = await call(`/crm/opportunities?${q}`);
          expect(res.status).toBe(400);
          expect(res.body.type_name).toBe('RequestValidationError');
        }
      });

      it('a missing consumer header is a 400 naming it; a cursor from elsewhere is an InvalidCursorError', async () => {
        await start();
        const { 'x-apideck-consumer-id': _omitted, ...rest } = headers;
        expect((await call('/crm/contacts', { headers: rest })).body).toMatchObject({
          status_code: 400,
          type_name: 'RequestHeadersValidationError',
          detail: { missing: [{ 'x-apideck-consumer-id': 'required' }] },
        });
        expect((await call('/crm/contacts?cursor=bm9wZQ==')).body).toMatchObject({ type_name: 'InvalidCursorError' });
      });
    });
  });
});
