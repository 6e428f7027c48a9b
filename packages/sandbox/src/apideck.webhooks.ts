import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIDECK_SANDBOX_CREDENTIALS, APIDECK_SANDBOX_SERVICE, type ApideckSimulator } from './apideck';
import { json, type Handler, type ResponseListener, type SimRequest, type SimResponse, type SimServer } from './server';

/**
 * Apideck's Webhook API (../shared/specs/apideck-webhook.openapi.yml, version 10.34) on an Apideck
 * simulator: `POST /webhook/webhooks`, `GET`/`PATCH`/`DELETE /webhook/webhooks/{id}` and the list,
 * with request bodies checked against `CreateWebhookRequest` / `UpdateWebhookRequest`, and real
 * deliveries: every contact, company, deal (opportunity), lead, note or activity created, updated or
 * deleted through the simulator is POSTed, signed, to each enabled webhook subscribed to its event
 * (`crm.<entity>.<created|updated|deleted>`, apideck-crm.openapi.yml `x-webhooks`).
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

/** `UnifiedApiId`. */
const UNIFIED_APIS = [
  'accounting',
  'ats',
  'calendar',
  'crm',
  'csp',
  'customer-support',
  'ecommerce',
  'email',
  'email-marketing',
  'expense-management',
  'file-storage',
  'form',
  'hris',
  'lead',
  'payroll',
  'pos',
  'procurement',
  'project-management',
  'script',
  'sms',
  'spreadsheet',
  'subscription-analytics',
  'team-messaging',
  'issue-tracking',
  'time-registration',
  'transactional-email',
  'vault',
  'data-warehouse',
];

/** The simulator's CRM resources (path segment) and the entity their events name. */
const ENTITY_OF: Record<string, string> = {
  contacts: 'contact',
  companies: 'company',
  opportunities: 'opportunity',
  leads: 'lead',
  notes: 'note',
  activities: 'activity',
};
const CRM_EVENT = new RegExp(`^crm\\.(${Object.values(ENTITY_OF).join('|')})\\.(created|updated|deleted)$`);
/** Events of the other unified APIs are valid subscriptions; this simulator never sends them. */
const OTHER_API_EVENT = /^(?!crm\.)[a-z-]+\.[a-z_-]+(\.[a-z_-]+)+$/;
const isEventType = (v: unknown) =>
  v === '*' || (typeof v === 'string' && (CRM_EVENT.test(v) || OTHER_API_EVENT.test(v)));

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

