import { createHmac, timingSafeEqual } from 'node:crypto';
import { type AnySchema, type Infer, isNotFound, lazySchema, requestJson, schemaOf } from '@crm-zapier/kit';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { baseUrl, CRM } from './constants';
import type { Output } from './map';
import { oneEnvelope } from './schemas';

/* ----------------------------------------------------------------------------------------------
 * THE table of CRM event types (apideck-crm.openapi.yml `CrmEventType`, the same names as the
 * Webhook API's `WebhookEventType`), with the path each entity is read from. Every event name the
 * app or its tests use comes from here.
 *
 * Notes are `crm.note.created`, `crm.note.updated` and `crm.note.deleted` in both documents
 * (version 10.34): there is no `crm.notes.*` event, whatever older prose says.
 * ------------------------------------------------------------------------------------------- */
export const CRM_EVENTS = {
  activity: {
    path: '/crm/activities',
    created: 'crm.activity.created',
    updated: 'crm.activity.updated',
    deleted: 'crm.activity.deleted',
  },
  company: {
    path: '/crm/companies',
    created: 'crm.company.created',
    updated: 'crm.company.updated',
    deleted: 'crm.company.deleted',
  },
  contact: {
    path: '/crm/contacts',
    created: 'crm.contact.created',
    updated: 'crm.contact.updated',
    deleted: 'crm.contact.deleted',
  },
  lead: { path: '/crm/leads', created: 'crm.lead.created', updated: 'crm.lead.updated', deleted: 'crm.lead.deleted' },
  note: { path: '/crm/notes', created: 'crm.note.created', updated: 'crm.note.updated', deleted: 'crm.note.deleted' },
  opportunity: {
    path: '/crm/opportunities',
    created: 'crm.opportunity.created',
    updated: 'crm.opportunity.updated',
    deleted: 'crm.opportunity.deleted',
  },
} as const;

export type CrmEntity = keyof typeof CRM_EVENTS;
export type CrmAction = 'created' | 'updated' | 'deleted';
export type CrmEventType = (typeof CRM_EVENTS)[CrmEntity][CrmAction];

/** Every CRM event type of the table, e.g. for checking a subscription's `events`. */
export const ALL_CRM_EVENT_TYPES: CrmEventType[] = Object.values(CRM_EVENTS).flatMap((e) => [
  e.created,
  e.updated,
  e.deleted,
]);

/** The entity and action of an event type of the table, or undefined for any other name. */
export const eventOf = (eventType: string): { entity: CrmEntity; action: CrmAction } | undefined => {
  for (const [entity, names] of Object.entries(CRM_EVENTS) as [CrmEntity, (typeof CRM_EVENTS)[CrmEntity]][]) {
    for (const action of ['created', 'updated', 'deleted'] as const) {
      if (names[action] === eventType) return { entity, action };
    }
  }
  return undefined;
};

/* ----------------------------------------------------------------------------------------------
 * The Webhook API (apideck-webhook.openapi.yml): create and delete a subscription.
 * ------------------------------------------------------------------------------------------- */

export const WEBHOOKS_PATH = '/webhook/webhooks';
export const WEBHOOKS_GUIDE_URL = 'https://developers.apideck.com/guides/webhooks';
export const SIGNATURE_GUIDE_URL = 'https://developers.apideck.com/guides/webhook-signature-verification';

/** `Webhook` as far as the app reads it; the id is `readOnly` in the document but always returned. */
const WebhookSchema = lazySchema((z) =>
  z.object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    status: z.string().nullish(),
    disabled_reason: z.string().nullish(),
    delivery_url: z.string().nullish(),
    events: z.array(z.string()).nullish(),
  }),
);
const WebhookEnvelopeSchema = oneEnvelope(WebhookSchema);

/** `CreateWebhookRequest`: every key the document allows, and nothing else (additionalProperties: false). */
export interface CreateWebhookBody {
  description: string;
  unified_api: 'crm';
  status: 'enabled';
  delivery_url: string;
  events: [CrmEventType];
}

/** What Zapier keeps for the Zap and hands back as `bundle.subscribeData`. */
export interface SubscribeData {
  id: string;
  event_type: CrmEventType;
}

