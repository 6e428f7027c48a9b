import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { COMPANY, CONTACT, LEAD, OPPORTUNITY } from '../src/samples';
import { apideckSignature, CRM_EVENTS, eventOf, signatureMatches, type CrmEventType } from '../src/webhooks';

useNock();

const ORIGIN = 'https://unify.apideck.com';
const AUTH = { api_key: 'sk_live_SENTINEL_apideck_9f3a7c', app_id: 'app-SENTINEL-4d2b', consumer_id: 'consumer-42' };
const SECRET = 'whsec_SENTINEL_0b1c';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc';
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

/** A delivery as Zapier hands it to perform: parsed body, and the raw body with `Http-` headers. */
const delivery = (
  payload: Record<string, unknown>,
  options: { secret?: string; signature?: string | null; auth?: Record<string, string> } = {},
) => {
  const body = { payload };
  const content = JSON.stringify(body);
  const signature =
    options.signature === undefined ? apideckSignature(options.secret ?? SECRET, body) : options.signature;
  return makeBundle(
    options.auth ?? { ...AUTH, webhook_secret: SECRET },
    {},
    {},
    {
      cleanedRequest: body,
      rawRequest: {
        method: 'POST',
        querystring: '',
        content,
        headers: {
          'Http-Content-Type': 'application/json',
          'Http-X-Apideck-Event-Type': String(payload.event_type),
          ...(signature === null ? {} : { 'Http-X-Apideck-Signature': signature }),
        },
      },
    },
  );
};
const event = (eventType: CrmEventType, entityId: string, extra: Record<string, unknown> = {}) => ({
  event_type: eventType,
  unified_api: 'crm',
  service_id: 'hubspot',
  consumer_id: AUTH.consumer_id,
  event_id: '9755c355-56c3-4a2f-a2da-86ff4411fccb',
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

  it('deletes a webhook Apideck created disabled, and says why', async () => {
    api()
      .post('/webhook/webhooks')
      .reply(201, webhook('whk_2', 'crm.contact.created', 'disabled'))
      .delete('/webhook/webhooks/whk_2')
      .reply(200, webhook('whk_2', 'crm.contact.created', 'disabled'));
    const err = await failureOf(
      run('triggers.new_contact_instant.operation.performSubscribe', makeBundle(AUTH, {}, {}, { targetUrl: TARGET })),
    );
    expect(err.message).toMatch(/disabled it \(delivery_url_validation_failed\)/);
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

    it('rejects a delivery whose signature does not match', async () => {
      const err = await failureOf(
        run(
          `triggers.${t.key}.operation.perform`,
          delivery(event(t.eventType, t.record.id), { secret: 'another-secret' }),
        ),
      );
      expect(err.message).toMatch(/x-apideck-signature does not match/);
      expect(err.message).not.toContain(SECRET);
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

  it('rejects a delivery without a signature when the connection has a secret', async () => {
    const err = await failureOf(
      run(
        'triggers.new_contact_instant.operation.perform',
        delivery(event(CRM_EVENTS.contact.created, '12345'), { signature: null }),
      ),
    );
    expect(err.message).toMatch(/without an x-apideck-signature/);
  });

  it('does not check signatures when the connection has no webhook secret', async () => {
    api(AUTH, 'hubspot').get('/crm/contacts/12345').reply(200, one('contacts', CONTACT));
    const out = (await run(
      'triggers.new_contact_instant.operation.perform',
      delivery(event(CRM_EVENTS.contact.created, '12345'), { signature: 'garbage', auth: AUTH }),
    )) as Out[];
    expect(out[0]!.id).toBe('12345');
  });

  it('drops events of another connector when the connection names one, and of another event type', async () => {
    const auth = { ...AUTH, service_id: 'pipedrive', webhook_secret: SECRET };
    await expect(
      run('triggers.new_contact_instant.operation.perform', delivery(event(CRM_EVENTS.contact.created, '1'), { auth })),
    ).resolves.toEqual([]);
    await expect(
      run('triggers.new_contact_instant.operation.perform', delivery(event(CRM_EVENTS.contact.updated, '1'))),
    ).resolves.toEqual([]);
    // A body that is no CRM event (e.g. a delivery URL check) triggers nothing.
    await expect(
      run('triggers.new_contact_instant.operation.perform', delivery({ ping: true } as Record<string, unknown>)),
    ).resolves.toEqual([]);
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

    it("drops another consumer's deletion, and rejects a bad signature", async () => {
      await expect(
        run(
          'triggers.deleted_contact_instant.operation.perform',
          delivery(event(CRM_EVENTS.contact.deleted, '12345', { consumer_id: 'consumer-7' })),
        ),
      ).resolves.toEqual([]);
      const err = await failureOf(
        run(
          'triggers.deleted_contact_instant.operation.perform',
          delivery(event(CRM_EVENTS.contact.deleted, '12345'), { signature: 'f'.repeat(64) }),
        ),
      );
      expect(err.message).toMatch(/does not match/);
    });

    it('performList shows recent contacts shaped as deletions (one request)', async () => {
      api()
        .get('/crm/contacts')
        .query({ 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '3' })
        .reply(200, list('contacts', [CONTACT]));
      await expect(run('triggers.deleted_contact_instant.operation.performList', makeBundle(AUTH))).resolves.toEqual([
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

describe('signatureMatches', () => {
  const body = { payload: { event_type: 'crm.contact.created', entity_id: '1', consumer_id: 'c' } };
  it('accepts hex or base64 of the key-sorted body, whatever order the keys arrived in', () => {
    const unsorted = JSON.stringify({
      payload: { entity_id: '1', event_type: 'crm.contact.created', consumer_id: 'c' },
    });
    const hex = apideckSignature(SECRET, body);
    expect(signatureMatches(SECRET, unsorted, hex)).toBe(true);
    expect(signatureMatches(SECRET, unsorted, hex.toUpperCase())).toBe(true);
    expect(signatureMatches(SECRET, unsorted, Buffer.from(hex, 'hex').toString('base64'))).toBe(true);
    expect(signatureMatches('other', unsorted, hex)).toBe(false);
    expect(signatureMatches(SECRET, unsorted.replace('"1"', '"2"'), hex)).toBe(false);
    expect(signatureMatches(SECRET, unsorted, '')).toBe(false);
  });
});
