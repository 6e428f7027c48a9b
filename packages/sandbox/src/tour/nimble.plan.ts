import nimbleApp from 'nimble';
import { createNimbleSimulator, type NimbleSimulatorOptions } from '../simulators/nimble';
import { idOf, nonEmpty } from './plan.helpers';
import { runSearchOrCreate } from '../searchOrCreate';
import type { TourPlan } from './tour.lib';

const fail = (message: string): never => {
  throw new Error(message);
};

/**
 * Every Nimble operation, in the order a Zap builder meets them, starting with a full OAuth2
 * authorization-code flow and ending with a refresh.
 *
 * runPlan passes the same `authData` object to every step, so the token steps store what they
 * receive in it — as Zapier stores what getAccessToken and refreshAccessToken return — and the
 * steps after them run with those tokens.
 */
export const nimblePlan = (options: NimbleSimulatorOptions = {}): TourPlan => {
  const sim = createNimbleSimulator(options);
  const { clientId, clientSecret, redirectUri } = sim.client;
  const authData: Record<string, string> = {};
  const state = 'tour-state-4711';
  let code = '';
  const pipeline = sim.pipelines[0]!;
  const stage = pipeline.stages[0]!;
  const proposal = pipeline.stages.find((s) => s.name === 'Proposal')!;
  const pathOf = (r: unknown) => (r as { path: string }).path;
  /** The deal update_deal moves, which deal_stage_changed must report. */
  let movedDealId = '';

  const storeTokens = (result: unknown) => {
    const r = result as Record<string, unknown>;
    if (typeof r.access_token !== 'string' || typeof r.refresh_token !== 'string' || !r.refresh_token) {
      fail('no access and refresh token came back');
    }
    Object.assign(authData, r);
  };

  return {
    crm: 'nimble',
    app: nimbleApp,
    authData,
    server: sim.server,
    env: (baseUrl) => ({ NIMBLE_BASE_URL: baseUrl, CLIENT_ID: clientId, CLIENT_SECRET: clientSecret }),
    steps: [
      {
        name: 'oauth authorize',
        method: 'authentication.oauth2Config.authorizeUrl',
        inputData: { redirect_uri: redirectUri, state },
        // The browser leg: the simulator's authorize endpoint answers the URL the app built.
        expect: (result) => {
          const url = new URL(String(result));
          const answer = sim.authorize(url.searchParams);
          const back = new URL(answer.headers?.location ?? fail(`authorize answered ${answer.status}`));
          if (back.searchParams.get('state') !== state) fail('state did not come back');
          code = back.searchParams.get('code') ?? fail(`no code: ${back.searchParams.get('error_description')}`);
        },
      },
      {
        name: 'oauth getAccessToken',
        method: 'authentication.oauth2Config.getAccessToken',
        inputData: () => ({ code, redirect_uri: redirectUri, state }),
        expect: storeTokens,
      },
      { name: 'auth test', method: 'authentication.test' },
      { name: 'list_pipelines', method: 'triggers.list_pipelines.operation.perform', expect: nonEmpty },
      {
        // Only open stages (nimble.md §12.3): not archived, not won or lost.
        name: 'list_stages',
        method: 'triggers.list_stages.operation.perform',
        inputData: { pipeline_id: pipeline.pipeline_id },
        expect: (result) => {
          nonEmpty(result);
          const names = (result as { name: string }[]).map((s) => s.name).join();
          if (/Won|Lost|Old stage/.test(names)) fail(`the dropdown offers ${names}`);
        },
      },
      {
        // Watching for a stage: won and lost are offered too (a deal is moved there in Nimble).
        name: 'list_any_stages',
        method: 'triggers.list_any_stages.operation.perform',
        inputData: { pipeline_id: pipeline.pipeline_id },
        expect: (result) => {
          const names = (result as { name: string }[]).map((s) => s.name).join();
          if (!/Won/.test(names) || !/Lost/.test(names) || /Old stage/.test(names))
            fail(`the dropdown offers ${names}`);
        },
      },
      {
        name: 'list_contacts',
        method: 'triggers.list_contacts.operation.perform',
        meta: { isFillingDynamicDropdown: true, page: 0 },
        expect: (result) => {
          nonEmpty(result);
          const first = (result as { id: string; name: string }[])[0]!;
          const newest = [...sim.contacts].sort((a, b) => b.createdMs - a.createdMs)[0]!;
          if (first.id !== newest.id) fail('the dropdown does not start with the newest contact');
          if (!first.name || first.name === first.id) fail('the dropdown shows no readable label');
        },
      },
      {
        name: 'list_contacts page 2',
        method: 'triggers.list_contacts.operation.perform',
        meta: { isFillingDynamicDropdown: true, page: 1 },
        // The seed holds fewer contacts than one page: "load more" finds nothing more.
        expect: (result) => {
          if (!Array.isArray(result) || result.length !== 0) fail('page 2 should be empty');
        },
      },
      {
        // Owner and Assignee: the connected user first, then the owners of recent deals.
        name: 'list_users',
        method: 'triggers.list_users.operation.perform',
        expect: (result) => {
          const first = (result as { id: string; name: string }[])[0];
          if (first?.id !== sim.user.user_id || !first.name.endsWith('(you)')) fail('the connected user is not first');
        },
      },
      { name: 'new_contact', method: 'triggers.new_contact.operation.perform', expect: nonEmpty },
      {
        name: 'updated_contact',
        method: 'triggers.updated_contact.operation.perform',
        inputData: { record_type: 'person' },
        expect: nonEmpty,
      },
      { name: 'new_deal', method: 'triggers.new_deal.operation.perform', expect: nonEmpty },
      { name: 'list_deals', method: 'triggers.list_deals.operation.perform', expect: nonEmpty },
      {
        name: 'find_deal',
        method: 'searches.find_deal.operation.perform',
        inputData: { name: 'renewal', pipeline_id: pipeline.pipeline_id },
        expect: nonEmpty,
      },
      {
        // No pipeline: the pipelines, then each live one's search.
        name: 'find_deal (every pipeline)',
        method: 'searches.find_deal.operation.perform',
        inputData: { name: 'Renewal' },
        expect: nonEmpty,
      },
      {
        name: 'find_deal by id',
        method: 'searches.find_deal.operation.perform',
        inputData: () => ({ deal_id: sim.deals[0]!.deal_id }),
        expect: nonEmpty,
      },
      {
        name: 'find_contact',
        method: 'searches.find_contact.operation.perform',
        inputData: { email: 'jon@nimble.com' },
        expect: nonEmpty,
      },
      {
        name: 'find_contact company',
        method: 'searches.find_contact.operation.perform',
        inputData: { company_name: 'Nimble' },
        expect: nonEmpty,
      },
      {
        // The hidden search behind Find or Create Contact: only the contact with exactly this email.
        name: 'find_contact_exact',
        method: 'searches.find_contact_exact.operation.perform',
        inputData: { email: 'JON@nimble.com' },
        expect: (r) => {
          if ((r as unknown[]).length !== 1) fail('expected exactly Jon');
        },
      },
      {
        name: 'create_contact fields',
        method: 'creates.create_contact.operation.inputFields',
        expect: nonEmpty,
      },
      {
        name: 'create_contact',
        method: 'creates.create_contact.operation.perform',
        inputData: {
          record_type: 'person',
          first_name: 'Ada',
          last_name: 'Lovelace',
          company_name: 'Analytical Engines',
          title: 'Programmer',
          email: 'ada@analyticalengines.co.uk',
          email_type: 'work',
          phone_mobile: '+44 20 7946 0000',
          address_city: 'London',
          address_country: 'United Kingdom',
          tags: ['zapier', 'mathematics'],
          'fields__Customer Tier': '2',
        },
        // A drop-down field stores the option's id; its label comes out beside it.
        expect: (result) => {
          const r = result as Record<string, unknown>;
          if (r['fields__Customer Tier'] !== '2' || r['fields__Customer Tier__label'] !== 'Silver') {
            fail(
              `Customer Tier came out as ${String(r['fields__Customer Tier'])} / ${String(r['fields__Customer Tier__label'])}`,
            );
          }
          if (r.owner_id !== sim.user.user_id) fail('the contact is not owned by the connected user');
        },
      },
      {
        name: 'update_contact',
        method: 'creates.update_contact.operation.perform',
        inputData: (ctx) => ({
          contact_id: idOf(ctx, 'create_contact'),
          mode: 'extend',
          email: 'ada.king@outlook.com',
          email_type: 'personal',
          phone_work: '+44 20 7946 0001',
        }),
      },
      {
        // A company: Update Contact reads its type, so Company Name is the company's own name.
        name: 'update_contact company',
        method: 'creates.update_contact.operation.perform',
        inputData: { contact_id: sim.seeded.nimbleCo.id, company_name: 'Nimble CRM' },
        expect: (result) => {
          const r = result as Record<string, unknown>;
          if (r.record_type !== 'company' || r.name !== 'Nimble CRM') fail(`the company is now ${String(r.name)}`);
        },
      },
      {
        name: 'add_contact_tags',
        method: 'creates.add_contact_tags.operation.perform',
        inputData: (ctx) => ({ contact_id: idOf(ctx, 'create_contact'), tags: ['speaker', 'zapier'] }),
        expect: (result) => {
          const tags = (result as { tags: string[] }).tags;
          if (tags.join() !== 'zapier,mathematics,speaker') fail(`the tags are ${tags.join()}`);
        },
      },
      {
        // Nimble answers the body as URL-encoded HTML (nimble.md §9): the output is readable text.
        name: 'create_note',
        method: 'creates.create_note.operation.perform',
        inputData: (ctx) => ({ contact_ids: [idOf(ctx, 'create_contact')], note: 'Met at the conference.' }),
        expect: (result) => {
          const note = (result as { note: string }).note;
          if (note !== 'Met at the conference.') fail(`the note reads ${note}`);
        },
      },
      {
        name: 'create_task',
        method: 'creates.create_task.operation.perform',
        inputData: (ctx) => ({
          subject: 'Send the quote',
          notes: 'Include the volume discount.',
          // A date alone: due at 09:00 in the Zap's time zone (London, summer time), with its offset.
          due_date: '2030-05-03',
          contact_ids: [idOf(ctx, 'create_contact')],
        }),
        expect: (result) => {
          const due = (result as { due_date: string }).due_date;
          if (due !== '2030-05-03T08:00:00+00:00') fail(`the task is due ${due}`);
        },
      },
      {
        name: 'create_deal',
        method: 'creates.create_deal.operation.perform',
        inputData: (ctx) => ({
          pipeline_id: pipeline.pipeline_id,
          stage_id: stage.stage_id,
          name: 'Engines for Ada',
          amount: '25000',
          currency: 'GBP',
          expected_close_date: '2030-06-30T00:00:00Z',
          contact_ids: [idOf(ctx, 'create_contact')],
          tags: ['zapier'],
        }),
      },
      {
        // The deal field ids are now in z.cache and the user's id in authData: one request.
        name: 'create_deal again',
        method: 'creates.create_deal.operation.perform',
        inputData: { pipeline_id: pipeline.pipeline_id, stage_id: stage.stage_id, name: 'Second engine' },
      },
      {
        // A stage of the deal's own pipeline (won and lost are set in Nimble); Proposal has no default
        // probability, so one is given.
        name: 'update_deal',
        method: 'creates.update_deal.operation.perform',
        inputData: (ctx) => ({
          deal_id: idOf(ctx, 'create_deal'),
          stage_id: proposal.stage_id,
          probability: '60',
          amount: '30000',
          expected_close_date: '2030-07-15T00:00:00Z',
        }),
        expect: (result) => {
          const r = result as Record<string, unknown>;
          if (r.stage_name !== 'Proposal' || r.amount !== 30000 || r.name !== 'Engines for Ada') {
            fail(`the deal is now ${String(r.stage_name)}, ${String(r.amount)}, ${String(r.name)}`);
          }
          if (r.expected_close_date !== '2030-07-15') fail(`it closes ${String(r.expected_close_date)}`);
        },
      },
      {
        // Custom fields, keyed by their ids in the Sales pipeline (one fields read, the pipeline, the create).
        name: 'create_deal (custom fields)',
        method: 'creates.create_deal.operation.perform',
        inputData: {
          pipeline_id: pipeline.pipeline_id,
          stage_id: stage.stage_id,
          name: 'Engines with terms',
          fields__contract_length: '24',
          fields__renewal_date: '2031-01-15T09:00:00Z',
          fields__auto_renew: 'true',
          fields__region: 'EMEA',
        },
        expect: (result) => {
          const r = result as Record<string, unknown>;
          if (r.fields__contract_length !== '24' || r.fields__region !== 'EMEA' || r.fields__auto_renew !== 'true') {
            fail(`the deal's custom fields are ${String(r.fields__contract_length)}, ${String(r.fields__region)}`);
          }
          if (r.fields__renewal_date !== '2031-01-15T09:00:00+00:00')
            fail(`it renews ${String(r.fields__renewal_date)}`);
        },
      },
      {
        // Only the custom field filled changes: the blank one is not sent, so the deal keeps its value.
        name: 'update_deal (custom field)',
        method: 'creates.update_deal.operation.perform',
        inputData: (ctx) => ({
          deal_id: idOf(ctx, 'create_deal (custom fields)'),
          fields__region: 'APAC',
          fields__contract_length: '',
        }),
        expect: (result) => {
          const r = result as Record<string, unknown>;
          if (r.fields__region !== 'APAC' || r.fields__contract_length !== '24' || r.name !== 'Engines with terms') {
            fail(
              `the deal is now ${String(r.fields__region)}, ${String(r.fields__contract_length)}, ${String(r.name)}`,
            );
          }
        },
      },
      {
        // The move update_deal just made (Qualified → Proposal), from the pipeline's listing of that stage.
        name: 'deal_stage_changed',
        method: 'triggers.deal_stage_changed.operation.perform',
        inputData: (ctx) => {
          movedDealId = idOf(ctx, 'create_deal');
          return { pipeline_id: pipeline.pipeline_id, stage_id: proposal.stage_id };
        },
        expect: (result) => {
          const first = (result as Record<string, unknown>[])[0];
          if (first?.deal_id !== movedDealId || first.previous_stage_name !== stage.name) {
            fail(`the newest stage change is ${JSON.stringify(first)}`);
          }
        },
      },
      {
        // Any pipeline, any stage: the account's recently changed deals, one request.
        name: 'deal_stage_changed (any)',
        method: 'triggers.deal_stage_changed.operation.perform',
        expect: nonEmpty,
      },
      {
        name: 'create_deal_note',
        method: 'creates.create_deal_note.operation.perform',
        inputData: (ctx) => ({ deal_id: idOf(ctx, 'create_deal'), title: 'Signed', body: 'Contract signed today.' }),
      },
      {
        name: 'find_or_create (miss: create)',
        method: 'searchOrCreates.find_contact',
        custom: (run, bundle) =>
          runSearchOrCreate(nimbleApp, 'find_contact', run, bundle, {
            search: { email: 'grace@navy.example' },
            create: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
          }),
        expect: (r) => {
          if (pathOf(r) !== 'created') fail('expected a create');
        },
      },
      {
        name: 'find_or_create (hit: update)',
        method: 'searchOrCreates.find_contact',
        custom: (run, bundle) =>
          runSearchOrCreate(nimbleApp, 'find_contact', run, bundle, {
            search: { email: 'grace@navy.example' },
            create: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
            update: { phone_work: '+1 202 555 0100' },
          }),
        expect: (r) => {
          if (pathOf(r) !== 'updated') fail('expected an update');
        },
      },
      {
        name: 'find_or_create_deal (miss: create)',
        method: 'searchOrCreates.find_deal',
        custom: (run, bundle) =>
          runSearchOrCreate(nimbleApp, 'find_deal', run, bundle, {
            search: { name: 'Analytical Engine', pipeline_id: pipeline.pipeline_id },
            create: { name: 'Analytical Engine', pipeline_id: pipeline.pipeline_id, stage_id: stage.stage_id },
          }),
        expect: (r) => {
          if (pathOf(r) !== 'created') fail('expected a create');
        },
      },
      {
        // The deal just created, by its exact name in any case, in any pipeline.
        name: 'find_or_create_deal (hit: found)',
        method: 'searchOrCreates.find_deal',
        custom: (run, bundle) =>
          runSearchOrCreate(nimbleApp, 'find_deal', run, bundle, {
            search: { name: 'analytical engine' },
            create: { name: 'analytical engine', pipeline_id: pipeline.pipeline_id, stage_id: stage.stage_id },
          }),
        expect: (r) => {
          if (pathOf(r) !== 'found') fail('expected the deal created just before');
        },
      },
      {
        name: 'oauth refreshAccessToken',
        method: 'authentication.oauth2Config.refreshAccessToken',
        expect: (result) => {
          const before = { ...authData };
          storeTokens(result);
          if (authData.access_token === before.access_token) fail('the access token was not renewed');
          if (authData.refresh_token === before.refresh_token) fail('the refresh token was not rotated');
        },
      },
      { name: 'auth test after refresh', method: 'authentication.test' },
      {
        // Any endpoint, with the refreshed token: the connected user.
        name: 'api_request',
        method: 'creates.api_request.operation.perform',
        inputData: { method: 'GET', path: '/v1/myself' },
        expect: (r) => {
          if ((r as { status?: unknown }).status !== 200) throw new Error('expected status 200');
        },
      },
    ],
  };
};
