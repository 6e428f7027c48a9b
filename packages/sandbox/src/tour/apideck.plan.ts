import apideckApp from 'apideck-crm';
import { APIDECK_CUSTOM_FIELDS, APIDECK_SANDBOX_CREDENTIALS, createApideckSimulator } from '../simulators/apideck';
import { idOf, nonEmpty } from './plan.helpers';
import { runSearchOrCreate, type SearchOrCreateOutcome } from '../searchOrCreate';
import type { MethodRunner } from '@crm-zapier/kit';
import type { TourPlan, TourStep } from './tour.lib';

/** Fails a find-or-create step that did not take the expected path. */
const took =
  (path: SearchOrCreateOutcome['path'], check?: (result: Record<string, unknown>) => boolean) => (r: unknown) => {
    const outcome = r as SearchOrCreateOutcome;
    if (outcome.path !== path) throw new Error(`expected ${path}, got ${outcome.path}`);
    if (check && !check(outcome.result as Record<string, unknown>))
      throw new Error(`unexpected result ${JSON.stringify(outcome.result)}`);
  };

/** Fails a search that did not find exactly the one record named `name`. */
const exactlyOne = (name: string) => (result: unknown) => {
  const names = (result as { name?: unknown }[]).map((r) => r.name);
  if (names.length !== 1 || names[0] !== name) throw new Error(`expected only ${name}, got ${JSON.stringify(names)}`);
};

