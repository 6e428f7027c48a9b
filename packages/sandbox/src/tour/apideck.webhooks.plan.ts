import type { MethodRunner } from '@crm-zapier/kit';
import apideckApp from 'apideck-crm';
import {
  addApideckWebhooks,
  APIDECK_SANDBOX_CREDENTIALS,
  createApideckSimulator,
  hookBundleOf,
  startDeliveryReceiver,
  type DeliveryReceiver,
  type ReceivedDelivery,
} from '../simulators/apideck';
import { nonEmpty } from './plan.helpers';
import type { TourPlan, TourStep } from './tour.lib';

type Bundle = Parameters<NonNullable<TourStep['custom']>>[1];
type Out = Record<string, unknown> & { id: string };

/** The instant triggers the tour subscribes, each with its own delivery path on the receiver. */
const HOOKS = [
  'new_contact_instant',
  'updated_contact_instant',
  'new_deal_instant',
  'updated_deal_instant',
  'new_company_instant',
  'new_lead_instant',
  'deleted_contact_instant',
] as const;
type HookKey = (typeof HOOKS)[number];

const fail = (message: string): never => {
  throw new Error(message);
};

/**
 * The instant (REST hook) triggers of Apideck CRM, end to end on their own simulator: each trigger
 * subscribes (a webhook whose delivery URL is a loopback receiver standing in for Zapier, which
 * first gets Apideck's validation request), a change made through the simulator comes back as a
 * delivery signed with the API key, `perform` runs on it as Zapier would run it, a replayed or
 * forged delivery triggers nothing, and every webhook is deleted again. The steps named
 * `triggers.<key>.operation.perform` are checked by the gate like any other trigger run.
 */