const authText = (bundle: Bundle, key: string): string => {
  const v = (bundle.authData as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.trim() : '';
};

export const createWebhookBody = (eventType: CrmEventType, label: string, bundle: Bundle): CreateWebhookBody => ({
  description: `Zapier: ${label} for consumer ${authText(bundle, 'consumer_id')}`,
  unified_api: 'crm',
  status: 'enabled',
  delivery_url: String(bundle.targetUrl ?? ''),
  events: [eventType],
});

const deleteWebhook = (z: ZObject, id: string) =>
  requestJson(z, {
    method: 'DELETE',
    url: `${baseUrl()}${WEBHOOKS_PATH}/${encodeURIComponent(id)}`,
    schema: WebhookEnvelopeSchema,
    crm: CRM,
    resource: `webhook ${id}`,
  });

/**
 * Creates one webhook for the `crm` unified API, for the one event type, delivering to the Zap's
 * target URL. Apideck creates a webhook whose delivery URL failed its check as `disabled`: that one
 * is deleted again and the Zap is told, rather than left waiting for events that never come.
 */
export const subscribeTo =
  (eventType: CrmEventType, label: string) =>
  async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
    if (!bundle.targetUrl) throw new z.errors.Error('Zapier gave no URL to deliver events to.', 'NoTargetUrl');
    const env = await requestJson(z, {
      method: 'POST',
      url: `${baseUrl()}${WEBHOOKS_PATH}`,
      body: createWebhookBody(eventType, label, bundle),
      schema: WebhookEnvelopeSchema,
      crm: CRM,
    });
    const hook = env.data;
    if (hook.status && hook.status !== 'enabled') {
      await deleteWebhook(z, hook.id).catch(() => undefined);
      throw new z.errors.Error(
        `${CRM} created the webhook but disabled it (${hook.disabled_reason ?? hook.status}): Apideck could not reach Zapier's delivery URL. Try turning the Zap on again.`,
        'WebhookDisabled',
      );
    }
    return { id: hook.id, event_type: eventType };
  };

/** Deletes the Zap's webhook; one already deleted (in the Apideck dashboard, say) is not an error. */
export const unsubscribe = async (z: ZObject, bundle: Bundle): Promise<{ id: string; deleted: boolean }> => {
  const id = (bundle.subscribeData as Partial<SubscribeData> | undefined)?.id;
  if (typeof id !== 'string' || id === '') {
    throw new z.errors.Error('This Zap has no Apideck webhook id to delete.', 'NoSubscription');
  }
  try {
    await deleteWebhook(z, id);
    return { id, deleted: true };
  } catch (err) {
    if (isNotFound(err)) return { id, deleted: false };
    throw err;
  }
};

/* ----------------------------------------------------------------------------------------------
 * Deliveries: the signature, the event, and whose event it is.
 * ------------------------------------------------------------------------------------------- */

/** `CrmWebhookEvent`: every key optional in the document; an event without a type or entity is not one. */
export const WebhookEventSchema = lazySchema((z) =>
  z.object({
    event_type: z.string().min(1),
    unified_api: z.string().nullish(),
    service_id: z.string().nullish(),
    consumer_id: z.string().nullish(),
    event_id: z.string().nullish(),
    entity_id: z.union([z.string().min(1), z.number()]).transform(String),
    entity_type: z.string().nullish(),
    entity_url: z.string().nullish(),
    execution_attempt: z.number().nullish(),
    occurred_at: z.string().nullish(),
  }),
);
export type WebhookEvent = Infer<typeof WebhookEventSchema>;

/** A JSON value with every object's keys sorted (arrays keep their order), as Apideck signs it. */
export const sortKeysDeep = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
};

/**
 * The `x-apideck-signature` of a body: hex HMAC-SHA256, keyed by the secret, of the body with its
 * keys sorted (Apideck's signature guide; the document's example is 64 hex digits).
 */
export const apideckSignature = (secret: string, body: unknown): string =>
  createHmac('sha256', secret)
    .update(JSON.stringify(sortKeysDeep(body)))
    .digest('hex');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Whether `signature` signs the delivery: over the key-sorted body (Apideck's rule) or the raw bytes
 * as received (the same thing when Apideck sent them sorted), in hex or base64.
 */
export const signatureMatches = (secret: string, rawBody: string, signature: string): boolean => {
  const given = signature.trim().replace(/^sha256=/i, '');
  if (!given) return false;
  const digests: Buffer[] = [createHmac('sha256', secret).update(rawBody).digest()];
  try {
    digests.push(
      createHmac('sha256', secret)
        .update(JSON.stringify(sortKeysDeep(JSON.parse(rawBody))))
        .digest(),
    );
  } catch {
    // Not JSON: only the raw bytes can have been signed.
  }
  return digests.some((d) => sameText(given.toLowerCase(), d.toString('hex')) || sameText(given, d.toString('base64')));
};

/**
 * A header of the delivery. Zapier passes the headers it received in `rawRequest.headers`, named
 * `Http-X-Apideck-Signature`; the name is matched without case and with or without that prefix.
 */
export const deliveryHeader = (bundle: Bundle, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(bundle.rawRequest?.headers ?? {})) {
    const normal = key
      .toLowerCase()
      .replace(/_/g, '-')
      .replace(/^http-/, '');
    if (normal === wanted && typeof value === 'string') return value;
  }
  return undefined;
};

/** The body as received (for the signature): `rawRequest.content`, else the parsed body again. */
const rawBodyOf = (bundle: Bundle): string => {
  const raw = bundle.rawRequest?.content;
  if (typeof raw === 'string' && raw !== '') return raw;
  return JSON.stringify(bundle.cleanedRequest ?? {});
};

