import { createHmac, randomUUID } from 'node:crypto';
import { json, type SimRequest, type SimResponse } from '../../server';
import type { Problem } from '../openapi';
import { apiError, invalidRequest } from './errors';
import { keyAndHeaders } from './gate';
import type { ApideckSimulator } from './index';
import { webhookSpec } from './spec';
import { APIDECK_SANDBOX_CREDENTIALS, APIDECK_SANDBOX_SERVICE, ENTITY_OF, nowIso, type SimEvent } from './store';

/**
 * Apideck's Webhook API (../shared/specs/apideck-webhook.openapi.yml, version 10.34) on an Apideck
 * simulator: `POST /webhook/webhooks`, `GET`/`PATCH`/`DELETE /webhook/webhooks/{id}` and the list,
 * validated against the document, and real deliveries: every contact, company, deal (opportunity),
 * lead, note or activity created, updated or deleted through the simulator is POSTed, signed, to
 * each enabled webhook subscribed to its event (`crm.<entity>.<created|updated|deleted>`,
 * apideck-crm.openapi.yml `x-webhooks`).
 *
 * As apideck-crm.md §15.2 says Apideck does: creating a webhook (or changing its delivery URL) first
 * POSTs the validation request to the URL and waits for it; a URL that does not answer 2xx leaves
 * the webhook `disabled` with `disabled_reason: "delivery_url_validation_failed"`. Every request is
 * signed with the API key: hex HMAC-SHA256 of the body with its keys sorted (the body itself is sent
 * in the document's key order).
 *
 * Webhooks belong to the Apideck application, not to a consumer: every consumer's events reach
 * every webhook, as with Apideck.
 */

export type { SimEvent } from './store';

/** `Webhook`. */
export interface SimWebhook {
  id: string;
  description: string | null;
  unified_api: string;
  status: 'enabled' | 'disabled';
  disabled_reason: string;
  delivery_url: string;
  execute_base_url: string;
  events: string[];
  created_at: string;
  updated_at: string;
}

/** One delivery attempt (or validation request), as the simulator made it. */
export interface SimDelivery {
  webhookId: string;
  url: string;
  eventType: string;
  /** The JSON text sent (keys in the document's order; the signature is over them sorted). */
  body: string;
  headers: Record<string, string>;
  /** The receiver's HTTP status, or 0 when it could not be reached. */
  status: number;
  error?: string;
}

/** A JSON value with every object's keys sorted, arrays in order: how Apideck signs a body. */
const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
};

/**
 * `x-apideck-signature` as Apideck's signature guide makes it: HMAC-SHA256 keyed by the API key, of
 * the compact JSON of the body with its keys sorted; hex, as the OpenAPI document's example.
 */
export const signApideckBody = (apiKey: string, body: unknown): string =>
  createHmac('sha256', apiKey)
    .update(JSON.stringify(sorted(body)))
    .digest('hex');

/** An event name the document does not list, in the words the sandbox has always used. */
const eventTypeProblem = (p: Problem, body: unknown) =>
  p.keyword === 'enum' && p.at[0] === 'events'
    ? `${JSON.stringify((body as { events: unknown[] }).events[Number(p.at[1])])} is not a WebhookEventType`
    : p.keyword === 'additionalProperties'
      ? 'is not a property of this request'
      : undefined;

export interface ApideckWebhookOptions {
  /** The key requests are signed with: the API key, as Apideck's signature guide says (the default). */
  signingKey?: string;
}

/** The body of the validation request, and its `x-apideck-event-type` (apideck-crm.md §15.2). */
export const VALIDATION_BODY = { message: 'Validating delivery URL' };
export const VALIDATION_EVENT_TYPE = 'apideck.subscription.created';

/** POSTs a record's body and headers to its URL, and notes the answer's status (or why there was none). */
const post = async (record: SimDelivery): Promise<SimDelivery> => {
  try {
    const res = await fetch(record.url, {
      method: 'POST',
      headers: record.headers,
      body: record.body,
      signal: AbortSignal.timeout(10_000),
    });
    record.status = res.status;
    await res.arrayBuffer();
  } catch (err) {
    record.error = err instanceof Error ? err.message : String(err);
  }
  return record;
};

