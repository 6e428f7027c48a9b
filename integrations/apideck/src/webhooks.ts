import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotFound, nonBlank } from '@crm-zapier/kit';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { apideck } from './client';
import { CRM } from './constants';
import type { Output } from './map';
import { WebhookEventSchema, type WebhookEvent } from './schemas';

/* ----------------------------------------------------------------------------------------------
 * THE table of CRM event types (apideck-crm.openapi.yml `CrmEventType`, the same names as the
 * Webhook API's `WebhookEventType`). Every event name the app or its tests use comes from here;
 * where each entity is read from is the client's (`src/client.ts`).
 *
 * Notes are `crm.note.created`, `crm.note.updated` and `crm.note.deleted` in both documents
 * (version 10.34): there is no `crm.notes.*` event, whatever older prose says.
 * ------------------------------------------------------------------------------------------- */
export const CRM_EVENTS = {
  activity: {
    created: 'crm.activity.created',
    updated: 'crm.activity.updated',
    deleted: 'crm.activity.deleted',
  },
  company: {
    created: 'crm.company.created',
    updated: 'crm.company.updated',
    deleted: 'crm.company.deleted',
  },
  contact: {
    created: 'crm.contact.created',
    updated: 'crm.contact.updated',
    deleted: 'crm.contact.deleted',
  },
  lead: { created: 'crm.lead.created', updated: 'crm.lead.updated', deleted: 'crm.lead.deleted' },
  note: { created: 'crm.note.created', updated: 'crm.note.updated', deleted: 'crm.note.deleted' },
  opportunity: {
    created: 'crm.opportunity.created',
    updated: 'crm.opportunity.updated',
    deleted: 'crm.opportunity.deleted',
  },
} as const;

export type CrmEntity = keyof typeof CRM_EVENTS;
export type CrmAction = 'created' | 'updated' | 'deleted';
export type { WebhookEvent };
export type CrmEventType = (typeof CRM_EVENTS)[CrmEntity][CrmAction];

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

export const WEBHOOKS_GUIDE_URL = 'https://developers.apideck.com/guides/webhooks';
export const SIGNATURE_GUIDE_URL = 'https://developers.apideck.com/guides/webhook-signature-verification';

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

const authText = (bundle: Bundle, key: string): string => nonBlank(bundle.authData?.[key]) ?? '';

export const createWebhookBody = (eventType: CrmEventType, label: string, bundle: Bundle): CreateWebhookBody => ({
  description: `Zapier: ${label} for consumer ${authText(bundle, 'consumer_id')}`,
  unified_api: 'crm',
  status: 'enabled',
  delivery_url: String(bundle.targetUrl ?? ''),
  events: [eventType],
});

/** What the Zap is told when Apideck created its webhook disabled, by `disabled_reason`. */
const DISABLED_BECAUSE: Record<string, string> = {
  delivery_url_validation_failed:
    "Apideck's check of Zapier's delivery URL failed (its validation request got no 2xx answer), so no event would reach this Zap",
  usage_limit: 'your Apideck plan has reached its usage limit',
  retry_limit: 'deliveries to this URL failed too many times',
};

/**
 * Creates one webhook for the `crm` unified API, for the one event type, delivering to the Zap's
 * target URL. Apideck checks the URL while it creates the webhook and, when the check fails, still
 * creates it, as `status: "disabled"` with `disabled_reason: "delivery_url_validation_failed"`
 * (§15.2): such a webhook is deleted again and the Zap is told why, rather than left waiting for
 * events that never come.
 */
export const subscribeTo =
  (eventType: CrmEventType, label: string) =>
  async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
    if (!bundle.targetUrl) throw new z.errors.Error('Zapier gave no URL to deliver events to.', 'NoTargetUrl');
    const client = apideck(z);
    const hook = await client.createWebhook(createWebhookBody(eventType, label, bundle));
    const reason = hook.disabled_reason && hook.disabled_reason !== 'none' ? hook.disabled_reason : undefined;
    if ((hook.status && hook.status !== 'enabled') || reason) {
      await client.deleteWebhook(hook.id).catch(() => undefined);
      const why = reason
        ? (DISABLED_BECAUSE[reason] ?? `Apideck gave the reason "${reason}"`)
        : 'Apideck gave no reason';
      throw new z.errors.Error(
        `${CRM} created the webhook for this Zap disabled (${reason ?? hook.status}): ${why}. The webhook was deleted again; turn the Zap off and on to try again.`,
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
    await apideck(z).deleteWebhook(id);
    return { id, deleted: true };
  } catch (err) {
    if (isNotFound(err)) return { id, deleted: false };
    throw err;
  }
};

