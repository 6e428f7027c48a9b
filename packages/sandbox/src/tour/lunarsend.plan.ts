import lunarsendApp from 'lunarsend';
import { createLunarSendSimulator, LUNARSEND_SANDBOX_CREDENTIALS } from '../simulators/lunarsend';
import { idOf, nonEmpty } from './plan.helpers';
import { runSearchOrCreate } from '../searchOrCreate';
import type { TourPlan } from './tour.lib';

/** Fails a find-or-create step that took another path. */
const path = (expected: 'created' | 'updated' | 'found') => (result: unknown) => {
  const got = (result as { path?: string }).path;
  if (got !== expected) throw new Error(`expected the ${expected} path, got ${String(got)}`);
};

/** Fails a step whose result does not carry these values. */
const has = (expected: Record<string, unknown>) => (result: unknown) => {
  const first = (Array.isArray(result) ? result[0] : result) as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(expected)) {
    if (first?.[key] !== value)
      throw new Error(`expected ${key}=${JSON.stringify(value)}, got ${JSON.stringify(first?.[key])}`);
  }
};

/** Fails a step whose list holds no item with these values. */
const lists = (expected: Record<string, unknown>) => (result: unknown) => {
  const items = (Array.isArray(result) ? result : []) as Record<string, unknown>[];
  if (!items.some((item) => Object.entries(expected).every(([key, value]) => item[key] === value)))
    throw new Error(`expected an item with ${JSON.stringify(expected)} among ${items.length}`);
};

/**
 * Every LunarSend operation, in the order a Zap builder meets them. The tour sends its requests back
 * to back, so the simulator's 2-per-second limit is off here; the e2e suite drives it on purpose.
 */