/** The event of a delivery: `{ payload: {…} }` as the document shows it, or a bare event. */
export const eventOfDelivery = (bundle: Bundle): WebhookEvent | undefined => {
  let body: unknown = bundle.cleanedRequest;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const record = body as { payload?: unknown } | null | undefined;
  const candidate = record && typeof record === 'object' && record.payload !== undefined ? record.payload : record;
  const parsed = schemaOf(WebhookEventSchema).safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
};

/**
 * Throws when the connection has a webhook secret and the delivery's `x-apideck-signature` does not
 * match it; passes when no secret is set.
 */
export const checkSignature = (z: ZObject, bundle: Bundle): void => {
  const secret = authText(bundle, 'webhook_secret');
  if (!secret) return;
  const signature = deliveryHeader(bundle, 'x-apideck-signature');
  if (!signature || !signatureMatches(secret, rawBodyOf(bundle), signature)) {
    throw new z.errors.Error(
      signature
        ? 'Rejected a webhook delivery whose x-apideck-signature does not match: it was not signed by Apideck with the Webhook Signing Secret of this connection (or the secret in the connection is wrong).'
        : 'Rejected a webhook delivery without an x-apideck-signature header: the connection has a Webhook Signing Secret, so every delivery must be signed.',
      'InvalidSignature',
      401,
    );
  }
};

/**
 * Whether an event is for this trigger and this connection: its type, the `crm` API, the
 * connection's consumer, and the connection's connector when it names one. Webhooks belong to the
 * Apideck application, so every consumer's events reach every Zap; the others are dropped here.
 */
export const isOwnEvent = (event: WebhookEvent, eventType: CrmEventType, bundle: Bundle): boolean => {
  if (event.event_type !== eventType) return false;
  if (event.unified_api && event.unified_api !== 'crm') return false;
  if ((event.consumer_id ?? '') !== authText(bundle, 'consumer_id')) return false;
  const serviceId = authText(bundle, 'service_id');
  return !serviceId || event.service_id === serviceId;
};

/** Reads one record, from the connector the event came from (never from the payload's `entity_url`). */
export const fetchEntity = async <S extends AnySchema>(
  z: ZObject,
  entity: CrmEntity,
  schema: S,
  event: WebhookEvent,
): Promise<Infer<S>> => {
  const env = await requestJson(z, {
    url: `${baseUrl()}${CRM_EVENTS[entity].path}/${encodeURIComponent(event.entity_id)}`,
    headers: event.service_id ? { 'x-apideck-service-id': event.service_id } : undefined,
    schema: oneEnvelope(schema),
    crm: CRM,
    resource: `${entity} ${event.entity_id}`,
  });
  return env.data as Infer<S>;
};

/**
 * `perform` of an instant trigger: checks the signature, drops events that are not this Zap's, and
 * turns the event into the trigger's output (`toOutput` reads the record when it needs to).
 */
export const performHook =
  (eventType: CrmEventType, toOutput: (z: ZObject, event: WebhookEvent) => Promise<Output>) =>
  async (z: ZObject, bundle: Bundle): Promise<Output[]> => {
    checkSignature(z, bundle);
    const event = eventOfDelivery(bundle);
    if (!event || !isOwnEvent(event, eventType, bundle)) return [];
    return [await toOutput(z, event)];
  };

/** A deletion: the record is gone, so the event alone is the output (no request). */
export const deletedOutput = (entity: CrmEntity, event: WebhookEvent): Output => ({
  id: event.entity_id,
  [`${entity}_id`]: event.entity_id,
  event_type: event.event_type,
  occurred_at: event.occurred_at ?? null,
  service_id: event.service_id ?? null,
});

/** The output fields of a deletion of `entity` (`label` e.g. "Contact"). */
export const deletedOutputFields = (entity: CrmEntity, label: string) => [
  { key: 'id', label: 'ID', type: 'string' as const },
  { key: `${entity}_id`, label: `${label} ID`, type: 'string' as const },
  { key: 'event_type', label: 'Event Type' },
  { key: 'occurred_at', label: 'Deleted At', type: 'datetime' as const },
  { key: 'service_id', label: 'Connector (Service ID)' },
];

/** Shown on every instant trigger: what "instant" means with Apideck. */
export const INSTANT_HELP = {
  key: 'instant_help',
  type: 'copy' as const,
  helpText: `Apideck sends this event to Zapier as a webhook, so the Zap runs within seconds when the connected CRM pushes its own webhooks. Many connectors only have Apideck's **virtual webhooks**: Apideck polls the CRM for changes and then sends the event, so it can arrive minutes late ([what are virtual webhooks?](${WEBHOOKS_GUIDE_URL}#virtual-webhooks)). The polling trigger without (Instant) in its name works with every connector.`,
};