/** A CRM event to deliver; `emit` fills in the rest (`event_id`, `occurred_at` …). */
export interface SimEvent {
  entity: string;
  action: 'created' | 'updated' | 'deleted';
  id: string;
  consumer_id?: string;
  service_id?: string;
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

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
const apiError = (status: number, typeName: string, message: string, detail?: unknown): SimResponse =>
  json(status, {
    status_code: status,
    error: REASONS[status] ?? 'Error',
    type_name: typeName,
    message,
    ...(detail !== undefined ? { detail } : {}),
    ref: `https://developers.apideck.com/errors#${typeName.toLowerCase()}`,
  });

const headerOf = (req: SimRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** The Webhook API's security: the key and the application (no consumer: webhooks are per application). */
const appAuthError = (req: SimRequest): SimResponse | undefined => {
  const key = /^Bearer\s+(.+)$/i.exec(headerOf(req, 'authorization') ?? '')?.[1];
  if (!key) return apiError(401, 'UnauthorizedError', 'Missing authentication', 'Missing Authorization header');
  if (!headerOf(req, 'x-apideck-app-id'))
    return apiError(400, 'RequestHeadersValidationError', 'Invalid Params', {
      missing: [{ 'x-apideck-app-id': 'required' }],
    });
  if (
    key !== APIDECK_SANDBOX_CREDENTIALS.api_key ||
    headerOf(req, 'x-apideck-app-id') !== APIDECK_SANDBOX_CREDENTIALS.app_id
  )
    return apiError(401, 'UnauthorizedError', 'Unauthorized Request', 'Verify your API key and application id.');
  return undefined;
};

/** Checks a `CreateWebhookRequest` (all required) or `UpdateWebhookRequest` body; both forbid other keys. */
const webhookBodyProblems = (body: unknown, mode: 'create' | 'update'): SimResponse | undefined => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return apiError(400, 'RequestValidationError', 'Invalid Params', 'The body must be a JSON object');
  const b = body as Record<string, unknown>;
  const allowed =
    mode === 'create'
      ? ['description', 'unified_api', 'status', 'delivery_url', 'events']
      : ['description', 'status', 'delivery_url', 'events'];
  const missing = (mode === 'create' ? ['delivery_url', 'status', 'events', 'unified_api'] : [])
    .filter((k) => b[k] === undefined || b[k] === null)
    .map((k) => ({ [k]: 'required' }));
  const invalid: Record<string, string>[] = [];
  for (const [k, v] of Object.entries(b)) {
    if (!allowed.includes(k)) invalid.push({ [k]: 'is not a property of this request' });
    else if (k === 'description' && v !== null && typeof v !== 'string')
      invalid.push({ description: 'must be a string or null' });
    else if (k === 'unified_api' && (typeof v !== 'string' || !UNIFIED_APIS.includes(v)))
      invalid.push({ unified_api: `must be one of ${UNIFIED_APIS.join(', ')}` });
    else if (k === 'status' && v !== 'enabled' && v !== 'disabled')
      invalid.push({ status: 'must be enabled or disabled' });
    else if (k === 'delivery_url' && (typeof v !== 'string' || !/^(https?):\/\//.test(v) || !URL.canParse(v)))
      invalid.push({ delivery_url: 'must be an http(s) URL' });
    else if (k === 'events') {
      if (!Array.isArray(v)) invalid.push({ events: 'must be an array' });
      else
        v.forEach(
          (e, i) =>
            !isEventType(e) && invalid.push({ [`events[${i}]`]: `${JSON.stringify(e)} is not a WebhookEventType` }),
        );
    }
  }
  if (missing.length || invalid.length)
    return apiError(400, 'RequestValidationError', 'Invalid Params', {
      ...(missing.length ? { missing } : {}),
      ...(invalid.length ? { invalid } : {}),
    });
  return undefined;
};

/**
 * Calls `listener` once for every answered request. SimServer's `onResponse` is the way; as of
 * commit 0af99e6 SimServer stores those listeners but never calls them, so the handlers registered
 * so far are wrapped too. Each answer is seen once either way (the response object is the key).
 */
const observeResponses = (server: SimServer, listener: ResponseListener): void => {
  const seen = new WeakSet<object>();
  const once: ResponseListener = (req, res) => {
    if (seen.has(res)) return;
    seen.add(res);
    return listener(req, res);
  };
  server.onResponse(once);
  const routes = (server as unknown as { routes?: { handler: Handler }[] }).routes ?? [];
  for (const route of routes) {
    const handler = route.handler;
    route.handler = async (req) => {
      const res = await handler(req);
      await once(req, res);
      return res;
    };
  }
};

export interface ApideckWebhookOptions {
  /** The key requests are signed with: the API key, as Apideck's signature guide says (the default). */
  signingKey?: string;
}

/** The body of the validation request, and its `x-apideck-event-type` (apideck-crm.md §15.2). */
export const VALIDATION_BODY = { message: 'Validating delivery URL' };
export const VALIDATION_EVENT_TYPE = 'apideck.subscription.created';

/** Adds the Webhook API and event deliveries to `sim`; returns what tests and the tour look at. */
export const addApideckWebhooks = (sim: ApideckSimulator, options: ApideckWebhookOptions = {}) => {
  const { server } = sim;
  const store = sim.store as unknown as Record<string, { id: string }[] | undefined>;
  const signingKey = options.signingKey ?? APIDECK_SANDBOX_CREDENTIALS.api_key;
  const webhooks: SimWebhook[] = [];
  const deliveries: SimDelivery[] = [];
  const validations: SimDelivery[] = [];
  const pending = new Set<Promise<void>>();
  let seq = 0;
  const now = () => new Date().toISOString();

  const one = (status: number, data: unknown) =>
    json(status, { status_code: status, status: status === 201 ? 'Created' : 'OK', data });
  const find = (req: SimRequest) => webhooks.find((w) => w.id === req.params.id);
  const notFound = (req: SimRequest) =>
    apiError(404, 'EntityNotFoundError', 'Unknown Widget', `Could not find webhook with id: '${req.params.id}'`);

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

  server
    .route(
      'GET',
      '/webhook/webhooks',
      (req) =>
        appAuthError(req) ??
        json(200, {
          status_code: 200,
          status: 'OK',
          data: webhooks,
          meta: { items_on_page: webhooks.length, cursors: { previous: null, current: null, next: null } },
          links: { previous: null, current: `https://unify.apideck.com/webhook/webhooks`, next: null },
        }),
    )
    .route('POST', '/webhook/webhooks', async (req) => {
      const problem = appAuthError(req) ?? webhookBodyProblems(req.body, 'create');
      if (problem) return problem;
      const b = req.body as Record<string, unknown>;
      seq += 1;
      const id = `whk_${String(seq).padStart(4, '0')}`;
      const hook: SimWebhook = {
        id,
        description: (b.description as string | null | undefined) ?? null,
        unified_api: b.unified_api as string,
        status: b.status as SimWebhook['status'],
        disabled_reason: 'none',
        delivery_url: b.delivery_url as string,
        execute_base_url: `https://unify.apideck.com/webhook/webhooks/${id}/execute`,
        events: b.events as string[],
        created_at: now(),
        updated_at: now(),
      };
      await validate(hook);
      webhooks.push(hook);
      return one(201, hook);
    })
    .route(
      'GET',
      '/webhook/webhooks/:id',
      (req) => appAuthError(req) ?? (find(req) ? one(200, find(req)) : notFound(req)),
    )
    .route('PATCH', '/webhook/webhooks/:id', async (req) => {
      const problem = appAuthError(req);
      if (problem) return problem;
      const hook = find(req);
      if (!hook) return notFound(req);
      const invalid = webhookBodyProblems(req.body, 'update');
      if (invalid) return invalid;
      const urlBefore = hook.delivery_url;
      Object.assign(hook, req.body, { updated_at: now() });
      // "Validation only occurs when the URL is changed" (apideck-webhook.openapi.yml, updateWebhook).
      if (hook.delivery_url !== urlBefore) await validate(hook);
      return one(200, hook);
    })
    .route('DELETE', '/webhook/webhooks/:id', (req) => {
      const problem = appAuthError(req);
      if (problem) return problem;
      const i = webhooks.findIndex((w) => w.id === req.params.id);
      if (i < 0) return notFound(req);
      const [hook] = webhooks.splice(i, 1);
      return one(200, hook);
    })
    // The CRM API's DELETE /crm/<resource>/{id} (the simulator has no deletes of its own; a route
    // registered before this one wins).
    .route('DELETE', '/crm/:resource/:id', (req) => {
      const key = /^Bearer\s+(.+)$/i.exec(headerOf(req, 'authorization') ?? '')?.[1];
      if (
        key !== APIDECK_SANDBOX_CREDENTIALS.api_key ||
        headerOf(req, 'x-apideck-app-id') !== APIDECK_SANDBOX_CREDENTIALS.app_id
      )
        return apiError(401, 'UnauthorizedError', 'Unauthorized Request', 'Verify your API key and application id.');
      if (headerOf(req, 'x-apideck-consumer-id') !== APIDECK_SANDBOX_CREDENTIALS.consumer_id)
        return apiError(404, 'ConnectionNotFoundError', 'No CRM connection found for this consumer');
      const list = ENTITY_OF[req.params.resource!] ? store[req.params.resource!] : undefined;
      const i = list?.findIndex((r) => r.id === req.params.id) ?? -1;
      if (!list || i < 0)
        return apiError(
          404,
          'EntityNotFoundError',
          'Unknown Resource',
          `Could not find ${req.params.resource} with id ${req.params.id}`,
        );
      list.splice(i, 1);
      return json(200, {
        status_code: 200,
        status: 'OK',
        service: APIDECK_SANDBOX_SERVICE,
        resource: req.params.resource,
        operation: 'delete',
        data: { id: req.params.id },
      });
    });

  const deliver = async (hook: SimWebhook, eventType: string, payload: Record<string, unknown>) => {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Apideck-Webhooks (sandbox)',
      'x-apideck-event-type': eventType,
      'x-apideck-idempotency-key': String(payload.event_id),
      'x-apideck-signature': signApideckBody(signingKey, { payload }),
    };
    const record: SimDelivery = {
      webhookId: hook.id,
      url: hook.delivery_url,
      eventType,
      body: JSON.stringify({ payload }),
      headers,
      status: 0,
    };
    deliveries.push(record);
    await post(record);
  };

  /** Sends one CRM event to every enabled `crm` webhook subscribed to it (or to `*`). */
  const emit = (event: SimEvent): Promise<void> => {
    const eventType = `crm.${event.entity}.${event.action}`;
    const resource = Object.keys(ENTITY_OF).find((r) => ENTITY_OF[r] === event.entity) ?? `${event.entity}s`;
    // The document's example order (apideck-crm.md §15), then `execution_attempt` (SDK 10.4).
    const payload = {
      event_type: eventType,
      unified_api: 'crm',
      service_id: event.service_id ?? APIDECK_SANDBOX_SERVICE,
      consumer_id: event.consumer_id ?? APIDECK_SANDBOX_CREDENTIALS.consumer_id,
      event_id: randomUUID(),
      entity_id: event.id,
      entity_url: `${server.baseUrl}/crm/${resource}/${encodeURIComponent(event.id)}`,
      entity_type: event.entity,
      occurred_at: now(),
      execution_attempt: 1,
    };
    const targets = webhooks.filter(
      (w) =>
        w.status === 'enabled' && w.unified_api === 'crm' && (w.events.includes(eventType) || w.events.includes('*')),
    );
    const all = Promise.all(targets.map((w) => deliver(w, eventType, payload))).then(() => undefined);
    pending.add(all);
    void all.finally(() => pending.delete(all));
    return all;
  };

  // Writes through the CRM API become events once answered (2xx); the answer is not held up by them.
  observeResponses(server, (req, res) => {
    const m = /\/crm\/(\w+)(?:\/([^/]+))?\/?$/.exec(req.path);
    const entity = m ? ENTITY_OF[m[1]!] : undefined;
    if (!m || !entity || res.status >= 300) return;
    const action =
      req.method === 'POST' && !m[2]
        ? 'created'
        : req.method === 'PATCH' && m[2]
          ? 'updated'
          : req.method === 'DELETE' && m[2]
            ? 'deleted'
            : undefined;
    if (!action) return;
    const body = res.body as { data?: { id?: unknown }; service?: unknown } | undefined;
    const id = m[2] ? decodeURIComponent(m[2]) : body?.data?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    void emit({
      entity,
      action,
      id: String(id),
      consumer_id: headerOf(req, 'x-apideck-consumer-id'),
      service_id: typeof body?.service === 'string' ? body.service : undefined,
    });
  });

  /** Sends a delivery made before again, byte for byte (a retry, or a replay by someone who kept it). */
  const resend = (delivery: SimDelivery): Promise<void> => {
    const again: SimDelivery = { ...delivery, headers: { ...delivery.headers }, status: 0, error: undefined };
    deliveries.push(again);
    const sent = post(again).then(() => undefined);
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
    return sent;
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

/* ----------------------------------------------------------------------------------------------
 * A stand-in for Zapier's hook URLs: a loopback listener that keeps what it receives.
 * ------------------------------------------------------------------------------------------- */

/** One request the receiver got. */
export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** Starts a loopback HTTP listener answering 200 to every POST; `next(path)` waits for the next one there. */
export const startDeliveryReceiver = async () => {
  const received: ReceivedDelivery[] = [];
  const waiting: { path: string; resolve: (d: ReceivedDelivery) => void }[] = [];
  const taken = new Set<ReceivedDelivery>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const delivery: ReceivedDelivery = {
        path: new URL(req.url ?? '/', 'http://receiver').pathname,
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(delivery);
      const w = waiting.findIndex((x) => x.path === delivery.path);
      if (w >= 0) {
        taken.add(delivery);
        waiting.splice(w, 1)[0]!.resolve(delivery);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    received,
    /** The next delivery to `path` not yet taken; fails after `ms`. */
    next: (path: string, ms = 5000): Promise<ReceivedDelivery> => {
      const ready = received.find((d) => d.path === path && !taken.has(d));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no delivery to ${path} within ${ms} ms`)), ms);
        waiting.push({
          path,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export type DeliveryReceiver = Awaited<ReturnType<typeof startDeliveryReceiver>>;

/**
 * The parts of a Zapier bundle a hook's `perform` reads, from a received delivery: the parsed body
 * as `cleanedRequest`, and `rawRequest` with the raw body and the headers named as Zapier names them
 * (Camel-Case, and prefixed `Http-` except `Content-Length` and `Content-Type`).
 */
export const hookBundleOf = (delivery: ReceivedDelivery) => ({
  cleanedRequest: JSON.parse(delivery.rawBody) as unknown,
  rawRequest: {
    method: 'POST',
    querystring: '',
    headers: Object.fromEntries(
      Object.entries(delivery.headers).map(([k, v]) => {
        const name = k.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
        return [
          /^Content-(Length|Type)$/.test(name) ? name : `Http-${name}`,
          Array.isArray(v) ? v.join(', ') : String(v ?? ''),
        ];
      }),
    ),
    content: delivery.rawBody,
  },
});