export const apideckWebhooksPlan = (): TourPlan => {
  const sim = createApideckSimulator();
  const hooks = addApideckWebhooks(sim);
  const { elon, gwynne, rocket } = sim.seeded;
  const authData = { ...APIDECK_SANDBOX_CREDENTIALS };
  let receiver: DeliveryReceiver | undefined;
  const subscriptions: Partial<Record<HookKey, object>> = {};

  // The receiver lives as long as the simulator: stopping the plan's server stops both.
  const stopSim = sim.server.stop.bind(sim.server);
  sim.server.stop = async () => {
    await receiver?.stop();
    receiver = undefined;
    await stopSim();
  };

  /** A request straight to the simulator's CRM API (changes the app has no action for). */
  const direct = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${sim.server.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
        'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
        'x-apideck-consumer-id': APIDECK_SANDBOX_CREDENTIALS.consumer_id,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) fail(`${method} ${path} answered ${res.status}`);
    return res.json() as Promise<unknown>;
  };

  const subscribeAll: TourStep = {
    name: `subscribe (${HOOKS.length} instant triggers)`,
    method: 'triggers.*.operation.performSubscribe',
    custom: async (run: MethodRunner, bundle: Bundle) => {
      receiver ??= await startDeliveryReceiver();
      const out: Record<string, unknown> = {};
      for (const key of HOOKS) {
        const data = (await run(`triggers.${key}.operation.performSubscribe`, {
          ...bundle,
          targetUrl: `${receiver.url}/hooks/${key}`,
        })) as { id?: unknown };
        if (typeof data.id !== 'string') fail(`${key}: subscribe gave no webhook id`);
        subscriptions[key] = data;
        out[key] = data.id;
      }
      if (hooks.webhooks.length !== HOOKS.length) fail(`${hooks.webhooks.length} webhooks exist`);
      return out;
    },
  };

  /** Apideck's validation request, received by every hook URL on subscribe: perform answers it with []. */
  const acknowledgeValidations: TourStep = {
    name: `validation requests (${HOOKS.length}, no trigger)`,
    method: 'triggers.*.operation.perform (validation request)',
    custom: async (run, bundle) => {
      const out: Record<string, unknown> = {};
      for (const key of HOOKS) {
        const validation = await receiver!.next(`/hooks/${key}`);
        if (validation.headers['x-apideck-event-type'] !== 'apideck.subscription.created')
          fail(`${key}: the first request to the hook URL was not the validation request`);
        out[key] = await run(`triggers.${key}.operation.perform`, {
          ...bundle,
          ...hookBundleOf(validation),
          subscribeData: subscriptions[key],
        });
      }
      return out;
    },
    expect: (result) => {
      for (const [key, r] of Object.entries(result as Record<string, unknown>))
        if (!Array.isArray(r) || r.length !== 0) fail(`${key}: the validation request triggered the Zap`);
    },
  };

  /** perform on a delivery to new_contact_instant that must trigger nothing. */
  const ignored = (name: string, delivery: () => Promise<ReceivedDelivery>): TourStep => ({
    name,
    method: `triggers.new_contact_instant.operation.perform (${name})`,
    custom: async (run, bundle) =>
      run('triggers.new_contact_instant.operation.perform', {
        ...bundle,
        ...hookBundleOf(await delivery()),
        subscribeData: subscriptions.new_contact_instant,
      }),
    expect: (r) => {
      if (!Array.isArray(r) || r.length !== 0) fail(`${name}: the Zap was triggered`);
    },
  });

  /** Waits for the delivery to `key`'s URL and runs the trigger's perform on it, as Zapier would. */
  const performOn = (key: HookKey, expectId: (out: Out) => string | undefined, expected: () => string): TourStep => ({
    name: `${key} (delivery)`,
    method: `triggers.${key}.operation.perform`,
    custom: async (run, bundle) => {
      const delivery = await receiver!.next(`/hooks/${key}`);
      return run(`triggers.${key}.operation.perform`, {
        ...bundle,
        ...hookBundleOf(delivery),
        subscribeData: subscriptions[key],
      });
    },
    expect: (result) => {
      nonEmpty(result);
      const got = expectId((result as Out[])[0]!);
      if (got !== expected()) fail(`perform gave ${got}, expected ${expected()}`);
    },
  });

  let createdContactId = '';
  let createdDealId = '';
  let createdCompanyId = '';
  let createdLeadId = '';

  return {
    crm: 'apideck-hooks',
    app: apideckApp,
    authData,
    server: sim.server,
    env: (baseUrl) => ({ APIDECK_BASE_URL: baseUrl }),
    steps: [
      subscribeAll,
      acknowledgeValidations,
      {
        name: 'create_contact (fires crm.contact.created)',
        method: 'creates.create_contact.operation.perform',
        inputData: { first_name: 'Tom', last_name: 'Mueller', email: 'tom@spacex.com', company_id: elon.company_id },
        expect: (r) => {
          createdContactId = (r as Out).id;
        },
      },
      performOn(
        'new_contact_instant',
        (o) => o.id,
        () => createdContactId,
      ),
      ignored('the same delivery replayed', async () => {
        const first = hooks.deliveries.find((d) => d.url.endsWith('/hooks/new_contact_instant'));
        if (!first) return fail('no delivery to replay');
        void hooks.resend(first);
        return receiver!.next('/hooks/new_contact_instant');
      }),
      ignored('a delivery changed after signing', async () => {
        void hooks.emit({ entity: 'contact', action: 'created', id: elon.id });
        const delivery = await receiver!.next('/hooks/new_contact_instant');
        return { ...delivery, rawBody: delivery.rawBody.replace(elon.id, gwynne.id) };
      }),
      {
        name: 'update_contact (fires crm.contact.updated)',
        method: 'creates.update_contact.operation.perform',
        inputData: { contact_id: gwynne.id, title: 'President and COO' },
      },
      performOn(
        'updated_contact_instant',
        (o) => o.contact_id as string,
        () => gwynne.id,
      ),
      {
        name: 'create_deal (fires crm.opportunity.created)',
        method: 'creates.create_deal.operation.perform',
        inputData: { title: 'Starlink for Tesla', primary_contact_id: elon.id, monetary_amount: 120000 },
        expect: (r) => {
          createdDealId = (r as Out).id;
        },
      },
      performOn(
        'new_deal_instant',
        (o) => o.id,
        () => createdDealId,
      ),
      {
        name: 'move deal stage (PATCH, fires crm.opportunity.updated)',
        method: 'PATCH /crm/opportunities/{id}',
        custom: () => direct('PATCH', `/crm/opportunities/${rocket.id}`, { pipeline_stage_id: 'closedwon' }),
      },
      performOn(
        'updated_deal_instant',
        (o) => o.opportunity_id as string,
        () => rocket.id,
      ),
      {
        name: 'create_company (fires crm.company.created)',
        method: 'creates.create_company.operation.perform',
        inputData: { name: 'The Boring Company', industry: 'Construction' },
        expect: (r) => {
          createdCompanyId = (r as Out).id;
        },
      },
      performOn(
        'new_company_instant',
        (o) => o.id,
        () => createdCompanyId,
      ),
      {
        name: 'create lead (POST, fires crm.lead.created)',
        method: 'POST /crm/leads',
        custom: async () => {
          const res = (await direct('POST', '/crm/leads', { name: 'Jared Isaacman', company_name: 'Shift4' })) as {
            data: { id: string };
          };
          createdLeadId = res.data.id;
          return res;
        },
      },
      performOn(
        'new_lead_instant',
        (o) => o.id,
        () => createdLeadId,
      ),
      {
        name: 'delete contact (DELETE, fires crm.contact.deleted)',
        method: 'DELETE /crm/contacts/{id}',
        custom: () => direct('DELETE', `/crm/contacts/${createdContactId}`),
      },
      performOn(
        'deleted_contact_instant',
        (o) => o.id,
        () => createdContactId,
      ),
      {
        name: "another consumer's event is dropped",
        method: 'triggers.new_contact_instant.operation.perform (other consumer)',
        custom: async (run, bundle) => {
          void hooks.emit({ entity: 'contact', action: 'created', id: elon.id, consumer_id: 'someone-else' });
          const delivery = await receiver!.next('/hooks/new_contact_instant');
          return run('triggers.new_contact_instant.operation.perform', { ...bundle, ...hookBundleOf(delivery) });
        },
        expect: (r) => {
          if (!Array.isArray(r) || r.length !== 0) fail('the event of another consumer was not dropped');
        },
      },
      ...HOOKS.map((key): TourStep => ({
        name: `${key} (performList)`,
        method: `triggers.${key}.operation.performList`,
        expect: nonEmpty,
      })),
      {
        name: `unsubscribe (${HOOKS.length} instant triggers)`,
        method: 'triggers.*.operation.performUnsubscribe',
        custom: async (run, bundle) => {
          for (const key of HOOKS) {
            await run(`triggers.${key}.operation.performUnsubscribe`, { ...bundle, subscribeData: subscriptions[key] });
          }
          await hooks.idle();
          if (hooks.webhooks.length !== 0) fail(`${hooks.webhooks.length} webhooks are left`);
          if (hooks.deliveries.some((d) => d.status !== 200)) fail('a delivery was not answered 200');
          return { deleted: HOOKS.length, deliveries: hooks.deliveries.length };
        },
      },
    ],
  };
};