/* ----------------------------------------------------------------------------------------------
 * Deliveries (apideck-crm.md §15, §15.2). Anyone who learns a Zap's hook URL can POST to it, so
 * `perform` believes a delivery only when it is signed with the connection's API key, takes the
 * event from the very bytes that were signed, drops replays, and checks the ids it will put in a
 * path or a header before any request.
 * ------------------------------------------------------------------------------------------- */

/** `x-apideck-event-type` of the request Apideck sends to check a delivery URL (§15.2). */
export const VALIDATION_EVENT_TYPE = 'apideck.subscription.created';

/**
 * How long a delivered event is remembered, so that the same event delivered again (a retry or a
 * replay) triggers nothing: 7 days, in seconds.
 */
export const REPLAY_TTL_SECONDS = 7 * 24 * 60 * 60;

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
 * The `x-apideck-signature` of a body as Apideck's signature guide makes it: HMAC-SHA256, keyed by
 * the API key, of the compact JSON of the body with its keys sorted; hex, as in the document's example.
 */
export const apideckSignature = (apiKey: string, body: unknown): string =>
  createHmac('sha256', apiKey)
    .update(JSON.stringify(sortKeysDeep(body)))
    .digest('hex');

/** The 32 bytes an `x-apideck-signature` stands for: 64 hex digits, or 44 characters of base64. */
const signatureBytes = (signature: string): { encoding: 'hex' | 'base64'; bytes: Buffer } | undefined => {
  const given = signature.trim();
  if (/^[0-9a-f]{64}$/i.test(given)) return { encoding: 'hex', bytes: Buffer.from(given, 'hex') };
  if (/^[A-Za-z0-9+/]{43}=$/.test(given)) return { encoding: 'base64', bytes: Buffer.from(given, 'base64') };
  return undefined;
};

/**
 * Which form of the body `signature` signs, by the document's verification recipe (§15.2): the
 * HMAC-SHA256, keyed by the API key, of (a) the raw body or (b) the compact JSON of the body with
 * its keys sorted, in hex or base64. Undefined when it signs neither. Every candidate is compared
 * in constant time (`timingSafeEqual` on 32-byte buffers), and all of them are compared.
 */
export const signatureVariant = (apiKey: string, rawBody: string, signature: string): string | undefined => {
  const given = signatureBytes(signature);
  if (!apiKey || !given) return undefined;
  const candidates: [string, Buffer][] = [['raw body', createHmac('sha256', apiKey).update(rawBody).digest()]];
  try {
    const sortedBody = JSON.stringify(sortKeysDeep(JSON.parse(rawBody)));
    candidates.push(['key-sorted body', createHmac('sha256', apiKey).update(sortedBody).digest()]);
  } catch {
    // Not JSON: only the raw bytes can have been signed.
  }
  let variant: string | undefined;
  for (const [form, digest] of candidates) {
    if (timingSafeEqual(digest, given.bytes) && !variant) variant = `${given.encoding} of the ${form}`;
  }
  return variant;
};

export const signatureMatches = (apiKey: string, rawBody: string, signature: string): boolean =>
  signatureVariant(apiKey, rawBody, signature) !== undefined;

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

/** The body of a delivery as JSON: the raw bytes Zapier received when it has them, else the parsed body. */
const bodyOf = (bundle: Bundle): unknown => {
  const raw = bundle.rawRequest?.content;
  if (typeof raw !== 'string' || raw === '') return bundle.cleanedRequest;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
};

/** `{ payload: {…} }`'s payload when it is an object. */
const payloadOf = (body: unknown): unknown => {
  const payload = body && typeof body === 'object' ? (body as { payload?: unknown }).payload : undefined;
  return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : undefined;
};

/**
 * Whether a delivery is Apideck's check of the delivery URL (§15.2): `x-apideck-event-type:
 * apideck.subscription.created`, body `{"message":"Validating delivery URL"}`. The document's rule
 * is wider: any body without a `payload` object is no event.
 */
export const isValidationRequest = (bundle: Bundle): boolean =>
  deliveryHeader(bundle, 'x-apideck-event-type')?.trim() === VALIDATION_EVENT_TYPE || !payloadOf(bodyOf(bundle));