/** Every Apideck CRM operation, in the order a Zap builder meets them. */
export const apideckPlan = (): TourPlan => {
  const sim = createApideckSimulator();
  const { elonUser, spacex, elon, rocket } = sim.seeded;
  return {
    crm: 'apideck',
    app: apideckApp,
    authData: APIDECK_SANDBOX_CREDENTIALS,
    server: sim.server,
    env: (baseUrl) => ({ APIDECK_BASE_URL: baseUrl }),
    steps: [
      { name: 'auth test', method: 'authentication.test' },
      { name: 'list_users', method: 'triggers.list_users.operation.perform', expect: nonEmpty },
      { name: 'list_companies', method: 'triggers.list_companies.operation.perform', expect: nonEmpty },
      { name: 'list_pipelines', method: 'triggers.list_pipelines.operation.perform', expect: nonEmpty },
      {
        name: 'list_pipeline_stages',
        method: 'triggers.list_pipeline_stages.operation.perform',
        inputData: { pipeline_id: 'default' },
        expect: nonEmpty,
      },
      {
        name: 'list_contacts',
        method: 'triggers.list_contacts.operation.perform',
        expect: (result) => {
          nonEmpty(result);
          // Newest first, labelled with name and email.
          const first = (result as { name?: unknown }[])[0]!;
          if (first.name !== 'Gwynne Shotwell (gwynne@spacex.com)') throw new Error(`first choice is ${first.name}`);
        },
      },
      {
        name: 'list_deals',
        method: 'triggers.list_deals.operation.perform',
        expect: (result) => {
          nonEmpty(result);
          const first = (result as { name?: unknown }[])[0]!;
          if (first.name !== 'New Rocket') throw new Error(`first choice is ${first.name}`);
        },
      },
      { name: 'new_contact', method: 'triggers.new_contact.operation.perform', expect: nonEmpty },
      { name: 'updated_contact', method: 'triggers.updated_contact.operation.perform', expect: nonEmpty },
      {
        name: 'new_deal',
        method: 'triggers.new_deal.operation.perform',
        // The pipeline and stage by name beside their ids (one read of the pipeline list).
        expect: (result) => {
          nonEmpty(result);
          const d = (result as Record<string, unknown>[]).find((x) => x.title === 'New Rocket');
          if (d?.pipeline_name !== 'Sales Pipeline' || d.stage_name !== 'Contract Sent')
            throw new Error(`new_deal returned ${JSON.stringify(d)}`);
        },
      },
      { name: 'updated_deal', method: 'triggers.updated_deal.operation.perform', expect: nonEmpty },
      { name: 'list_leads', method: 'triggers.list_leads.operation.perform', expect: nonEmpty },
      { name: 'new_lead', method: 'triggers.new_lead.operation.perform', expect: nonEmpty },
      {
        name: 'find_contact',
        method: 'searches.find_contact.operation.perform',
        inputData: { email: 'elon@musk.com' },
        expect: nonEmpty,
      },
      {
        name: 'find_company',
        method: 'searches.find_company.operation.perform',
        inputData: { name: 'SpaceX' },
        expect: nonEmpty,
      },
      {
        name: 'find_lead',
        method: 'searches.find_lead.operation.perform',
        inputData: { email: 'jeff@blueorigin.example', company_name: 'blue origin' },
        expect: nonEmpty,
      },
      {
        // Every input a documented filter[...] (title, company_id, primary_contact_id): one page of 10.
        name: 'find_deal',
        method: 'searches.find_deal.operation.perform',
        inputData: { title: 'rocket', company_id: spacex.id, primary_contact_id: elon.id },
        expect: (result) => {
          const d = (result as Record<string, unknown>[])[0];
          if (d?.title !== 'New Rocket' || d.stage_name !== 'Contract Sent' || d.company_id !== spacex.id)
            throw new Error(`find_deal returned ${JSON.stringify(result)}`);
        },
      },
      // The hidden searches behind Find or Create: only the one exact match of an email or a whole name.
      {
        name: 'find_contact_exact',
        method: 'searches.find_contact_exact.operation.perform',
        inputData: { email: 'ELON@spacex.com' },
        expect: exactlyOne('Elon Musk'),
      },
      {
        name: 'find_company_exact',
        method: 'searches.find_company_exact.operation.perform',
        inputData: { name: 'spacex' },
        expect: exactlyOne('SpaceX'),
      },
      {
        name: 'find_lead_exact',
        method: 'searches.find_lead_exact.operation.perform',
        inputData: { email: 'jeff@blueorigin.example' },
        expect: exactlyOne('Jeff Bezos'),
      },
      {
        name: 'create_contact',
        method: 'creates.create_contact.operation.perform',
        inputData: {
          first_name: 'Ada',
          last_name: 'Lovelace',
          title: 'Analyst',
          company_id: spacex.id,
          owner_id: elonUser.id,
          email: 'ada@example.com',
          phone_number: '+44 20 7946 0000',
          phone_type: 'mobile',
          address_city: 'London',
          address_country: 'gb',
          tags: ['Engines'],
        },
      },
      {
        name: 'update_contact',
        method: 'creates.update_contact.operation.perform',
        inputData: (ctx) => ({
          contact_id: idOf(ctx, 'create_contact'),
          title: 'Countess',
          email: 'ada@lovelace.org',
          email_type: 'personal',
        }),
        // The personal email is merged into the contact's emails (read first, then PATCH, then read
        // back): the primary email given at create is still there, and so is what was not sent.
        expect: (result) => {
          const c = result as Record<string, unknown>;
          if (
            c.title !== 'Countess' ||
            c.first_name !== 'Ada' ||
            c.address_city !== 'London' ||
            c.email !== 'ada@example.com' ||
            c.email_personal !== 'ada@lovelace.org'
          )
            throw new Error(`update_contact returned ${JSON.stringify(c)}`);
        },
      },
      {
        name: 'create_company',
        method: 'creates.create_company.operation.perform',
        inputData: { name: 'Analytical Engines Ltd', industry: 'Computing', website: 'https://engines.example.com' },
      },
      {
        // The seeded companies are older than the 7-day look-back: the one just created is the news.
        name: 'new_company',
        method: 'triggers.new_company.operation.perform',
        expect: (result) => {
          const names = (result as Record<string, unknown>[]).map((c) => c.name);
          if (names.join() !== 'Analytical Engines Ltd') throw new Error(`new_company returned ${names.join()}`);
        },
      },
      {
        name: 'create_deal',
        method: 'creates.create_deal.operation.perform',
        inputData: (ctx) => ({
          title: 'Difference Engine',
          pipeline_id: 'default',
          pipeline_stage_id: 'appointmentscheduled',
          monetary_amount: '12500',
          currency: 'gbp',
          close_date: '2030-06-30',
          primary_contact_id: idOf(ctx, 'create_contact'),
          company_id: idOf(ctx, 'create_company'),
          owner_id: elonUser.id,
        }),
      },
      {
        name: 'create_note',
        method: 'creates.create_note.operation.perform',
        inputData: (ctx) => ({
          content: 'Met at the conference',
          title: 'Intro',
          contact_id: idOf(ctx, 'create_contact'),
          opportunity_id: idOf(ctx, 'create_deal'),
        }),
      },
      {
        name: 'log_activity',
        method: 'creates.log_activity.operation.perform',
        inputData: (ctx) => ({
          type: 'call',
          title: 'Intro call',
          start: '2030-05-01T14:30:00+02:00',
          duration_minutes: '2.5',
          contact_id: idOf(ctx, 'create_contact'),
          opportunity_id: idOf(ctx, 'create_deal'),
        }),
      },
      {
        name: 'update_company',
        method: 'creates.update_company.operation.perform',
        inputData: (ctx) => ({ company_id: idOf(ctx, 'create_company'), industry: 'Computing Machinery' }),
        expect: (result) => {
          const c = result as Record<string, unknown>;
          if (c.industry !== 'Computing Machinery' || c.website !== 'https://engines.example.com')
            throw new Error(`update_company returned ${JSON.stringify(c)}`);
        },
      },
      {
        // The industry just set is a new value of the watched field: only that company.
        name: 'company_field_changed',
        method: 'triggers.company_field_changed.operation.perform',
        inputData: { field: 'industry', value: 'computing machinery' },
        expect: (result) => {
          const changes = (result as Record<string, unknown>[]).map((c) => `${String(c.name)}: ${String(c.new_value)}`);
          if (changes.join() !== 'Analytical Engines Ltd: Computing Machinery')
            throw new Error(`company_field_changed returned ${changes.join()}`);
        },
      },
      {
        name: 'update_deal',
        method: 'creates.update_deal.operation.perform',
        inputData: (ctx) => ({ opportunity_id: idOf(ctx, 'create_deal'), pipeline_stage_id: 'contractsent' }),
        expect: (result) => {
          const d = result as Record<string, unknown>;
          if (
            d.pipeline_stage_id !== 'contractsent' ||
            d.stage_name !== 'Contract Sent' ||
            d.title !== 'Difference Engine'
          )
            throw new Error(`update_deal returned ${JSON.stringify(d)}`);
        },
      },
      {
        // Only deals that moved into Contract Sent: the one just moved, and the seeded New Rocket.
        name: 'updated_deal (moved into a stage)',
        method: 'triggers.updated_deal.operation.perform',
        inputData: { only_when: 'stage', pipeline_id: 'default', pipeline_stage_id: 'contractsent' },
        expect: (result) => {
          const titles = (result as Record<string, unknown>[]).map((d) => d.title);
          if (titles.join() !== 'Difference Engine,New Rocket')
            throw new Error(`updated_deal returned ${titles.join()}`);
        },
      },
      {
        name: 'create_lead',
        method: 'creates.create_lead.operation.perform',
        inputData: {
          first_name: 'Charles',
          last_name: 'Babbage',
          company_name: 'Analytical Engines Ltd',
          email: 'charles@engines.example.com',
          // Line items: more emails and numbers, each with its type.
          more_emails: [{ more_email: 'babbage@royalsociety.example.org', more_email_type: 'personal' }],
          more_phones: [
            { more_phone: '+44 20 7946 0101', more_phone_type: 'work' },
            { more_phone: '+44 7700 900123', more_phone_type: 'mobile' },
          ],
          lead_source: 'Conference',
          monetary_amount: '5000',
          currency: 'gbp',
        },
        expect: (result) => {
          const l = result as Record<string, unknown>;
          if (
            l.email !== 'charles@engines.example.com' ||
            l.email_personal !== 'babbage@royalsociety.example.org' ||
            l.phone_work !== '+44 20 7946 0101' ||
            l.phone_mobile !== '+44 7700 900123'
          )
            throw new Error(`create_lead returned ${JSON.stringify(l)}`);
        },
      },
      {
        name: 'update_lead',
        method: 'creates.update_lead.operation.perform',
        inputData: (ctx) => ({ lead_id: idOf(ctx, 'create_lead'), status: 'Qualified' }),
        expect: (result) => {
          const l = result as Record<string, unknown>;
          if (l.status !== 'Qualified' || l.email !== 'charles@engines.example.com')
            throw new Error(`update_lead returned ${JSON.stringify(l)}`);
        },
      },
      // Custom fields: one input per field Vault lists for the connection's resource (the sandbox
      // connection names no Service ID, so the connector comes from a one-record list first).
      ...(
        [
          ['create_contact', 'contacts', [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.number]],
          ['update_company', 'companies', [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.boolean]],
          ['create_lead', 'leads', [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.object]],
          ['update_deal', 'deals', [APIDECK_CUSTOM_FIELDS.text, APIDECK_CUSTOM_FIELDS.list]],
        ] as const
      ).map(([op, noun, fields]) => ({
        name: `${op} (${noun}' custom fields in the editor)`,
        method: `creates.${op}.operation.inputFields`,
        // Run as a custom step: the secret scan (packages/sandbox/test/secrets.test.ts) expects a
        // failing request to fail the step, and these fields fall back to a free input instead; the
        // fallback's log line is scanned in integrations/apideck/test/createCompany.test.ts.
        custom: (run: MethodRunner, bundle: Parameters<NonNullable<TourStep['custom']>>[1]) =>
          run(`creates.${op}.operation.inputFields`, bundle),
        expect: (result: unknown) => {
          const custom = (result as { key: string; label?: string }[])
            .filter((f) => f.key.startsWith('custom_fields__'))
            .map((f) => `${f.key}=${f.label}`);
          const expected = fields.map((f) => `custom_fields__${f.id}=${f.name}`);
          if (custom.join() !== expected.join()) throw new Error(`custom field inputs: ${custom.join()}`);
        },
      })),
      {
        name: 'create_company (with a custom field)',
        method: 'creates.create_company.operation.perform',
        inputData: {
          name: 'Jacquard Looms',
          [`custom_fields__${APIDECK_CUSTOM_FIELDS.boolean.id}`]: 'true',
          [`custom_fields__${APIDECK_CUSTOM_FIELDS.text.id}`]: '',
        },
        // Only the field filled in is sent, as the user gave it; the company is output with it.
        expect: (result) => {
          const c = result as Record<string, unknown>;
          if (
            c[`custom_${APIDECK_CUSTOM_FIELDS.boolean.id}`] !== 'true' ||
            `custom_${APIDECK_CUSTOM_FIELDS.text.id}` in c
          )
            throw new Error(`create_company returned ${JSON.stringify(c)}`);
        },
      },
      {
        name: 'update_deal (a custom field)',
        method: 'creates.update_deal.operation.perform',
        inputData: {
          opportunity_id: rocket.id,
          [`custom_fields__${APIDECK_CUSTOM_FIELDS.text.id}`]: 'Uses HubSpot',
          [`custom_fields__${APIDECK_CUSTOM_FIELDS.list.id}`]: ' ',
        },
        // The field filled in changes; the blank one, and everything else, stay as they were.
        expect: (result) => {
          const d = result as Record<string, unknown>;
          if (
            d[`custom_${APIDECK_CUSTOM_FIELDS.text.id}`] !== 'Uses HubSpot' ||
            JSON.stringify(d[`custom_${APIDECK_CUSTOM_FIELDS.list.id}`]) !==
              JSON.stringify(APIDECK_CUSTOM_FIELDS.list.value) ||
            d.title !== 'New Rocket'
          )
            throw new Error(`update_deal returned ${JSON.stringify(d)}`);
        },
      },
      {
        // Only the lead just qualified.
        name: 'lead_status_changed',
        method: 'triggers.lead_status_changed.operation.perform',
        inputData: { status: 'Qualified' },
        expect: (result) => {
          const leads = (result as Record<string, unknown>[]).map((l) => `${String(l.name)}: ${String(l.status)}`);
          if (leads.join() !== 'Charles Babbage: Qualified')
            throw new Error(`lead_status_changed returned ${leads.join()}`);
        },
      },
      {
        name: 'find_or_create_contact (miss: create)',
        method: 'searchOrCreates.find_contact',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_contact', run, bundle, {
            search: { email: 'grace@navy.example' },
            create: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
          }),
        expect: took('created'),
      },
      {
        name: 'find_or_create_contact (hit: update)',
        method: 'searchOrCreates.find_contact',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_contact', run, bundle, {
            search: { email: 'grace@navy.example' },
            create: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
            update: { title: 'Rear Admiral' },
          }),
        expect: took('updated', (c) => c.title === 'Rear Admiral' && c.first_name === 'Grace'),
      },
      {
        name: 'find_or_create_company (miss: create)',
        method: 'searchOrCreates.find_company',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_company', run, bundle, {
            search: { name: 'Harvard Mark I' },
            create: { name: 'Harvard Mark I', industry: 'Computing' },
          }),
        expect: took('created'),
      },
      {
        name: 'find_or_create_company (hit: update)',
        method: 'searchOrCreates.find_company',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_company', run, bundle, {
            search: { name: 'Harvard Mark I' },
            create: { name: 'Harvard Mark I', industry: 'Computing' },
            update: { description: 'Automatic Sequence Controlled Calculator' },
          }),
        expect: took('updated', (c) => c.industry === 'Computing' && typeof c.description === 'string'),
      },
      {
        name: 'find_or_create_lead (miss: create)',
        method: 'searchOrCreates.find_lead',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_lead', run, bundle, {
            search: { email: 'howard@harvard.example' },
            create: { name: 'Howard Aiken', email: 'howard@harvard.example' },
          }),
        expect: took('created'),
      },
      {
        name: 'find_or_create_lead (hit: update)',
        method: 'searchOrCreates.find_lead',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_lead', run, bundle, {
            search: { email: 'howard@harvard.example' },
            create: { name: 'Howard Aiken', email: 'howard@harvard.example' },
            update: { status: 'Contacted' },
          }),
        expect: took('updated', (l) => l.status === 'Contacted' && l.name === 'Howard Aiken'),
      },
      {
        name: 'find_or_create_deal (hit: found)',
        method: 'searchOrCreates.find_deal',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_deal', run, bundle, {
            search: { title: 'New Rocket', company_id: spacex.id },
            create: { title: 'New Rocket', company_id: spacex.id },
          }),
        expect: took('found', (d) => d.title === 'New Rocket'),
      },
      {
        name: 'find_or_create_deal (miss: create)',
        method: 'searchOrCreates.find_deal',
        custom: (run, bundle) =>
          runSearchOrCreate(apideckApp, 'find_deal', run, bundle, {
            search: { title: 'Analytical Engine', company_id: spacex.id },
            create: { title: 'Analytical Engine', company_id: spacex.id, monetary_amount: '90000' },
          }),
        expect: took('created', (d) => d.title === 'Analytical Engine' && d.company_id === spacex.id),
      },
      {
        // Any endpoint of the unified CRM API, with the connection's headers: one contact.
        name: 'api_request',
        method: 'creates.api_request.operation.perform',
        inputData: { method: 'GET', path: '/contacts', query: { limit: '1' } },
        expect: (r) => {
          if ((r as { status?: unknown }).status !== 200) throw new Error('expected status 200');
        },
      },
    ],
  };
};
