import apideckApp from 'apideck-crm';
import { APIDECK_SANDBOX_CREDENTIALS, createApideckSimulator } from './apideck';
import { idOf, nonEmpty } from './plan.helpers';
import type { TourPlan } from './tour.lib';

/** Every Apideck CRM operation, in the order a Zap builder meets them. */
export const apideckPlan = (): TourPlan => {
  const sim = createApideckSimulator();
  const { elonUser, spacex } = sim.seeded;
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
      { name: 'new_deal', method: 'triggers.new_deal.operation.perform', expect: nonEmpty },
      { name: 'updated_deal', method: 'triggers.updated_deal.operation.perform', expect: nonEmpty },
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
        // The output is the contact read back after the PATCH: what was not sent is still there.
        expect: (result) => {
          const c = result as Record<string, unknown>;
          if (c.title !== 'Countess' || c.first_name !== 'Ada' || c.address_city !== 'London')
            throw new Error(`update_contact returned ${JSON.stringify(c)}`);
        },
      },
      {
        name: 'create_company',
        method: 'creates.create_company.operation.perform',
        inputData: { name: 'Analytical Engines Ltd', industry: 'Computing', website: 'https://engines.example.com' },
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
    ],
  };
};
