import { createHmac, randomUUID } from 'node:crypto';
import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { CONTACT } from '../src/samples';
import {
  apideckSignature,
  CRM_EVENTS,
  eventOf,
  signatureMatches,
  signatureVariant,
  sortKeysDeep,
} from '../src/webhooks';
import { api, AUTH, delivery, event, one, OTHER_KEY, run, TARGET, webhook, type Out } from './instant';

useNock();

/** The instant (REST hook) triggers of the app. */
const INSTANT_KEYS = Object.entries(App.triggers ?? {})
  .filter(([, t]) => (t.operation as { type?: string }).type === 'hook')
  .map(([key]) => key);

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
  it.each(INSTANT_KEYS)(
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

    it.each(INSTANT_KEYS)('%s answers the validation request with no results and no request', async (key) => {
      const body = { message: 'Validating delivery URL' };
      await expect(
        run(
          `triggers.${key}.operation.perform`,
          validation({ 'Http-X-Apideck-Event-Type': 'apideck.subscription.created' }, body),
        ),
      ).resolves.toEqual([]);
      // Without its header, the body alone (no `payload`) says the same.
      await expect(run(`triggers.${key}.operation.perform`, validation({}, body))).resolves.toEqual([]);
    });

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