/**
 * The signed body of a delivery, or the reason it is not Apideck's: the raw body must carry an
 * `x-apideck-signature` made with the connection's API key (§15.2). No secret is in the reason.
 */
export const verifyDelivery = (
  bundle: Bundle,
): { ok: true; body: unknown; variant: string } | { ok: false; reason: string } => {
  const raw = bundle.rawRequest?.content;
  if (typeof raw !== 'string' || raw === '') return { ok: false, reason: 'Zapier passed no raw body to check' };
  const signature = deliveryHeader(bundle, 'x-apideck-signature');
  if (!signature?.trim()) return { ok: false, reason: 'it has no x-apideck-signature header' };
  const variant = signatureVariant(authText(bundle, 'api_key'), raw, signature);
  if (!variant) {
    return { ok: false, reason: "its x-apideck-signature is not the one the connection's API key makes" };
  }
  try {
    return { ok: true, body: JSON.parse(raw) as unknown, variant };
  } catch {
    return { ok: false, reason: 'its body is not JSON' };
  }
};

/** The event of a delivery body: `{ payload: {…} }` as the document shows it; anything else is none. */
export const eventOfBody = (body: unknown): WebhookEvent | undefined => {
  const parsed = WebhookEventSchema.safeParse(payloadOf(body));
  return parsed.success ? parsed.data : undefined;
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

/** A record id that changes the path it is put in (`.`, `..`, a `/`) or cannot be one. */
const isUnsafeId = (id: string) => id.trim() === '' || /^\.+$/.test(id) || /[/\\\p{Cc}]/u.test(id);
/** A connector id as Apideck spells them (`hubspot`, `zoho-crm`, `microsoft-dynamics`). */
const SERVICE_ID = /^[a-z0-9][a-z0-9._-]*$/i;

/**
 * Stops, before any request, on an event whose `entity_id` would change the path it is read from
 * or whose `service_id` is no connector id: signed or not, it cannot name a record to read.
 */
export const checkEventIds = (z: ZObject, event: WebhookEvent): void => {
  if (isUnsafeId(event.entity_id)) {
    throw new z.errors.Error(
      `Apideck sent a ${event.event_type} event whose entity_id (${JSON.stringify(event.entity_id.slice(0, 40))}) is not a record id; the event was not used.`,
      'InvalidEvent',
    );
  }
  if (event.service_id && !SERVICE_ID.test(event.service_id)) {
    throw new z.errors.Error(
      `Apideck sent a ${event.event_type} event whose service_id (${JSON.stringify(event.service_id.slice(0, 40))}) is not a connector id; the event was not used.`,
      'InvalidEvent',
    );
  }
};

/**
 * The cache key that marks an event as delivered to this Zap. The event is named by the signed
 * `event_id`, else by `x-apideck-idempotency-key` (Apideck's "unique identifier for the webhook
 * event"). The key includes the Zap's webhook id (`subscribeData`, which Zapier passes to
 * `perform` too): one event reaches every Zap subscribed to it, and each must run once. Keys are
 * kept per connection (scope `auth`).
 */
export const replayKeyOf = (bundle: Bundle, event: WebhookEvent, eventType: CrmEventType): string | undefined => {
  const eventKey = event.event_id?.trim() || deliveryHeader(bundle, 'x-apideck-idempotency-key')?.trim();
  if (!eventKey) return undefined;
  const webhookId = (bundle.subscribeData as Partial<SubscribeData> | undefined)?.id;
  const zap = typeof webhookId === 'string' && webhookId ? webhookId : eventType;
  return `apideck:delivered:${zap}:${eventKey}`;
};

/**
 * Delivered events are remembered per connection. Core's `get` and `delete` take the scope too
 * (`tools/create-cache.js`); their types omit it.
 */
const SCOPE = ['auth'];
type ScopedCall = (key: string, scope: string[]) => Promise<unknown>;

/**
 * Marks the event as delivered; false when it already was. `z.cache.set(…, nx = true)` answers
 * `true` only when it stored the key, which is what holds against two deliveries at once. The
 * `get` before it is for core's app tester and `zapier invoke`, whose in-memory cache ignores `nx`
 * and always answers `true`. When the cache cannot be reached the event runs (it is signed; only
 * the replay check is lost), and the log says so.
 */
export const firstDelivery = async (z: ZObject, key: string, ttl = REPLAY_TTL_SECONDS): Promise<boolean> => {
  try {
    if ((await (z.cache.get as ScopedCall)(key, SCOPE)) !== null) return false;
    return (await z.cache.set(key, new Date().toISOString(), ttl, SCOPE, true)) === true;
  } catch (err) {
    z.console.log(`Could not check whether this event was delivered before: ${(err as Error).message}`);
    return true;
  }
};

/** Forgets that the event was delivered, so that a retry of a failed run can deliver it again. */
const forgetDelivery = async (z: ZObject, key: string): Promise<void> => {
  await (z.cache.delete as ScopedCall)(key, SCOPE).catch(() => false);
};

/**
 * `perform` of an instant trigger. Triggers nothing (`[]`) for Apideck's delivery-URL check, for a
 * delivery not signed with the connection's API key, for another trigger's or connection's event,
 * and for an event this Zap already ran on; stops with an error on an event whose ids cannot be
 * used. Otherwise `toOutput` turns the event into the trigger's output (reading the record when it
 * needs to), or into nothing when the record is not one the Zap asked for (`null`).
 *
 * A forged delivery returns `[]` rather than an error: anyone can POST to the hook URL, and errors
 * they cause would fill the Zap's history and could get the Zap turned off. The reason is logged.
 */
export const performHook =
  (eventType: CrmEventType, toOutput: (z: ZObject, event: WebhookEvent, bundle: Bundle) => Promise<Output | null>) =>
  async (z: ZObject, bundle: Bundle): Promise<Output[]> => {
    if (isValidationRequest(bundle)) return [];
    const delivery = verifyDelivery(bundle);
    if (!delivery.ok) {
      z.console.log(`Ignored a webhook delivery that Apideck did not sign: ${delivery.reason}.`);
      return [];
    }
    const event = eventOfBody(delivery.body);
    if (!event || !isOwnEvent(event, eventType, bundle)) return [];
    checkEventIds(z, event);
    const replayKey = replayKeyOf(bundle, event, eventType);
    if (replayKey && !(await firstDelivery(z, replayKey))) {
      z.console.log(`Ignored ${event.event_type} event ${event.event_id ?? ''}: it was already delivered.`);
      return [];
    }
    // The guide's form is the hex of the key-sorted body; another form that matched is worth knowing.
    if (delivery.variant !== 'hex of the key-sorted body') {
      z.console.log(`Webhook delivery signed by Apideck as the ${delivery.variant}.`);
    }
    try {
      const output = await toOutput(z, event, bundle);
      return output === null ? [] : [output];
    } catch (err) {
      // Not run: a retry of this step, or Apideck's next attempt, may deliver the event again.
      if (replayKey) await forgetDelivery(z, replayKey);
      throw err;
    }
  };

/** A deletion: the record is gone, so the event alone is the output (no request); `id` is the record's. */
export const deletedOutput = (event: WebhookEvent): Output => ({
  id: event.entity_id,
  event_type: event.event_type,
  occurred_at: event.occurred_at ?? null,
  service_id: event.service_id ?? null,
});

/** The output fields of a deletion of `entity` (`label` e.g. "Contact"). */
export const deletedOutputFields = (label: string) => [
  { key: 'id', label: `${label} ID`, type: 'string' as const },
  { key: 'event_type', label: 'Event Type' },
  { key: 'occurred_at', label: 'Deleted At', type: 'datetime' as const },
  { key: 'service_id', label: 'Connector (Service ID)' },
];

/**
 * Shown on every instant trigger: what "instant" means with Apideck. Virtual webhooks come from
 * Apideck polling the connector "currently every 24 hours", an interval that depends on the Apideck
 * plan, with a first sync within 5 minutes of a new connection (apideck-crm.md §15, from Apideck's
 * help-centre articles on virtual webhooks).
 */
export const INSTANT_HELP = {
  key: 'instant_help',
  type: 'copy' as const,
  helpText: `The connected CRM reports this event itself, so the Zap runs within seconds with HubSpot and Pipedrive (for most events). Salesforce is checked for changes through Apideck's **virtual webhooks**, by default **once every 24 hours** (the interval depends on your Apideck plan), so the event can arrive up to a day after the change ([what are virtual webhooks?](${WEBHOOKS_GUIDE_URL}#virtual-webhooks)). Other CRMs may not report events at all. When that is too slow, or your CRM is not one of these, use the trigger of the same name without the Instant badge: it works with every CRM and Zapier checks it every few minutes.`,
};
