/** What the instant-trigger tests share: signed deliveries as Zapier hands them to perform, and Apideck's webhook answers. */
import { createHmac, randomUUID } from 'node:crypto';
import { appRunner, type FlatObject } from '@crm-zapier/kit';
import { expectNothingSent, failureOf, makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import type { instantTrigger } from '../src/instant';
import { eventOf, sortKeysDeep, type CrmEventType } from '../src/webhooks';

export const ORIGIN = 'https://unify.apideck.com';
export const AUTH = {
  api_key: 'sk_live_SENTINEL_apideck_9f3a7c',
  app_id: 'app-SENTINEL-4d2b',
  consumer_id: 'consumer-42',
};
/** A key that is not the connection's: what a forger would sign with. */
export const OTHER_KEY = 'sk_live_not_this_connection';
export const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc';
/** One runner for the file: like Zapier's cache, core's in-memory `z.cache` lives across its calls. */
export const run = appRunner(App);

/** nock scope for requests with Apideck's headers for `auth` (and the service header when given). */
export const api = (auth: Record<string, string> = AUTH, service?: string) =>
  nock(ORIGIN, {
    reqheaders: {
      authorization: `Bearer ${auth.api_key}`,
      'x-apideck-app-id': auth.app_id!,
      'x-apideck-consumer-id': auth.consumer_id!,
      ...(service ? { 'x-apideck-service-id': service } : {}),
    },
    badheaders: service ? [] : ['x-apideck-service-id'],
  });

export const webhook = (id: string, eventType: string, status = 'enabled', extra: object = {}) => ({
  status_code: 201,
  status: 'Created',
  data: {
    id,
    description: 'Zapier',
    unified_api: 'crm',
    status,
    disabled_reason: status === 'enabled' ? 'none' : 'delivery_url_validation_failed',
    delivery_url: TARGET,
    execute_base_url: `${ORIGIN}/webhook/webhooks/${id}/execute`,
    events: [eventType],
    ...extra,
  },
});
export const one = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'hubspot',
  resource,
  operation: 'one',
  data,
});
export const list = (resource: string, data: unknown[]) => ({
  status_code: 200,
  status: 'OK',
  service: 'hubspot',
  resource,
  operation: 'all',
  data,
  meta: { items_on_page: data.length, cursors: { previous: null, current: null, next: null } },
});

interface DeliveryOptions {
  /** The key the signature is made with (default: the connection's API key, as Apideck does). */
  key?: string;
  /** What is signed: the compact key-sorted JSON (Apideck's guide, the default) or the raw body. */
  over?: 'sorted' | 'raw';
  encoding?: 'hex' | 'base64';
  /** An explicit `x-apideck-signature`, or null for none. */
  signature?: string | null;
  /** The raw body sent (default: the compact JSON of `{ payload }`, keys in the order given). */
  content?: string;
  headers?: Record<string, string>;
  auth?: Record<string, string>;
  subscribeData?: object;
  /** The trigger's inputs, as the Zap was set up. */
  inputData?: Record<string, unknown>;
}

/**
 * A delivery as Zapier hands it to perform: the parsed body, and the raw body with the headers as
 * Zapier names them (`Http-X-…`), signed as `options` say. The Zap's webhook is `whk_1` unless given.
 */
export const delivery = (payload: Record<string, unknown>, options: DeliveryOptions = {}) => {
  const body = { payload };
  const content = options.content ?? JSON.stringify(body);
  const signed = options.over === 'raw' ? content : JSON.stringify(sortKeysDeep(body));
  const signature =
    options.signature !== undefined
      ? options.signature
      : createHmac('sha256', options.key ?? AUTH.api_key)
          .update(signed)
          .digest(options.encoding ?? 'hex');
  return makeBundle(
    options.auth ?? AUTH,
    options.inputData ?? {},
    {},
    {
      cleanedRequest: JSON.parse(content) as unknown,
      subscribeData: options.subscribeData ?? { id: 'whk_1', event_type: payload.event_type },
      rawRequest: {
        method: 'POST',
        querystring: '',
        content,
        headers: {
          'Content-Type': 'application/json',
          'Http-X-Apideck-Event-Type': String(payload.event_type),
          'Http-X-Apideck-Idempotency-Key': String(payload.event_id),
          ...(signature === null ? {} : { 'Http-X-Apideck-Signature': signature }),
          ...options.headers,
        },
      },
    },
  );
};
/** An event as Apideck sends it, keys in the document's order; a new `event_id` each time. */
export const event = (eventType: CrmEventType, entityId: string, extra: Record<string, unknown> = {}) => ({
  event_type: eventType,
  unified_api: 'crm',
  service_id: 'hubspot',
  consumer_id: AUTH.consumer_id,
  event_id: randomUUID(),
  entity_id: entityId,
  entity_type: eventOf(eventType)!.entity,
  entity_url: `${ORIGIN}/crm/x/${entityId}`,
  execution_attempt: 1,
  occurred_at: '2021-10-01T03:14:55.419Z',
  ...extra,
});

export type Out = Record<string, unknown> & { id: string };

type InstantTrigger = ReturnType<typeof instantTrigger>;

/** The trigger's methods, each run on a bundle through the file's runner. */
export const methodsOf = (trigger: InstantTrigger) => {
  const method = (name: string) => (bundle: object) => run(`triggers.${trigger.key}.operation.${name}`, bundle);
  return {
    performSubscribe: method('performSubscribe'),
    perform: method('perform'),
    performList: method('performList'),
  };
};