export const lunarsendPlan = (): TourPlan => {
  const sim = createLunarSendSimulator({ rateLimit: false });
  return {
    crm: 'lunarsend',
    app: lunarsendApp,
    authData: LUNARSEND_SANDBOX_CREDENTIALS,
    server: sim.server,
    env: (baseUrl) => ({ LUNARSEND_BASE_URL: baseUrl }),
    steps: [
      { name: 'auth test', method: 'authentication.test' },
      { name: 'list_team_users', method: 'triggers.list_team_users.operation.perform', expect: nonEmpty },
      { name: 'list_contacts', method: 'triggers.list_contacts.operation.perform', expect: nonEmpty },
      { name: 'list_deals', method: 'triggers.list_deals.operation.perform', expect: nonEmpty },
      { name: 'list_tags', method: 'triggers.list_tags.operation.perform', expect: nonEmpty },
      {
        name: 'find_contact',
        method: 'searches.find_contact.operation.perform',
        inputData: { search_by: 'email', search_term: sim.seeded.elena.email },
        expect: (result) => {
          // The search has no job title, notes or creation date: the match is read in full.
          has({
            id: sim.seeded.elena.id,
            company: 'Brightwave Solutions',
            job_title: 'Head of Marketing',
            created_at: sim.seeded.elena.created_at,
          })(result);
          const tags = (result as { tags?: unknown }[])[0]?.tags;
          if (!Array.isArray(tags) || !tags.includes('Lead')) throw new Error('expected the tag Lead');
        },
      },
      {
        name: 'find_contact_by_id',
        method: 'searches.find_contact_by_id.operation.perform',
        inputData: { contact_id: sim.seeded.elena.id },
        expect: (result) => {
          has({ id: sim.seeded.elena.id, email: sim.seeded.elena.email, job_title: 'Head of Marketing' })(result);
          const tags = (result as { tags?: unknown }[])[0]?.tags;
          if (!Array.isArray(tags) || !tags.includes('Lead')) throw new Error('expected the tag Lead');
        },
      },
      {
        name: 'create_contact',
        method: 'creates.create_contact.operation.perform',
        inputData: {
          first_name: 'Ada',
          last_name: 'Lovelace',
          email: 'ada@analytical.example',
          phone: '+442071234567',
          company: 'Analytical Engines Ltd',
          job_title: 'Mathematician',
          notes: 'Met at the conference',
          user_id: sim.seeded.caller.user_id,
        },
        expect: has({ email: 'ada@analytical.example', owner: sim.seeded.caller.display_name }),
      },
      {
        name: 'update_contact',
        method: 'creates.update_contact.operation.perform',
        inputData: (ctx) => ({
          contact_id: idOf(ctx, 'create_contact'),
          job_title: 'Countess',
          company: 'Babbage & Co',
        }),
        expect: has({ job_title: 'Countess', last_name: 'Lovelace' }),
      },
      {
        // No term, one page of 100 (the sandbox holds fewer): the contact just created is listed.
        name: 'new_contact',
        method: 'triggers.new_contact.operation.perform',
        expect: lists({ email: 'ada@analytical.example', full_name: 'Ada Lovelace', company: 'Babbage & Co' }),
      },
      {
        name: 'find_deal',
        method: 'searches.find_deal.operation.perform',
        inputData: { search_by: 'stage', search_term: 'proposal' },
        expect: has({ id: sim.seeded.brightwave.id, stage: 'Proposal' }),
      },
      {
        name: 'create_deal',
        method: 'creates.create_deal.operation.perform',
        inputData: {
          company: 'Analytical Engines Ltd',
          stage: 'Discovery',
          deal_size: '25000',
          open_date: '2025-11-01T09:00:00+01:00',
          close_date: '2026-01-31T17:00:00Z',
          contact_email: 'ada@analytical.example',
          notes: 'Difference engine upgrade',
        },
        expect: has({ stage: 'Discovery', deal_size: 25000 }),
      },
      {
        // No term, one page (the sandbox holds fewer than 100), newest first: the deal just created.
        name: 'new_deal',
        method: 'triggers.new_deal.operation.perform',
        expect: has({ company: 'Analytical Engines Ltd', stage: 'Discovery' }),
      },
      {
        name: 'update_deal',
        method: 'creates.update_deal.operation.perform',
        inputData: (ctx) => ({ deal_id: idOf(ctx, 'create_deal'), stage: 'Negotiation', deal_size: '27500' }),
        expect: has({ stage: 'Negotiation', deal_size: 27500, company: 'Analytical Engines Ltd' }),
      },
      {
        // The deal just moved to Negotiation: `search_by=stage`, one page; its event id is "<deal id>-Negotiation".
        name: 'deal_stage_changed',
        method: 'triggers.deal_stage_changed.operation.perform',
        inputData: { stage: 'Negotiation' },
        expect: has({ company: 'Analytical Engines Ltd', stage: 'Negotiation' }),
      },
      {
        name: 'find_deal_by_id',
        method: 'searches.find_deal_by_id.operation.perform',
        inputData: (ctx) => ({ deal_id: idOf(ctx, 'create_deal') }),
        expect: has({ stage: 'Negotiation', deal_size: 27500 }),
      },
      {
        name: 'find_tag',
        method: 'searches.find_tag.operation.perform',
        inputData: { name: 'lead' },
        expect: has({ name: 'Lead' }),
      },
      {
        name: 'create_tag',
        method: 'creates.create_tag.operation.perform',
        inputData: { name: 'Conference 2025', color: '#6f42c1' },
        expect: has({ name: 'Conference 2025', color: '#6f42c1' }),
      },
      {
        name: 'add_tag_to_contact',
        method: 'creates.add_tag_to_contact.operation.perform',
        inputData: (ctx) => ({ contact_id: idOf(ctx, 'create_contact'), tag_id: idOf(ctx, 'create_tag') }),
        // The tag's name comes from the link answer (lunarsend.md, "Tags"); the contact's from its read.
        expect: has({
          tag_name: 'Conference 2025',
          tag_created: false,
          full_name: 'Ada Lovelace',
          email: 'ada@analytical.example',
        }),
      },
      {
        name: 'add_tag_to_contact (new name)',
        method: 'creates.add_tag_to_contact.operation.perform',
        inputData: (ctx) => ({ contact_id: idOf(ctx, 'create_contact'), tag_name: 'Analyst', create_tag: 'true' }),
        expect: has({ tag_name: 'Analyst', tag_created: true }),
      },
      {
        name: 'find_or_create_contact (miss)',
        method: 'searchOrCreates.find_contact',
        custom: (run, bundle) =>
          runSearchOrCreate(lunarsendApp, 'find_contact', run, bundle, {
            search: { search_by: 'email', search_term: 'grace@navy.example' },
            create: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
          }),
        expect: path('created'),
      },
      {
        name: 'find_or_create_contact (hit)',
        method: 'searchOrCreates.find_contact',
        custom: (run, bundle) =>
          runSearchOrCreate(lunarsendApp, 'find_contact', run, bundle, {
            search: { search_by: 'email', search_term: 'grace@navy.example' },
            create: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example' },
            update: { job_title: 'Rear Admiral' },
          }),
        expect: path('updated'),
      },
      {
        name: 'find_or_create_tag (miss)',
        method: 'searchOrCreates.find_tag',
        custom: (run, bundle) =>
          runSearchOrCreate(lunarsendApp, 'find_tag', run, bundle, {
            search: { name: 'Webinar' },
            create: { name: 'Webinar' },
          }),
        expect: path('created'),
      },
      {
        // Any endpoint, with the connection's key: the contact created above.
        name: 'api_request',
        method: 'creates.api_request.operation.perform',
        inputData: (ctx) => ({ method: 'GET', path: '/contacts', query: { id: idOf(ctx, 'create_contact') } }),
        expect: (r) => {
          if ((r as { status?: unknown }).status !== 200) throw new Error('expected status 200');
        },
      },
      {
        name: 'delete_contact',
        method: 'creates.delete_contact.operation.perform',
        inputData: (ctx) => ({ contact_id: idOf(ctx, 'create_contact') }),
        expect: has({ deleted: true }),
      },
    ],
  };
};
