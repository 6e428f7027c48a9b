import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import apideckApp from 'apideck-crm';
import {
  APIDECK_CUSTOM_FIELDS,
  APIDECK_SANDBOX_CREDENTIALS,
  createApideckSimulator,
  type ApideckSimulator,
  type ApideckSimulatorOptions,
} from '../src/simulators/apideck';
import { apideckPlan } from '../src/tour/apideck.plan';
import { runSearchOrCreate } from '../src/searchOrCreate';
import { runPlan } from '../src/tour/tour.lib';

type Out = Record<string, unknown> & { id: string };

describe('Apideck CRM against its simulator, through the runtime', () => {
  it('runs every operation of the tour: one request each, two for an update (PATCH, then read back; three when it merges an email), two or three for a find-or-create, one more to name the pipeline and stage of a deal or the owner of a record', async () => {
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
          'find_contact_exact',
          'find_company_exact',
          'find_lead_exact',
          'create_contact',
          'update_contact',
          'create_company',
          'create_deal',
          'create_note',
          'log_activity',
          'list_leads',
          'new_lead',
          'find_lead',
          'create_lead',
          'update_lead',
          'update_company',
          'update_deal',
          'find_or_create_contact (miss: create)',
          'find_or_create_contact (hit: update)',
          'find_or_create_company (miss: create)',
          'find_or_create_company (hit: update)',
          'find_deal',
          'find_or_create_deal (hit: found)',
          'find_or_create_deal (miss: create)',
          'new_company',
        ]),
      );
      // One more request where the output names an id the record carries alone: a deal step reads
      // the pipeline list (pipeline and stage names), a contact or company step with an owner reads
      // the user list (the owner's name). The tour's new company has no owner.
      const NAMING_STEPS = [
        ...['new_deal', 'updated_deal', 'updated_deal (moved into a stage)', 'create_deal', 'update_deal'],
        ...['new_contact', 'updated_contact', 'find_contact', 'find_company', 'find_contact_exact'],
        ...['find_company_exact', 'create_contact', 'update_contact'],
        ...['find_deal', 'find_or_create_deal (hit: found)', 'update_deal (a custom field)'],
      ];
      // A form's custom fields: the connector (a one-record list: the tour's connection names no
      // Service ID), then Vault's list of its custom fields.
      const expected = (step: string) =>
        step.endsWith('custom fields in the editor)')
          ? 2
          : (step.includes('(hit: update)') || step === 'update_contact'
              ? 3
              : step.includes('(miss: create)') || step.startsWith('update_')
                ? 2
                : 1) + (NAMING_STEPS.includes(step) ? 1 : 0);
      for (const r of results) expect([r.step, r.requests]).toEqual([r.step, expected(r.step)]);
      const update = results.find((r) => r.step === 'update_contact')!.result as Out;
      const contactRequests = plan.server.requests.filter((r) => r.endsWith(`/crm/contacts/${update.id}`));
      expect(contactRequests).toEqual([
        `GET /crm/contacts/${update.id}`,
        `PATCH /crm/contacts/${update.id}`,
        `GET /crm/contacts/${update.id}`,
      ]);
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

    const start = async (options: ApideckSimulatorOptions = {}) => {
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

    it("Vault lists the custom fields the connection's records carry; an update writes only the one filled in", async () => {
      await start();
      const { elon } = sim.seeded;
      const auth = { ...APIDECK_SANDBOX_CREDENTIALS, service_id: 'hubspot' };
      const fields = (await run('creates.update_contact.operation.inputFields', bundle({}, {}, auth))) as {
        key: string;
        label?: string;
        helpText?: string;
      }[];
      expect(fields.filter((f) => f.key.startsWith('custom_fields__'))).toEqual(
        [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.number].map((f) => ({
          key: `custom_fields__${f.id}`,
          label: f.name,
          required: false,
          helpText: `${f.description}. Custom field \`${f.id}\`. Leave empty to skip it.`,
        })),
      );
      // The connection names its connector: Vault alone, with the app's headers.
      expect(sim.server.requests).toEqual(['GET /vault/connections/crm/hubspot/contacts/custom-fields']);

      const vault = (path: string, headers: Record<string, string>) =>
        fetch(`${process.env.APIDECK_BASE_URL}${path}`, { headers }).then(async (r) => [r.status, await r.json()]);
      const headers = {
        authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
        'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
        'x-apideck-consumer-id': APIDECK_SANDBOX_CREDENTIALS.consumer_id,
      };
      expect(
        await vault(`/vault/connections/crm/hubspot/leads/custom-fields?resource_id=${sim.seeded.lead.id}`, headers),
      ).toEqual([
        200,
        {
          status_code: 200,
          status: 'OK',
          data: [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.object].map((f) => ({
            ...f,
            finder: `$.properties.${f.name}`,
          })),
        },
      ]);
      const { 'x-apideck-consumer-id': _consumer, ...noConsumer } = headers;
      expect(await vault('/vault/connections/crm/hubspot/leads/custom-fields', noConsumer)).toMatchObject([
        400,
        { type_name: 'RequestHeadersValidationError', detail: { missing: [{ 'x-apideck-consumer-id': 'required' }] } },
      ]);
      expect(await vault('/vault/connections/crm/pipedrive/leads/custom-fields', headers)).toMatchObject([
        404,
        { type_name: 'NotFoundError' },
      ]);

      const updated = (await run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: elon.id, [`custom_fields__${APIDECK_CUSTOM_FIELDS.number.id}`]: '42' }),
      )) as Out;
      expect(updated).toMatchObject({
        [`custom_${APIDECK_CUSTOM_FIELDS.text.id}`]: APIDECK_CUSTOM_FIELDS.text.value,
        [`custom_${APIDECK_CUSTOM_FIELDS.number.id}`]: '42',
      });
      expect(sim.store.contacts.find((c) => c.id === elon.id)!.custom_fields).toEqual([
        APIDECK_CUSTOM_FIELDS.text,
        { ...APIDECK_CUSTOM_FIELDS.number, value: '42' },
      ]);
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

    it('Update Contact adds or changes an email, a phone and a city by type, keeping the rest of each list', async () => {
      await start();
      const { elon } = sim.seeded;
      await run(
        'creates.update_contact.operation.perform',
        bundle({
          contact_id: elon.id,
          email: 'elon@tesla.example',
          email_type: 'work',
          phone_number: '222-222-2222',
          address_city: 'Starbase',
        }),
      );
      const stored = sim.store.contacts.find((c) => c.id === elon.id)!;
      expect(stored.emails).toEqual([
        { id: '1', email: 'elon@musk.com', type: 'primary' },
        { id: '2', email: 'elon@tesla.example', type: 'work' },
      ]);
      expect(stored.phone_numbers).toEqual([
        { id: '1', number: '111-111-1111', type: 'mobile' },
        { number: '222-222-2222', type: 'primary' },
      ]);
      expect(stored.addresses).toEqual([
        {
          id: '1',
          type: 'primary',
          line1: 'Rocket Road 1',
          city: 'Starbase',
          state: 'CA',
          postal_code: '90250',
          country: 'US',
        },
      ]);

      await run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: elon.id, email: 'elon@x.example', channel_mode: 'replace' }),
      );
      expect(sim.store.contacts.find((c) => c.id === elon.id)!.emails).toEqual([
        { email: 'elon@x.example', type: 'primary' },
      ]);
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
      expect(err.message).toMatch(/^Apideck rejected the request: .*stage contractsent/);
      expect(err.message).toContain('stage contractsent is not in the pipeline');
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
        /^Apideck has no working CRM connection for consumer test-consumer: .*pipedrive.*reconnect the CRM for this consumer in Apideck Vault/,
      );
    });

    describe('Find or Create, through the runtime: only an exact unique match is updated, a miss creates', () => {
      const foc = (
        key: 'find_contact' | 'find_company' | 'find_lead',
        input: { search: Record<string, unknown>; create: Record<string, unknown>; update?: Record<string, unknown> },
      ) => runSearchOrCreate(apideckApp, key, run, bundle(), input);

      it('contact: a miss creates, a hit updates only the fields given on the found contact', async () => {
        await start();
        const create = { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example', title: 'Officer' };
        const miss = await foc('find_contact', { search: { email: 'grace@navy.example' }, create });
        expect(miss).toMatchObject({ path: 'created', matches: 0 });
        const id = (miss.result as Out).id;
        expect(sim.store.contacts.filter((c) => c.name === 'Grace Hopper')).toHaveLength(1);

        const hit = await foc('find_contact', {
          search: { email: 'grace@navy.example' },
          create,
          update: { title: 'Rear Admiral' },
        });
        expect(hit).toMatchObject({ path: 'updated', matches: 1 });
        // The update ran on the found id and changed only the title; the rest is as created.
        expect(hit.result).toMatchObject({
          id,
          title: 'Rear Admiral',
          first_name: 'Grace',
          email: 'grace@navy.example',
        });
        expect(sim.store.contacts.filter((c) => c.name === 'Grace Hopper')).toHaveLength(1);
        expect(sim.server.requests.filter((r) => r.startsWith('PATCH'))).toEqual([`PATCH /crm/contacts/${id}`]);
      });

      it('contact: a search by name finds no exact match, so a contact is created and Elon is left alone', async () => {
        await start();
        const { elon } = sim.seeded;
        const before = JSON.stringify(sim.store.contacts.find((c) => c.id === elon.id));
        // Find Contact matches "Musk" loosely; Find or Create updates only a contact found by its email.
        const byName = await foc('find_contact', {
          search: { last_name: 'Musk', name: 'Elon' },
          create: { first_name: 'Errol', last_name: 'Musk' },
          update: { title: 'Founder' },
        });
        expect(byName).toMatchObject({ path: 'created', matches: 0 });
        expect(JSON.stringify(sim.store.contacts.find((c) => c.id === elon.id))).toBe(before);
        expect(sim.store.contacts.filter((c) => c.last_name === 'Musk')).toHaveLength(2);
        expect(sim.server.requests.filter((r) => r.startsWith('PATCH'))).toEqual([]);
      });

      it('contact: a hit by a secondary email (any case) updates that contact, merging the email list', async () => {
        await start();
        const { elon } = sim.seeded;
        const hit = await foc('find_contact', {
          search: { email: 'ELON@SpaceX.com' },
          create: { last_name: 'Musk' },
          update: { title: 'Founder', email: 'elon@x.example', email_type: 'personal' },
        });
        expect(hit).toMatchObject({ path: 'updated', matches: 1, result: { id: elon.id, title: 'Founder' } });
        expect(sim.store.contacts.find((c) => c.id === elon.id)!.emails).toEqual([
          { id: '1', email: 'elon@musk.com', type: 'primary' },
          { id: '2', email: 'elon@spacex.com', type: 'work' },
          { email: 'elon@x.example', type: 'personal' },
        ]);
      });

      it('contact: two contacts with the email stop the step with a clear error, and nothing is written', async () => {
        await start();
        const { gwynne } = sim.seeded;
        sim.store.contacts.find((c) => c.id === gwynne.id)!.emails = [{ email: 'Elon@Musk.com', type: 'other' }];
        const err = await failureOf(
          foc('find_contact', {
            search: { email: 'elon@musk.com' },
            create: { last_name: 'Musk' },
            update: { title: 'Founder' },
          }),
        );
        expect(err.message).toMatch(
          /^More than one contact has the email elon@musk\.com \(Email\)\. Find or Create Contact updates a contact only when exactly one matches, so nothing was created or updated\./,
        );
        expect(sim.server.requests.filter((r) => !r.startsWith('GET'))).toEqual([]);
      });

      it('company: a miss creates, an exact hit (any case) updates, a partial name creates, two exact stop', async () => {
        await start();
        const miss = await foc('find_company', {
          search: { name: 'Harvard Mark I' },
          create: { name: 'Harvard Mark I', industry: 'Computing' },
        });
        expect(miss).toMatchObject({ path: 'created', matches: 0 });
        const hit = await foc('find_company', {
          search: { name: 'harvard mark i' },
          create: { name: 'harvard mark i', industry: 'Computing' },
          update: { description: 'Relay computer' },
        });
        expect(hit).toMatchObject({ path: 'updated', matches: 1 });
        expect(hit.result).toMatchObject({
          id: (miss.result as Out).id,
          name: 'Harvard Mark I',
          industry: 'Computing',
          description: 'Relay computer',
        });

        // "Harvard Mark" is part of Mark I's name (the simulator, like many CRMs, matches names by
        // substring): not an exact match, so a new company is created and Mark I keeps its industry.
        const partial = await foc('find_company', {
          search: { name: 'Harvard Mark' },
          create: { name: 'Harvard Mark' },
          update: { industry: 'Calculators' },
        });
        expect(partial).toMatchObject({ path: 'created', matches: 0 });
        expect(sim.store.companies.filter((c) => c.industry === 'Calculators')).toEqual([]);

        await run('creates.create_company.operation.perform', bundle({ name: 'HARVARD MARK I' }));
        const err = await failureOf(
          foc('find_company', {
            search: { name: 'Harvard Mark I' },
            create: { name: 'Harvard Mark I' },
            update: { industry: 'Calculators' },
          }),
        );
        expect(err.message).toMatch(/^More than one company has the name Harvard Mark I \(Company Name\)\./);
        expect(sim.store.companies.filter((c) => c.industry === 'Calculators')).toEqual([]);
      });

      it('lead: a miss creates, a hit updates', async () => {
        await start();
        const create = { name: 'Howard Aiken', email: 'howard@harvard.example', company_name: 'Harvard' };
        const miss = await foc('find_lead', { search: { email: 'howard@harvard.example' }, create });
        expect(miss).toMatchObject({ path: 'created', matches: 0 });
        const hit = await foc('find_lead', {
          search: { email: 'howard@harvard.example' },
          create,
          update: { status: 'Contacted' },
        });
        expect(hit).toMatchObject({ path: 'updated', matches: 1 });
        expect(hit.result).toMatchObject({ id: (miss.result as Out).id, status: 'Contacted', company_name: 'Harvard' });
      });
    });

    it('Find Deal filters by title (part of it, any case), company and primary contact; Find or Create Deal creates once', async () => {
      await start();
      const { rocket, spacex, elon, gwynne } = sim.seeded;
      const find = (input: Record<string, unknown>) =>
        run('searches.find_deal.operation.perform', bundle(input)) as Promise<Out[]>;
      expect((await find({ title: 'ROCKET' })).map((d) => d.id)).toEqual([rocket.id]);
      expect((await find({ company_id: spacex.id, primary_contact_id: elon.id })).map((d) => d.id)).toEqual([
        rocket.id,
      ]);
      expect(await find({ primary_contact_id: gwynne.id })).toEqual([]);
      const input = { search: { title: 'Starship', company_id: spacex.id }, create: { title: 'Starship' } };
      const miss = await runSearchOrCreate(apideckApp, 'find_deal', run, bundle(), input);
      expect(miss).toMatchObject({ path: 'created', matches: 0 });
      const hit = await runSearchOrCreate(apideckApp, 'find_deal', run, bundle(), {
        ...input,
        search: { title: 'starship' },
      });
      expect(hit).toMatchObject({ path: 'found', matches: 1, result: { id: (miss.result as Out).id } });
      expect(sim.store.opportunities.filter((d) => d.title === 'Starship')).toHaveLength(1);
    });

    it('Update Deal moves the stage and outputs the deal as the CRM has it; Update Lead likewise', async () => {
      await start();
      const { rocket, lead } = sim.seeded;
      const deal = (await run(
        'creates.update_deal.operation.perform',
        bundle({ opportunity_id: rocket.id, pipeline_stage_id: 'closedwon' }),
      )) as Out;
      expect(deal).toMatchObject({
        id: rocket.id,
        title: 'New Rocket',
        pipeline_stage_id: 'closedwon',
        monetary_amount: 75000,
      });
      const updatedLead = (await run(
        'creates.update_lead.operation.perform',
        bundle({ lead_id: lead.id, status: 'Qualified' }),
      )) as Out;
      expect(updatedLead).toMatchObject({
        id: lead.id,
        name: 'Jeff Bezos',
        status: 'Qualified',
        email: 'jeff@blueorigin.example',
      });
      const newLeads = (await run('triggers.new_lead.operation.perform', bundle())) as Out[];
      expect(newLeads[0]).toMatchObject({ id: lead.id });
    });

    describe("custom fields (apideck-crm.md §6.1: records carry custom_fields as the document's examples do)", () => {
      it('contacts, companies, deals and leads output every value type flat under custom_<id>', async () => {
        await start();
        const [elon] = (await run(
          'searches.find_contact.operation.perform',
          bundle({ email: 'elon@musk.com' }),
        )) as Out[];
        expect(elon).toMatchObject({
          custom_2389328923893298: 'Uses Salesforce and Marketo',
          custom_2389328923893299: 10,
        });
        const [spacex] = (await run('searches.find_company.operation.perform', bundle({ name: 'SpaceX' }))) as Out[];
        expect(spacex).toMatchObject({
          custom_2389328923893298: 'Uses Salesforce and Marketo',
          custom_2389328923893300: true,
        });
        const [rocket] = (await run('triggers.new_deal.operation.perform', bundle())) as Out[];
        expect(rocket).toMatchObject({ custom_2389328923893302: ['Uses Salesforce and Marketo', 10, true] });
        const [lead] = (await run('triggers.new_lead.operation.perform', bundle())) as Out[];
        expect(lead).toMatchObject({ custom_2389328923893301: '{"foo":"bar"}' });
      });

      it('the output fields label them with their names, read from one plain listing', async () => {
        await start();
        const before = sim.server.requests.length;
        const fields = (await run('triggers.new_contact.operation.outputFields', bundle())) as {
          key: string;
          label: string;
        }[];
        expect(sim.server.requests.slice(before)).toEqual(['GET /crm/contacts']);
        expect(fields.filter((f) => f.key.startsWith('custom_'))).toEqual([
          { key: 'custom_2389328923893298', label: APIDECK_CUSTOM_FIELDS.text.name },
          { key: 'custom_2389328923893299', label: APIDECK_CUSTOM_FIELDS.number.name },
        ]);
      });
    });

    describe('a downstream rate limit (apideck-crm.md §5.4: x-downstream-ratelimit-limit/-remaining/-reset)', () => {
      it('every answer carries the three headers; the request over the limit is a 429 ConnectorRateLimitError without Retry-After', async () => {
        await start({ downstreamRateLimit: { limit: 1, windowSeconds: 60 } });
        const get = () =>
          fetch(`${sim.server.baseUrl}/crm/companies`, {
            headers: {
              authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
              'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
              'x-apideck-consumer-id': APIDECK_SANDBOX_CREDENTIALS.consumer_id,
            },
          });
        const ok = await get();
        const reset = Number(ok.headers.get('x-downstream-ratelimit-reset'));
        expect([
          ok.status,
          ok.headers.get('x-downstream-ratelimit-limit'),
          ok.headers.get('x-downstream-ratelimit-remaining'),
        ]).toEqual([200, '1', '0']);
        // A Unix timestamp in seconds, the window's end.
        expect(reset).toBeGreaterThan(Date.now() / 1000 + 55);
        expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
        const over = await get();
        expect(over.status).toBe(429);
        expect(over.headers.get('retry-after')).toBeNull();
        expect(over.headers.get('x-downstream-ratelimit-reset')).toBe(String(reset));
        expect(await over.json()).toMatchObject({ status_code: 429, type_name: 'ConnectorRateLimitError' });
      });

      it('a poll over the limit is retried by Zapier when the downstream window resets', async () => {
        await start({ downstreamRateLimit: { limit: 2, windowSeconds: 60 } });
        // Two requests: the contacts, and the user list for their owners' names.
        await run('triggers.new_contact.operation.perform', bundle());
        const err = await failureOf(run('triggers.new_lead.operation.perform', bundle()));
        expect(err.name).toBe('ThrottledError');
        // The downstream CRM's words, not the JSON Apideck proxies them in.
        expect(err.message).toMatch(
          /^The connected CRM is rate limiting Apideck \(Connector Rate Limit Error — The hubspot API rate limit was reached\); Zapier will retry in \d+ s\.$/,
        );
        const { delay } = JSON.parse(err.raw) as { delay: number };
        // The window's 60 s, give or take the rounding of a reset in whole Unix seconds.
        expect(delay).toBeGreaterThanOrEqual(55);
        expect(delay).toBeLessThanOrEqual(61);
      });
    });

    describe('a connector that refuses a filter, a sort or paging (apideck-crm.md §5.5; polling as §17.4)', () => {
      /** The query of every list request the simulator answers, with its status. */
      const listCalls = () => {
        const calls: string[] = [];
        sim.server.onResponse((req, res) => {
          if (req.method === 'GET') calls.push(`${res.status} ${req.path}?${decodeURIComponent(req.query.toString())}`);
        });
        return calls;
      };

      it('refuses with the documented error types', async () => {
        await start({
          refuse: {
            contacts: { filters: ['created_since'] },
            opportunities: { sortBy: ['created_at'] },
            leads: { paging: true },
          },
        });
        const headers = {
          authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
          'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
          'x-apideck-consumer-id': APIDECK_SANDBOX_CREDENTIALS.consumer_id,
        };
        const typeOf = async (path: string) => {
          const res = await fetch(`${sim.server.baseUrl}${path}`, { headers });
          return [res.status, ((await res.json()) as { type_name?: string }).type_name];
        };
        expect(await typeOf('/crm/contacts?filter[created_since]=2024-01-01T00:00:00Z')).toEqual([
          400,
          'UnsupportedFiltersError',
        ]);
        expect(await typeOf('/crm/contacts?filter[name]=Elon')).toEqual([200, undefined]);
        expect(await typeOf('/crm/opportunities?sort[by]=created_at&sort[direction]=desc')).toEqual([
          400,
          'UnsupportedSortFieldError',
        ]);
        expect(await typeOf('/crm/leads?limit=10')).toEqual([400, 'PaginationNotSupportedError']);
        expect(await typeOf('/crm/leads')).toEqual([200, undefined]);
      });

      it('New Contact with a refused created_since filter: one more request, the plain listing, newest first (then the user list, for owner names)', async () => {
        await start({ refuse: { contacts: { filters: ['created_since'] } } });
        const calls = listCalls();
        const contacts = (await run('triggers.new_contact.operation.perform', bundle())) as Out[];
        expect(calls).toEqual([
          expect.stringMatching(
            /^400 \/crm\/contacts\?filter\[created_since\]=.*&sort\[by\]=created_at&sort\[direction\]=desc&limit=100$/,
          ),
          '200 /crm/contacts?limit=100',
          '200 /crm/users?limit=200',
        ]);
        expect(contacts.map((c) => c.name)).toEqual(['Gwynne Shotwell', 'Elon Musk']);
      });

      it('New Deal with a refused sort and New Lead without paging keep working; a connector that serves the query costs one request', async () => {
        await start({ refuse: { opportunities: { sortBy: ['created_at'] }, leads: { paging: true } } });
        const calls = listCalls();
        const deals = (await run('triggers.new_deal.operation.perform', bundle())) as Out[];
        const leads = (await run('triggers.new_lead.operation.perform', bundle())) as Out[];
        const contacts = (await run('triggers.new_contact.operation.perform', bundle())) as Out[];
        expect(calls.map((c) => c.replace(/filter\[created_since\]=[^&]*&/, ''))).toEqual([
          '400 /crm/opportunities?sort[by]=created_at&sort[direction]=desc&limit=100',
          '200 /crm/opportunities?limit=100',
          '200 /crm/pipelines?limit=200',
          '400 /crm/leads?sort[by]=created_at&sort[direction]=desc&limit=100',
          '200 /crm/leads?',
          '200 /crm/contacts?sort[by]=created_at&sort[direction]=desc&limit=100',
          '200 /crm/users?limit=200',
        ]);
        expect(deals.map((d) => d.title)).toEqual(['New Rocket']);
        expect(leads.map((l) => l.name)).toEqual(['Jeff Bezos']);
        expect(contacts).toHaveLength(2);
      });
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
