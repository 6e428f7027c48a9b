import { createHmac, randomUUID } from 'node:crypto';
import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { COMPANY, CONTACT, LEAD, OPPORTUNITY } from '../src/samples';
import {
  apideckSignature,
  CRM_EVENTS,
  eventOf,
  signatureMatches,
  signatureVariant,
  sortKeysDeep,
  type CrmEventType,
} from '../src/webhooks';

useNock();

const ORIGIN = 'https://unify.apideck.com';
const AUTH = { api_key: 'sk_live_SENTINEL_apideck_9f3a7c', app_id: 'app-SENTINEL-4d2b', consumer_id: 'consumer-42' };
/** A key that is not the connection's: what a forger would sign with. */
const OTHER_KEY = 'sk_live_not_this_connection';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc';
/** One runner for the file: like Zapier's cache, core's in-memory `z.cache` lives across its calls. */
const run = appRunner(App);

/** nock scope for requests with Apideck's headers for `auth` (and the service header when given). */
const api = (auth: Record<string, string> = AUTH, service?: string) =>
  nock(ORIGIN, {
    reqheaders: {
      authorization: `Bearer ${auth.api_key}`,
      'x-apideck-app-id': auth.app_id!,
      'x-apideck-consumer-id': auth.consumer_id!,
      ...(service ? { 'x-apideck-service-id': service } : {}),
    },
    badheaders: service ? [] : ['x-apideck-service-id'],
  });