/** Every instant trigger subscribes the same way: one crm webhook for its one event type, delivering to the Zap. */
export const itSubscribes = (trigger: InstantTrigger, eventType: CrmEventType) =>
  it(`performSubscribe creates one crm webhook for ${eventType} events, delivering to the Zap`, async () => {
    api()
      .post('/webhook/webhooks', {
        description: `Zapier: ${trigger.display.label} (Instant) for consumer consumer-42`,
        unified_api: 'crm',
        status: 'enabled',
        delivery_url: TARGET,
        events: [eventType],
      })
      .reply(201, webhook('whk_1', eventType));
    const subscribing = methodsOf(trigger).performSubscribe(makeBundle(AUTH, {}, {}, { targetUrl: TARGET }));
    await expect(subscribing).resolves.toEqual({ id: 'whk_1', event_type: eventType });
  });

/** What differs between the triggers that read the event's record once: the rest of their tests is the same. */
export interface RecordTriggerCase {
  eventType: CrmEventType;
  /** Apideck's collection, as in the path `/crm/<resource>/<id>` and the envelope's `resource`. */
  resource: 'companies' | 'contacts' | 'leads' | 'opportunities';
  /** The record Apideck answers (its `id` is the event's `entity_id`). */
  record: { id?: string | null };
  /** What of the flat output is particular to the trigger: its `id` (a new one per update) and the record's id. */
  output: FlatObject;
  /** The polling request `performList` makes at 2024-05-10T12:00:00Z (apart from the path). */
  pollQuery: Record<string, string>;
  /**
   * The pipeline list a deal trigger reads for the pipeline and stage names (one more request,
   * from the connector the event names).
   */
  pipelines?: unknown[];
  /** The user list a contact or company trigger reads for the owner's name (one more request). */
  users?: unknown[];
}

/**
 * The tests of a trigger that reads the record the event names: subscription, the exact read and
 * its output, Apideck's not-found text, a wrong-shape answer, refused deliveries (another consumer,
 * a forged signature) that send nothing, and `performList` as the polling request.
 */
export const describeRecordTrigger = (trigger: InstantTrigger, c: RecordTriggerCase) =>
  describe(trigger.key, () => {
    const id = c.record.id ?? '';
    const entity = eventOf(c.eventType)!.entity;
    const read = () => api(AUTH, 'hubspot').get(`/crm/${c.resource}/${id}`);
    const { perform, performList } = methodsOf(trigger);

    itSubscribes(trigger, c.eventType);

    it('is labelled as the polling trigger of the same name (Zapier shows the Instant badge); its description says which CRMs report the event', () => {
      expect(trigger.display.label).not.toMatch(/Instant|Webhook/);
      expect(trigger.display.description).toMatch(
        /^Triggers when .* in the connected CRM\b.*, as soon as the CRM reports it: .*(HubSpot and Pipedrive|only Salesforce) .*\.$/,
      );
      expect(trigger.display.description).not.toMatch(/Apideck|consumer|webhook/i);
    });

    it('perform reads the record once, from the connector the event names, as the sample', async () => {
      read().reply(200, one(c.resource, c.record));
      if (c.pipelines) {
        api(AUTH, 'hubspot').get('/crm/pipelines').query({ limit: '200' }).reply(200, list('pipelines', c.pipelines));
      }
      if (c.users) api(AUTH, 'hubspot').get('/crm/users').query({ limit: '200' }).reply(200, list('users', c.users));
      const out = await perform(delivery(event(c.eventType, id)));
      expect(out).toMatchObject([c.output]);
      expect(out).toEqual([trigger.operation.sample]);
    });

    it("a record that is gone is a not-found error with Apideck's text", async () => {
      read().reply(404, { status_code: 404, type_name: 'EntityNotFoundError', message: 'Unknown record' });
      const err = await failureOf(perform(delivery(event(c.eventType, id))));
      expect(err.message).toBe(`Apideck could not find ${entity} ${id}: Unknown record`);
    });

    it('a record without an id is a clear error', async () => {
      read().reply(200, one(c.resource, { ...c.record, id: null }));
      const err = await failureOf(perform(delivery(event(c.eventType, id))));
      expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.id/);
    });

    it("another consumer's event, or a delivery signed with another key, triggers nothing and sends nothing", async () => {
      await expect(perform(delivery(event(c.eventType, id, { consumer_id: 'consumer-7' })))).resolves.toEqual([]);
      await expect(perform(delivery(event(c.eventType, id), { key: OTHER_KEY }))).resolves.toEqual([]);
      expectNothingSent();
    });

    it('performList is the polling request, newest first', async () => {
      jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-05-10T12:00:00.000Z'));
      api()
        .get(`/crm/${c.resource}`)
        .query(c.pollQuery)
        .reply(200, list(c.resource, [c.record]));
      if (c.pipelines) api().get('/crm/pipelines').query({ limit: '200' }).reply(200, list('pipelines', c.pipelines));
      if (c.users) api().get('/crm/users').query({ limit: '200' }).reply(200, list('users', c.users));
      const out = await performList(makeBundle(AUTH));
      jest.restoreAllMocks();
      expect(out).toEqual([trigger.operation.sample]);
    });
  });
