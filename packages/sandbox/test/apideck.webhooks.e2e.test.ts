import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import apideckApp from 'apideck-crm';
import { CRM_EVENTS } from '../../../integrations/apideck/src/webhooks';
import {
  addApideckWebhooks,
  APIDECK_SANDBOX_CREDENTIALS,
  createApideckSimulator,
  type ApideckSimulator,
  hookBundleOf,
  signApideckBody,
  startDeliveryReceiver,
  type ApideckWebhooks,
  type DeliveryReceiver,
} from '../src/simulators/apideck';
import { apideckWebhooksPlan } from '../src/tour/apideck.webhooks.plan';
import { runPlan } from '../src/tour/tour.lib';

/** No nock here: the simulator and the receiver are real loopback HTTP servers. */
type Out = Record<string, unknown> & { id: string };

describe('Apideck instant triggers against the simulator, with real signed deliveries', () => {
  it('runs the webhook tour: subscribe, change, delivery, perform, unsubscribe', async () => {
    const plan = apideckWebhooksPlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const byStep = Object.fromEntries(results.map((r) => [r.step, r]));
      // perform reads the record once; a deletion needs no request.
      expect(byStep['new_contact_instant (delivery)']!.requests).toBe(1);
      expect(byStep['deleted_contact_instant (delivery)']!.requests).toBe(0);
      expect(byStep["another consumer's event is dropped"]!.requests).toBe(0);
      // Apideck's URL checks, a replay and a forgery trigger nothing and read nothing.
      expect(byStep['validation requests (7, no trigger)']!.requests).toBe(0);
      expect(byStep['the same delivery replayed']!.requests).toBe(0);
      expect(byStep['a delivery changed after signing']!.requests).toBe(0);
      expect(plan.server.requests.filter((r) => r.startsWith('POST /webhook/webhooks'))).toHaveLength(7);
      expect(plan.server.requests.filter((r) => r.startsWith('DELETE /webhook/webhooks/'))).toHaveLength(7);
    } finally {
      await plan.server.stop();
    }
  });

  describe('semantics', () => {
    let sim: ApideckSimulator;
    let hooks: ApideckWebhooks;
    let receiver: DeliveryReceiver;
    const run = appRunner(apideckApp);
    const auth = { ...APIDECK_SANDBOX_CREDENTIALS };
    const saved = process.env.APIDECK_BASE_URL;

    beforeEach(async () => {
      sim = createApideckSimulator();
      hooks = addApideckWebhooks(sim);
      process.env.APIDECK_BASE_URL = await sim.server.start();
      receiver = await startDeliveryReceiver();
    });
    afterEach(async () => {
      await hooks.idle();
      await receiver.stop();
      await sim.server.stop();
      if (saved === undefined) delete process.env.APIDECK_BASE_URL;
      else process.env.APIDECK_BASE_URL = saved;
    });

    /** Subscribes `key` to the receiver, and takes the validation request Apideck sends there first. */
    const subscribe = async (key: string, path = `/${key}`) => {
      const sub = (await run(
        `triggers.${key}.operation.performSubscribe`,
        makeBundle(auth, {}, {}, { targetUrl: `${receiver.url}${path}` }),
      )) as { id: string };
      const validation = await receiver.next(path);
      expect(validation.headers['x-apideck-event-type']).toBe('apideck.subscription.created');
      return sub;
    };
    /** The number of requests the simulator has answered so far. */
    const requestCount = () => sim.server.requests.length;

    it('sends the signed validation request on subscribe (apideck-crm.md §15.2); perform answers it with [] and no request', async () => {
      const sub = (await run(
        'triggers.new_contact_instant.operation.performSubscribe',
        makeBundle(auth, {}, {}, { targetUrl: `${receiver.url}/hook` }),
      )) as { id: string };
      // Sent while the webhook was being created, before the answer (the check is synchronous).
      expect(hooks.validations).toEqual([expect.objectContaining({ webhookId: sub.id, status: 200 })]);
      expect(hooks.webhooks[0]).toMatchObject({ status: 'enabled', disabled_reason: 'none' });
      const validation = await receiver.next('/hook');
      expect(JSON.parse(validation.rawBody)).toEqual({ message: 'Validating delivery URL' });
      expect(validation.headers['x-apideck-event-type']).toBe('apideck.subscription.created');
      expect(validation.headers['x-apideck-idempotency-key']).toBeUndefined();
      expect(validation.headers['x-apideck-signature']).toBe(
        signApideckBody(APIDECK_SANDBOX_CREDENTIALS.api_key, { message: 'Validating delivery URL' }),
      );
      const before = requestCount();
      await expect(
        run(
          'triggers.new_contact_instant.operation.perform',
          makeBundle(auth, {}, {}, { ...hookBundleOf(validation), subscribeData: sub }),
        ),
      ).resolves.toEqual([]);
      expect(requestCount()).toBe(before);
    });

    it('creates a webhook whose URL fails the check disabled; subscribe deletes it and tells the user', async () => {
      const refusing = createServer((_req, res) => {
        res.writeHead(500);
        res.end();
      });
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/hook`;
        const err = await failureOf(
          run('triggers.new_contact_instant.operation.performSubscribe', makeBundle(auth, {}, {}, { targetUrl: url })),
        );
        expect(err.message).toMatch(
          /^Apideck created the webhook for this Zap disabled \(delivery_url_validation_failed\)/,
        );
        expect(hooks.validations).toEqual([expect.objectContaining({ status: 500 })]);
        expect(hooks.webhooks).toEqual([]);
        expect(sim.server.requests.filter((r) => r.startsWith('DELETE /webhook/webhooks/'))).toHaveLength(1);
      } finally {
        await new Promise<void>((resolve) => refusing.close(() => resolve()));
      }
    });

    it('delivers a signed crm.contact.created event that perform turns into the polling shape', async () => {
      const sub = await subscribe('new_contact_instant');
      expect(hooks.webhooks).toEqual([
        expect.objectContaining({
          id: sub.id,
          unified_api: 'crm',
          status: 'enabled',
          events: [CRM_EVENTS.contact.created],
          delivery_url: `${receiver.url}/new_contact_instant`,
        }),
      ]);
      const created = (await run(
        'creates.create_contact.operation.perform',
        makeBundle(auth, { first_name: 'Kathy', last_name: 'Lueders', email: 'kathy@spacex.com' }),
      )) as Out;
      const delivery = await receiver.next('/new_contact_instant');
      expect(delivery.headers['x-apideck-event-type']).toBe('crm.contact.created');
      const body = JSON.parse(delivery.rawBody) as { payload: Record<string, unknown> };
      // Sent in the document's key order, signed over the keys sorted, with the API key.
      expect(Object.keys(body.payload)[0]).toBe('event_type');
      expect(delivery.headers['x-apideck-signature']).toBe(signApideckBody(APIDECK_SANDBOX_CREDENTIALS.api_key, body));
      expect(delivery.headers['x-apideck-idempotency-key']).toBe(body.payload.event_id);
      expect(body.payload).toMatchObject({
        event_type: 'crm.contact.created',
        unified_api: 'crm',
        consumer_id: APIDECK_SANDBOX_CREDENTIALS.consumer_id,
        service_id: 'hubspot',
        entity_id: created.id,
        entity_type: 'contact',
      });

      const out = (await run(
        'triggers.new_contact_instant.operation.perform',
        makeBundle(auth, {}, {}, { ...hookBundleOf(delivery), subscribeData: sub }),
      )) as Out[];
      const list = (await run('triggers.new_contact_instant.operation.performList', makeBundle(auth))) as Out[];
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ id: created.id, name: 'Kathy Lueders', email: 'kathy@spacex.com' });
      // perform and performList agree key for key.
      expect(Object.keys(out[0]!).sort()).toEqual(Object.keys(list.find((c) => c.id === created.id)!).sort());

      await run(
        'triggers.new_contact_instant.operation.performUnsubscribe',
        makeBundle(auth, {}, {}, { subscribeData: sub }),
      );
      expect(hooks.webhooks).toEqual([]);
    });

    it('a delivery changed after signing, signed with another key or unsigned triggers nothing; no request', async () => {
      const sub = await subscribe('new_contact_instant');
      void hooks.emit({ entity: 'contact', action: 'created', id: sim.seeded.elon.id });
      const delivery = await receiver.next('/new_contact_instant');
      const perform = (d: typeof delivery) =>
        run(
          'triggers.new_contact_instant.operation.perform',
          makeBundle(auth, {}, {}, { ...hookBundleOf(d), subscribeData: sub }),
        );
      const before = requestCount();
      const forged = { ...delivery, rawBody: delivery.rawBody.replace(sim.seeded.elon.id, sim.seeded.gwynne.id) };
      await expect(perform(forged)).resolves.toEqual([]);
      const otherKey = {
        ...delivery,
        headers: {
          ...delivery.headers,
          'x-apideck-signature': signApideckBody('sk_other', JSON.parse(delivery.rawBody)),
        },
      };
      await expect(perform(otherKey)).resolves.toEqual([]);
      const { 'x-apideck-signature': _signature, ...unsignedHeaders } = delivery.headers;
      await expect(perform({ ...delivery, headers: unsignedHeaders })).resolves.toEqual([]);
      expect(requestCount()).toBe(before);
      // The delivery as Apideck sent it still triggers.
      await expect(perform(delivery)).resolves.toEqual([expect.objectContaining({ id: sim.seeded.elon.id })]);
    });

    it('a delivery sent again (a retry or a replay) triggers once', async () => {
      const sub = await subscribe('new_contact_instant');
      void hooks.emit({ entity: 'contact', action: 'created', id: sim.seeded.elon.id });
      const first = await receiver.next('/new_contact_instant');
      await hooks.idle();
      void hooks.resend(hooks.deliveries[0]!);
      const again = await receiver.next('/new_contact_instant');
      expect(again.rawBody).toBe(first.rawBody);
      expect(again.headers['x-apideck-idempotency-key']).toBe(first.headers['x-apideck-idempotency-key']);
      const perform = (d: typeof first) =>
        run(
          'triggers.new_contact_instant.operation.perform',
          makeBundle(auth, {}, {}, { ...hookBundleOf(d), subscribeData: sub }),
        );
      await expect(perform(first)).resolves.toHaveLength(1);
      const before = requestCount();
      await expect(perform(again)).resolves.toEqual([]);
      expect(requestCount()).toBe(before);
    });

    it("sends every consumer's events; perform keeps only the connection's consumer and service", async () => {
      await subscribe('updated_deal_instant');
      void hooks.emit({ entity: 'opportunity', action: 'updated', id: sim.seeded.rocket.id, consumer_id: 'other' });
      const other = await receiver.next('/updated_deal_instant');
      await expect(
        run('triggers.updated_deal_instant.operation.perform', makeBundle(auth, {}, {}, hookBundleOf(other))),
      ).resolves.toEqual([]);
      void hooks.emit({ entity: 'opportunity', action: 'updated', id: sim.seeded.rocket.id });
      const own = await receiver.next('/updated_deal_instant');
      await expect(
        run(
          'triggers.updated_deal_instant.operation.perform',
          makeBundle({ ...auth, service_id: 'pipedrive' }, {}, {}, hookBundleOf(own)),
        ),
      ).resolves.toEqual([]);
      const out = (await run(
        'triggers.updated_deal_instant.operation.perform',
        makeBundle({ ...auth, service_id: 'hubspot' }, {}, {}, hookBundleOf(own)),
      )) as Out[];
      expect(out).toEqual([expect.objectContaining({ opportunity_id: sim.seeded.rocket.id, title: 'New Rocket' })]);
    });

    it('delivers only to webhooks subscribed to the event, and not to disabled ones', async () => {
      await subscribe('new_company_instant');
      const deal = await subscribe('new_deal_instant');
      const patched = await fetch(`${sim.server.baseUrl}/webhook/webhooks/${deal.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
          'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ status: 'disabled' }),
      });
      expect(patched.status).toBe(200);
      await run('creates.create_company.operation.perform', makeBundle(auth, { name: 'Relativity Space' }));
      await run('creates.create_deal.operation.perform', makeBundle(auth, { title: 'Terran R' }));
      await hooks.idle();
      expect(hooks.deliveries.map((d) => d.eventType)).toEqual(['crm.company.created']);
    });

    it('checks subscriptions against the document: unknown keys, event names and URLs are refused', async () => {
      const post = (body: unknown) =>
        fetch(`${sim.server.baseUrl}/webhook/webhooks`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${APIDECK_SANDBOX_CREDENTIALS.api_key}`,
            'x-apideck-app-id': APIDECK_SANDBOX_CREDENTIALS.app_id,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { detail?: unknown } }));
      const good = {
        unified_api: 'crm',
        status: 'enabled',
        delivery_url: `${receiver.url}/x`,
        events: ['crm.note.updated'],
      };
      expect((await post(good)).status).toBe(201);
      expect((await post({ ...good, events: ['crm.notes.updated'] })).body.detail).toEqual({
        invalid: [{ 'events[0]': '"crm.notes.updated" is not a WebhookEventType' }],
      });
      expect((await post({ ...good, consumer_id: 'x' })).status).toBe(400);
      expect((await post({ ...good, delivery_url: 'ftp://example.com' })).status).toBe(400);
      expect((await post({ status: 'enabled' })).body.detail).toEqual({
        missing: [{ delivery_url: 'required' }, { events: 'required' }, { unified_api: 'required' }],
      });
      // Every event name of the integration's table is one the Webhook API accepts.
      const all = Object.values(CRM_EVENTS).flatMap((e) => [e.created, e.updated, e.deleted]);
      expect((await post({ ...good, events: all })).status).toBe(201);
    });
  });
});