/** Adds the Webhook API and event deliveries to `sim`; returns what tests and the tour look at. */
export const addApideckWebhooks = (sim: ApideckSimulator, options: ApideckWebhookOptions = {}) => {
  const spec = webhookSpec();
  const signingKey = options.signingKey ?? APIDECK_SANDBOX_CREDENTIALS.api_key;
  const webhooks: SimWebhook[] = [];
  const deliveries: SimDelivery[] = [];
  const validations: SimDelivery[] = [];
  const pending = new Set<Promise<void>>();
  let seq = 0;

  const track = (work: Promise<unknown>): Promise<void> => {
    const done = work.then(() => undefined);
    pending.add(done);
    void done.finally(() => pending.delete(done));
    return done;
  };
  const one = (status: number, data: unknown) =>
    json(status, { status_code: status, status: status === 201 ? 'Created' : 'OK', data });
  const notFound = (req: SimRequest) =>
    apiError(404, 'EntityNotFoundError', 'Unknown Widget', `Could not find webhook with id: '${req.params.id}'`);

  /**
   * The validation request (§15.2): signed, typed `apideck.subscription.created`, no idempotency
   * key. A URL that does not answer 2xx leaves the webhook disabled, as the Webhook API documents.
   */
  const validate = async (hook: SimWebhook): Promise<void> => {
    const record = await post({
      webhookId: hook.id,
      url: hook.delivery_url,
      eventType: VALIDATION_EVENT_TYPE,
      body: JSON.stringify(VALIDATION_BODY),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Apideck-Webhooks (sandbox)',
        'x-apideck-event-type': VALIDATION_EVENT_TYPE,
        'x-apideck-signature': signApideckBody(signingKey, VALIDATION_BODY),
      },
      status: 0,
    });
    validations.push(record);
    if (record.status < 200 || record.status >= 300) {
      Object.assign(hook, { status: 'disabled', disabled_reason: 'delivery_url_validation_failed' });
    }
  };

  /** The Webhook API's security (the key and the application: webhooks are per application), then the document. */
  const checked =
    (operationId: string, handler: (req: SimRequest) => SimResponse | Promise<SimResponse>) => (req: SimRequest) => {
      const problems = keyAndHeaders(spec, operationId, req);
      if (!Array.isArray(problems)) return problems;
      if (problems.length) return invalidRequest(problems, (p) => eventTypeProblem(p, req.body));
      return handler(req);
    };

  const handlers: Record<string, (req: SimRequest) => SimResponse | Promise<SimResponse>> = {
    webhooksAll: () =>
      json(200, {
        status_code: 200,
        status: 'OK',
        data: webhooks,
        meta: { items_on_page: webhooks.length, cursors: { previous: null, current: null, next: null } },
        links: { previous: null, current: `https://unify.apideck.com/webhook/webhooks`, next: null },
      }),
    webhooksAdd: async (req) => {
      const b = req.body as Pick<SimWebhook, 'unified_api' | 'status' | 'delivery_url' | 'events'> & {
        description?: string | null;
      };
      seq += 1;
      const id = `whk_${String(seq).padStart(4, '0')}`;
      const hook: SimWebhook = {
        id,
        description: b.description ?? null,
        unified_api: b.unified_api,
        status: b.status,
        disabled_reason: 'none',
        delivery_url: b.delivery_url,
        execute_base_url: `https://unify.apideck.com/webhook/webhooks/${id}/execute`,
        events: b.events,
        created_at: nowIso(),
        updated_at: nowIso(),
      };
      await validate(hook);
      webhooks.push(hook);
      return one(201, hook);
    },
    webhooksOne: (req) => {
      const hook = webhooks.find((w) => w.id === req.params.id);
      return hook ? one(200, hook) : notFound(req);
    },
    webhooksUpdate: async (req) => {
      const hook = webhooks.find((w) => w.id === req.params.id);
      if (!hook) return notFound(req);
      const urlBefore = hook.delivery_url;
      Object.assign(hook, req.body, { updated_at: nowIso() });
      // "Validation only occurs when the URL is changed" (apideck-webhook.openapi.yml, updateWebhook).
      if (hook.delivery_url !== urlBefore) await validate(hook);
      return one(200, hook);
    },
    webhooksDelete: (req) => {
      const i = webhooks.findIndex((w) => w.id === req.params.id);
      if (i < 0) return notFound(req);
      const [hook] = webhooks.splice(i, 1);
      return one(200, hook);
    },
  };
  spec.route(
    sim.server,
    Object.fromEntries(
      Object.entries(handlers).map(([operationId, handler]) => [operationId, checked(operationId, handler)]),
    ),
  );

  const deliver = async (hook: SimWebhook, eventType: string, payload: Record<string, unknown>) => {
    const record: SimDelivery = {
      webhookId: hook.id,
      url: hook.delivery_url,
      eventType,
      body: JSON.stringify({ payload }),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Apideck-Webhooks (sandbox)',
        'x-apideck-event-type': eventType,
        'x-apideck-idempotency-key': String(payload.event_id),
        'x-apideck-signature': signApideckBody(signingKey, { payload }),
      },
      status: 0,
    };
    deliveries.push(record);
    await post(record);
  };

  /** Sends one CRM event to every enabled `crm` webhook subscribed to it (or to `*`). */
  const emit = (event: SimEvent): Promise<void> => {
    const eventType = `crm.${event.entity}.${event.action}`;
    const resource = Object.entries(ENTITY_OF).find(([, entity]) => entity === event.entity)?.[0] ?? `${event.entity}s`;
    // The document's example order (apideck-crm.md §15), then `execution_attempt` (SDK 10.4).
    const payload = {
      event_type: eventType,
      unified_api: 'crm',
      service_id: event.service_id ?? APIDECK_SANDBOX_SERVICE,
      consumer_id: event.consumer_id ?? APIDECK_SANDBOX_CREDENTIALS.consumer_id,
      event_id: randomUUID(),
      entity_id: event.id,
      entity_url: `${sim.server.baseUrl}/crm/${resource}/${encodeURIComponent(event.id)}`,
      entity_type: event.entity,
      occurred_at: nowIso(),
      execution_attempt: 1,
    };
    const targets = webhooks.filter(
      (w) =>
        w.status === 'enabled' && w.unified_api === 'crm' && (w.events.includes(eventType) || w.events.includes('*')),
    );
    return track(Promise.all(targets.map((w) => deliver(w, eventType, payload))));
  };

  // Writes through the CRM API become events as they are made; their answers are not held up.
  sim.onEvent((event) => void emit(event));

  /** Sends a delivery made before again, byte for byte (a retry, or a replay by someone who kept it). */
  const resend = (delivery: SimDelivery): Promise<void> => {
    const again: SimDelivery = { ...delivery, headers: { ...delivery.headers }, status: 0, error: undefined };
    deliveries.push(again);
    return track(post(again));
  };

  return {
    webhooks,
    deliveries,
    validations,
    signingKey,
    emit,
    resend,
    /** Resolves when every delivery under way has been answered (or has failed). */
    idle: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
  };
};

export type ApideckWebhooks = ReturnType<typeof addApideckWebhooks>;