const webhook = (id: string, eventType: string, status = 'enabled', extra: object = {}) => ({
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
const one = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'hubspot',
  resource,
  operation: 'one',
  data,
});
const list = (resource: string, data: unknown[]) => ({
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
}

/**
 * A delivery as Zapier hands it to perform: the parsed body, and the raw body with the headers as
 * Zapier names them (`Http-X-…`), signed as `options` say. The Zap's webhook is `whk_1` unless given.
 */
const delivery = (payload: Record<string, unknown>, options: DeliveryOptions = {}) => {
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
    {},
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
const event = (eventType: CrmEventType, entityId: string, extra: Record<string, unknown> = {}) => ({
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

type Out = Record<string, unknown> & { id: string };
const sampleOf = (key: string) =>
  (App.triggers as unknown as Record<string, { operation: { sample: Record<string, unknown> } }>)[key]!.operation
    .sample;

/** Each instant trigger: its event, the record path it reads, the record, and the polling request. */
const TRIGGERS = [
  {
    key: 'new_contact_instant',
    eventType: CRM_EVENTS.contact.created,
    path: '/crm/contacts',
    record: CONTACT,
    idKey: 'contact_id',
    id: '12345',
    list: { path: '/crm/contacts', sort: 'created_at', since: 'created_since' },
  },
  {
    key: 'updated_contact_instant',
    eventType: CRM_EVENTS.contact.updated,
    path: '/crm/contacts',
    record: CONTACT,
    idKey: 'contact_id',
    id: '12345-1601451812000',
    list: { path: '/crm/contacts', sort: 'updated_at', since: 'updated_since' },
  },
  {
    key: 'new_deal_instant',
    eventType: CRM_EVENTS.opportunity.created,
    path: '/crm/opportunities',
    record: OPPORTUNITY,
    idKey: 'opportunity_id',
    id: '34567',
    list: { path: '/crm/opportunities', sort: 'created_at' },
  },
  {
    key: 'updated_deal_instant',
    eventType: CRM_EVENTS.opportunity.updated,
    path: '/crm/opportunities',
    record: OPPORTUNITY,
    idKey: 'opportunity_id',
    id: '34567-1601451812000',
    list: { path: '/crm/opportunities', sort: 'updated_at' },
  },
  {
    key: 'new_company_instant',
    eventType: CRM_EVENTS.company.created,
    path: '/crm/companies',
    record: COMPANY,
    idKey: 'company_id',
    id: '23456',
    list: { path: '/crm/companies', sort: 'created_at', since: 'created_since' },
  },
  {
    key: 'new_lead_instant',
    eventType: CRM_EVENTS.lead.created,
    path: '/crm/leads',
    record: LEAD,
    idKey: 'lead_id',
    id: LEAD.id,
    list: { path: '/crm/leads', sort: 'created_at' },
  },
];

describe('the event table', () => {
  it('names every CRM event as apideck-crm.openapi.yml does, notes included (crm.note.*, not crm.notes.*)', () => {
    expect(CRM_EVENTS.note).toMatchObject({
      created: 'crm.note.created',
      updated: 'crm.note.updated',
      deleted: 'crm.note.deleted',
    });
    for (const [entity, names] of Object.entries(CRM_EVENTS)) {
      for (const action of ['created', 'updated', 'deleted'] as const) {
        expect(names[action]).toBe(`crm.${entity}.${action}`);
        expect(eventOf(names[action])).toEqual({ entity, action });
      }
    }
    expect(eventOf('crm.notes.updated')).toBeUndefined();
  });
});

describe('what "instant" means (apideck-crm.md §15, "Virtual means late")', () => {
  const instantKeys = Object.entries(App.triggers ?? {})
    .filter(([, t]) => (t.operation as { type?: string }).type === 'hook')
    .map(([key]) => key);

  it.each(instantKeys)(
    '%s: the help gives the virtual-webhook interval (every 24 hours by default, per plan), not "minutes"',
    (key) => {
      const trigger = (App.triggers as Record<string, { operation: unknown }>)[key]!;
      const fields = (trigger.operation as { inputFields?: { key: string; helpText?: string }[] }).inputFields;
      const help = fields?.find((f) => f.key === 'instant_help')?.helpText ?? '';
      expect(help).toMatch(/virtual webhooks/);
      expect(help).toMatch(/once every 24 hours/);
      expect(help).toMatch(/depends on your Apideck plan/);
      expect(help).toMatch(/up to a day after the change/);
      expect(help).not.toMatch(/minutes late/);
    },
  );
});

describe('performSubscribe', () => {
  it.each([...TRIGGERS.map((t) => [t.key, t.eventType]), ['deleted_contact_instant', 'crm.contact.deleted']])(
    '%s creates one crm webhook for %s, delivering to the target URL',
    async (key, eventType) => {
      let sent: unknown;
      api()
        .post('/webhook/webhooks', (body: unknown) => {
          sent = body;
          return true;
        })
        .reply(201, webhook('whk_1', eventType));
      const label = (App.triggers as Record<string, { display: { label: string } }>)[key]!.display.label;
      const data = await run(
        `triggers.${key}.operation.performSubscribe`,
        makeBundle(AUTH, {}, {}, { targetUrl: TARGET }),
      );
      expect(sent).toEqual({
        description: `Zapier: ${label} for consumer consumer-42`,
        unified_api: 'crm',
        status: 'enabled',
        delivery_url: TARGET,
        events: [eventType],
      });
      expect(label).toMatch(/ \(Instant\)$/);
      expect(data).toEqual({ id: 'whk_1', event_type: eventType });
    },
  );

  it('deletes a webhook Apideck created disabled because its URL check failed, and tells the user why', async () => {
    api()
      .post('/webhook/webhooks')
      .reply(201, webhook('whk_2', 'crm.contact.created', 'disabled'))
      .delete('/webhook/webhooks/whk_2')
      .reply(200, webhook('whk_2', 'crm.contact.created', 'disabled'));
    const err = await failureOf(
      run('triggers.new_contact_instant.operation.performSubscribe', makeBundle(AUTH, {}, {}, { targetUrl: TARGET })),
    );
    expect(err.message).toBe(
      "Apideck created the webhook for this Zap disabled (delivery_url_validation_failed): Apideck's check of Zapier's delivery URL failed (its validation request got no 2xx answer), so no event would reach this Zap. The webhook was deleted again; turn the Zap off and on to try again.",
    );
  });

  it('treats a webhook answered with a disabled_reason other than none as disabled', async () => {
    api()
      .post('/webhook/webhooks')
      .reply(201, webhook('whk_3', 'crm.contact.created', 'enabled', { disabled_reason: 'usage_limit' }))
      .delete('/webhook/webhooks/whk_3')
      .reply(200, webhook('whk_3', 'crm.contact.created'));
    const err = await failureOf(
      run('triggers.new_contact_instant.operation.performSubscribe', makeBundle(AUTH, {}, {}, { targetUrl: TARGET })),
    );
    expect(err.message).toMatch(
      /^Apideck created the webhook for this Zap disabled \(usage_limit\): your Apideck plan/,
    );
  });

  it('maps a refused key to an auth error, without the key in it', async () => {
    api()
      .post('/webhook/webhooks')
      .reply(401, { status_code: 401, type_name: 'UnauthorizedError', message: 'Unauthorized Request' });
    const err = await failureOf(
      run('triggers.new_contact_instant.operation.performSubscribe', makeBundle(AUTH, {}, {}, { targetUrl: TARGET })),
    );
    expect(err.message).toMatch(/did not accept your API key/);
    expect(err.message).not.toContain(AUTH.api_key);
  });
});

describe('performUnsubscribe', () => {
  it('deletes the webhook by the id kept in subscribeData', async () => {
    api().delete('/webhook/webhooks/whk_1').reply(200, webhook('whk_1', 'crm.contact.created'));
    await expect(
      run(
        'triggers.new_contact_instant.operation.performUnsubscribe',
        makeBundle(AUTH, {}, {}, { subscribeData: { id: 'whk_1', event_type: 'crm.contact.created' } }),
      ),
    ).resolves.toEqual({ id: 'whk_1', deleted: true });
  });

  it('treats a webhook that is already gone as unsubscribed', async () => {
    api()
      .delete('/webhook/webhooks/whk_9')
      .reply(404, { status_code: 404, type_name: 'EntityNotFoundError', message: 'Unknown Widget' });
    await expect(
      run(
        'triggers.new_contact_instant.operation.performUnsubscribe',
        makeBundle(AUTH, {}, {}, { subscribeData: { id: 'whk_9' } }),
      ),
    ).resolves.toEqual({ id: 'whk_9', deleted: false });
  });
});

describe('perform', () => {
  describe.each(TRIGGERS)('$key', (t) => {
    it('reads the record once, from the connector the event names, in the polling shape', async () => {
      api(AUTH, 'hubspot')
        .get(`${t.path}/${t.record.id}`)
        .reply(200, one(t.path.slice(5), t.record));
      const out = (await run(
        `triggers.${t.key}.operation.perform`,
        delivery(event(t.eventType, t.record.id)),
      )) as Out[];
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ id: t.id, [t.idKey]: t.record.id });
      expect(Object.keys(out[0]!).sort()).toEqual(Object.keys(sampleOf(t.key)).sort());
    });

    it("drops another consumer's event without a request", async () => {
      await expect(
        run(
          `triggers.${t.key}.operation.perform`,
          delivery(event(t.eventType, t.record.id, { consumer_id: 'consumer-7' })),
        ),
      ).resolves.toEqual([]);
    });

    it('triggers nothing, and sends no request, for a delivery signed with another key', async () => {
      await expect(
        run(`triggers.${t.key}.operation.perform`, delivery(event(t.eventType, t.record.id), { key: OTHER_KEY })),
      ).resolves.toEqual([]);
    });

    it('performList is the polling request, newest first', async () => {
      let query: Record<string, string> = {};
      api()
        .get(t.list.path)
        .query(true)
        .reply(function (uri) {
          query = Object.fromEntries(new URL(uri, ORIGIN).searchParams.entries());
          return [200, list(t.path.slice(5), [t.record])];
        });
      const out = (await run(`triggers.${t.key}.operation.performList`, makeBundle(AUTH))) as Out[];
      expect(query).toMatchObject({ 'sort[by]': t.list.sort, 'sort[direction]': 'desc', limit: '100' });
      if (t.list.since) expect(Date.parse(query[`filter[${t.list.since}]`]!)).not.toBeNaN();
      expect(out).toHaveLength(1);
      expect(Object.keys(out[0]!).sort()).toEqual(Object.keys(sampleOf(t.key)).sort());
    });
  });

  describe('only deliveries signed with the connection API key trigger (apideck-crm.md §15.2)', () => {
    const perform = (bundle: object) => run('triggers.new_contact_instant.operation.perform', bundle);
    /** GET /crm/contacts/12345 once, from HubSpot: the request a trusted event makes. */
    const readOnce = () => api(AUTH, 'hubspot').get('/crm/contacts/12345').reply(200, one('contacts', CONTACT));

    it('an unsigned POST triggers nothing and sends no request', async () => {
      await expect(perform(delivery(event(CRM_EVENTS.contact.created, '12345'), { signature: null }))).resolves.toEqual(
        [],
      );
      await expect(perform(delivery(event(CRM_EVENTS.contact.created, '12345'), { signature: ' ' }))).resolves.toEqual(
        [],
      );
    });

    it('a wrong signature triggers nothing and sends no request', async () => {
      for (const signature of ['f'.repeat(64), 'not-a-signature', Buffer.alloc(32).toString('base64')]) {
        await expect(perform(delivery(event(CRM_EVENTS.contact.created, '12345'), { signature }))).resolves.toEqual([]);
      }
      // The API key's signature of another body does not sign this one.
      const signedElsewhere = apideckSignature(AUTH.api_key, { payload: event(CRM_EVENTS.contact.created, '12345') });
      await expect(
        perform(delivery(event(CRM_EVENTS.contact.created, '12345'), { signature: signedElsewhere })),
      ).resolves.toEqual([]);
    });

    it.each([
      ['hex', 'sorted'],
      ['base64', 'sorted'],
      ['hex', 'raw'],
      ['base64', 'raw'],
    ] as const)(
      'triggers on a %s signature of the %s body, and not once the body is changed',
      async (encoding, over) => {
        const payload = event(CRM_EVENTS.contact.created, '12345');
        // Pretty-printed, so that the raw bytes and the compact key-sorted JSON differ.
        const content = JSON.stringify({ payload }, null, 2);
        readOnce();
        const out = (await perform(delivery(payload, { encoding, over, content }))) as Out[];
        expect(out.map((o) => o.id)).toEqual(['12345']);

        const signature = createHmac('sha256', AUTH.api_key)
          .update(over === 'raw' ? content : JSON.stringify(sortKeysDeep({ payload })))
          .digest(encoding);
        const forged = { ...payload, event_id: randomUUID(), entity_id: '99999' };
        await expect(
          perform(delivery(forged, { signature, content: JSON.stringify({ payload: forged }, null, 2) })),
        ).resolves.toEqual([]);
      },
    );

    it('reads the event from the signed raw body, not from the parsed body beside it', async () => {
      const signedEvent = event(CRM_EVENTS.contact.created, '12345');
      const bundle = delivery(signedEvent) as ReturnType<typeof delivery> & { cleanedRequest: unknown };
      bundle.cleanedRequest = { payload: { ...signedEvent, entity_id: '99999' } };
      readOnce();
      const out = (await perform(bundle)) as Out[];
      expect(out.map((o) => o.id)).toEqual(['12345']);
    });
  });

  describe("Apideck's delivery URL check", () => {
    const validation = (headers: Record<string, string>, body: unknown) =>
      makeBundle(
        AUTH,
        {},
        {},
        {
          cleanedRequest: body,
          subscribeData: { id: 'whk_1', event_type: 'crm.contact.created' },
          rawRequest: {
            method: 'POST',
            querystring: '',
            content: JSON.stringify(body),
            headers: {
              'Content-Type': 'application/json',
              'Http-X-Apideck-Signature': apideckSignature(AUTH.api_key, body),
              ...headers,
            },
          },
        },
      );

    it.each(TRIGGERS.map((t) => t.key).concat('deleted_contact_instant'))(
      '%s answers the validation request with no results and no request',
      async (key) => {
        const body = { message: 'Validating delivery URL' };
        await expect(
          run(
            `triggers.${key}.operation.perform`,
            validation({ 'Http-X-Apideck-Event-Type': 'apideck.subscription.created' }, body),
          ),
        ).resolves.toEqual([]);
        // Without its header, the body alone (no `payload`) says the same.
        await expect(run(`triggers.${key}.operation.perform`, validation({}, body))).resolves.toEqual([]);
      },
    );

    it('never treats a request typed apideck.subscription.created as an event, whatever its body', async () => {
      const body = { payload: event(CRM_EVENTS.contact.created, '12345') };
      await expect(
        run(
          'triggers.new_contact_instant.operation.perform',
          validation({ 'Http-X-Apideck-Event-Type': 'apideck.subscription.created' }, body),
        ),
      ).resolves.toEqual([]);
    });
  });

  describe('replays', () => {
    const perform = (bundle: object) => run('triggers.new_contact_instant.operation.perform', bundle);

    it('a delivery seen before triggers nothing and sends no request', async () => {
      const payload = event(CRM_EVENTS.contact.created, '12345');
      api(AUTH, 'hubspot').get('/crm/contacts/12345').reply(200, one('contacts', CONTACT));
      await expect(perform(delivery(payload))).resolves.toHaveLength(1);
      await expect(perform(delivery(payload))).resolves.toEqual([]);
      // The signed event_id names the event: a new x-apideck-idempotency-key does not make it new.
      await expect(
        perform(delivery(payload, { headers: { 'Http-X-Apideck-Idempotency-Key': randomUUID() } })),
      ).resolves.toEqual([]);
    });

    it('a delivery without event_id is known by its x-apideck-idempotency-key', async () => {
      const { event_id: _id, ...payload } = event(CRM_EVENTS.contact.created, '12345');
      const headers = { 'Http-X-Apideck-Idempotency-Key': randomUUID() };
      api(AUTH, 'hubspot').get('/crm/contacts/12345').reply(200, one('contacts', CONTACT));
      await expect(perform(delivery(payload, { headers }))).resolves.toHaveLength(1);
      await expect(perform(delivery(payload, { headers }))).resolves.toEqual([]);
    });

    it('one event runs once in each Zap subscribed to it', async () => {
      const payload = event(CRM_EVENTS.contact.created, '12345');
      api(AUTH, 'hubspot').get('/crm/contacts/12345').times(2).reply(200, one('contacts', CONTACT));
      await expect(perform(delivery(payload, { subscribeData: { id: 'whk_A' } }))).resolves.toHaveLength(1);
      await expect(perform(delivery(payload, { subscribeData: { id: 'whk_B' } }))).resolves.toHaveLength(1);
    });

    it('an event whose record could not be read is not marked delivered, so a retry runs it', async () => {
      const payload = event(CRM_EVENTS.contact.created, '12345');
      api(AUTH, 'hubspot')
        .get('/crm/contacts/12345')
        .reply(429, { status_code: 429, type_name: 'ConnectorRateLimitError', message: 'Too Many Requests' })
        .get('/crm/contacts/12345')
        .reply(200, one('contacts', CONTACT));
      await expect(perform(delivery(payload))).rejects.toThrow();
      await expect(perform(delivery(payload))).resolves.toHaveLength(1);
    });
  });

  describe('ids in a delivery', () => {
    it.each(['..', '.', 'a/b', '../companies/1', 'a\\b'])(
      'stops on entity_id %j before any request',
      async (entityId) => {
        const err = await failureOf(
          run('triggers.new_contact_instant.operation.perform', delivery(event(CRM_EVENTS.contact.created, entityId))),
        );
        expect(err.message).toBe(
          `Apideck sent a crm.contact.created event whose entity_id (${JSON.stringify(entityId)}) is not a record id; the event was not used.`,
        );
      },
    );

    it('stops on a service_id that is no connector id before any request', async () => {
      const err = await failureOf(
        run(
          'triggers.new_contact_instant.operation.perform',
          delivery(event(CRM_EVENTS.contact.created, '12345', { service_id: 'hub spot' })),
        ),
      );
      expect(err.message).toMatch(/whose service_id \("hub spot"\) is not a connector id/);
    });

    it('drops events of another connector when the connection names one, and of another event type', async () => {
      const auth = { ...AUTH, service_id: 'pipedrive' };
      await expect(
        run(
          'triggers.new_contact_instant.operation.perform',
          delivery(event(CRM_EVENTS.contact.created, '1'), { auth }),
        ),
      ).resolves.toEqual([]);
      await expect(
        run('triggers.new_contact_instant.operation.perform', delivery(event(CRM_EVENTS.contact.updated, '1'))),
      ).resolves.toEqual([]);
    });
  });

  describe('deleted_contact_instant', () => {
    it('returns the id, type and time of the deletion without a request', async () => {
      const out = await run(
        'triggers.deleted_contact_instant.operation.perform',
        delivery(event(CRM_EVENTS.contact.deleted, '12345')),
      );
      expect(out).toEqual([
        {
          id: '12345',
          contact_id: '12345',
          event_type: 'crm.contact.deleted',
          occurred_at: '2021-10-01T03:14:55.419Z',
          service_id: 'hubspot',
        },
      ]);
    });

    it("drops another consumer's deletion, an unsigned or forged one, and a replayed one", async () => {
      const perform = (bundle: object) => run('triggers.deleted_contact_instant.operation.perform', bundle);
      await expect(
        perform(delivery(event(CRM_EVENTS.contact.deleted, '12345', { consumer_id: 'consumer-7' }))),
      ).resolves.toEqual([]);
      await expect(perform(delivery(event(CRM_EVENTS.contact.deleted, '12345'), { signature: null }))).resolves.toEqual(
        [],
      );
      await expect(perform(delivery(event(CRM_EVENTS.contact.deleted, '12345'), { key: OTHER_KEY }))).resolves.toEqual(
        [],
      );
      const payload = event(CRM_EVENTS.contact.deleted, '12345');
      await expect(perform(delivery(payload))).resolves.toHaveLength(1);
      await expect(perform(delivery(payload))).resolves.toEqual([]);
    });

    it('performList returns the static sample and sends no request', async () => {
      const out = await run('triggers.deleted_contact_instant.operation.performList', makeBundle(AUTH));
      expect(out).toEqual([sampleOf('deleted_contact_instant')]);
      expect(out).toEqual([
        {
          id: '12345',
          contact_id: '12345',
          event_type: 'crm.contact.deleted',
          occurred_at: '2020-09-30T07:43:32.000Z',
          service_id: 'hubspot',
        },
      ]);
    });
  });
});

describe('signatureVariant', () => {
  const body = { payload: { event_type: 'crm.contact.created', entity_id: '1', consumer_id: 'c' } };
  const unsorted = JSON.stringify({ payload: { entity_id: '1', event_type: 'crm.contact.created', consumer_id: 'c' } });
  const key = AUTH.api_key;

  it('accepts hex or base64 of the key-sorted body, whatever order the keys arrived in', () => {
    const hex = apideckSignature(key, body);
    expect(signatureVariant(key, unsorted, hex)).toBe('hex of the key-sorted body');
    expect(signatureVariant(key, unsorted, hex.toUpperCase())).toBe('hex of the key-sorted body');
    expect(signatureVariant(key, unsorted, Buffer.from(hex, 'hex').toString('base64'))).toBe(
      'base64 of the key-sorted body',
    );
  });

  it('accepts hex or base64 of the raw body', () => {
    const raw = createHmac('sha256', key).update(unsorted).digest();
    expect(signatureVariant(key, unsorted, raw.toString('hex'))).toBe('hex of the raw body');
    expect(signatureVariant(key, unsorted, raw.toString('base64'))).toBe('base64 of the raw body');
  });

  it('refuses another key, a changed body, no key and anything that is not 32 bytes of hex or base64', () => {
    const hex = apideckSignature(key, body);
    expect(signatureMatches(OTHER_KEY, unsorted, hex)).toBe(false);
    expect(signatureMatches(key, unsorted.replace('"1"', '"2"'), hex)).toBe(false);
    expect(signatureMatches('', unsorted, apideckSignature('', body))).toBe(false);
    expect(signatureMatches(key, unsorted, '')).toBe(false);
    expect(signatureMatches(key, unsorted, hex.slice(0, 63))).toBe(false);
    expect(signatureMatches(key, unsorted, `sha256=${hex}`)).toBe(false);
    expect(signatureMatches(key, unsorted, Buffer.from(hex, 'hex').toString('base64url'))).toBe(false);
  });
});
