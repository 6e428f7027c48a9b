/** What the instant-trigger tests share: signed deliveries as Zapier hands them to perform, and Apideck's webhook answers. */
import { createHmac, randomUUID } from 'node:crypto';
import { appRunner } from '@crm-zapier/kit';
import { makeBundle } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
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
