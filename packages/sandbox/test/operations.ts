/**
 * The secret scan's view of the integrations: every operation of every plan, the valid input
 * to run it with, sentinel credentials, and each CRM's error-body dialect. Built from `allPlans()`
 * and the app definitions, so operations added later are picked up without editing this file.
 */
import { allPlans } from '../src/tour/plans';
import type { TourContext, TourPlan } from '../src/tour/tour.lib';

export interface FieldDef {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  list?: boolean;
  choices?: unknown;
  dynamic?: string;
  computed?: boolean;
  default?: unknown;
}

interface OperationDef {
  operation: {
    type?: string;
    perform?: unknown;
    performList?: unknown;
    performSubscribe?: unknown;
    performUnsubscribe?: unknown;
    inputFields?: unknown[];
  };
  display?: { hidden?: boolean };
}

interface AppDef {
  authentication?: { type?: string; fields?: FieldDef[] };
  triggers?: Record<string, OperationDef>;
  searches?: Record<string, OperationDef>;
  creates?: Record<string, OperationDef>;
}

export interface Operation {
  crm: string;
  /** "trigger", "dropdown", "search", "create", "input fields" or "auth test". */
  kind: string;
  /** Short name in test titles and bug keys: `new_record`, `auth test`, `create_record fields`. */
  name: string;
  method: string;
  plan: TourPlan;
  /** Valid input: the plan's, or made up from the required fields when no plan step runs it. */
  inputData: Record<string, unknown>;
  /** True when no plan step runs this operation and its input was made up from its fields. */
  synthesized: boolean;
  /** The static input fields (function entries are dynamic and left out). */
  fields: FieldDef[];
  /** `bundle.meta` the plan step runs with (e.g. a dropdown page). */
  meta: Record<string, unknown>;
  /** More bundle keys (REST hooks: `targetUrl`, `subscribeData`). */
  extra: Record<string, unknown>;
}

/**
 * Hook triggers whose performList returns the static sample because the CRM has no listing to read
 * (Apideck has none of deleted contacts): no request, so no failure to inject.
 */
const SAMPLE_ONLY_LISTS = new Set(['apideck deleted_contact_instant']);

/** What Zapier gives REST hook methods besides inputData. */
export const HOOK_BUNDLE = {
  targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc123/',
  subscribeData: { id: 'abc123' },
};

/** Every step result is `{ id: 'abc123' }`, for inputs that are functions of earlier steps. */
export const FAKE_CONTEXT: TourContext = new Proxy({}, { get: () => ({ id: 'abc123' }) });

export const appOf = (plan: TourPlan): AppDef => plan.app as AppDef;

export const isOAuth2 = (plan: TourPlan): boolean => appOf(plan).authentication?.type === 'oauth2';

const staticFields = (def: OperationDef): FieldDef[] =>
  (def.operation.inputFields ?? []).filter(
    (f): f is FieldDef => Boolean(f) && typeof f === 'object' && typeof (f as FieldDef).key === 'string',
  );

/** A valid value for a field, by its type: for operations no plan step runs. */
const madeUpValue = (f: FieldDef): unknown => {
  const choices = f.choices;
  if (Array.isArray(choices) && choices.length) {
    const first = choices[0] as unknown;
    return typeof first === 'object' && first ? (first as { value: unknown }).value : first;
  }
  if (choices && typeof choices === 'object') return Object.keys(choices)[0];
  let value: unknown = 'abc123';
  if (f.type === 'integer' || f.type === 'number') value = 1;
  else if (f.type === 'datetime') value = '2030-01-01T09:00:00Z';
  else if (f.type === 'boolean') value = true;
  else if (/email/i.test(f.key)) value = 'ada@example.com';
  return f.list ? [value] : value;
};

const KINDS: [keyof AppDef & ('triggers' | 'searches' | 'creates'), string][] = [
  ['triggers', 'trigger'],
  ['searches', 'search'],
  ['creates', 'create'],
];

/**
 * Every operation of one app: the auth test, each trigger/dropdown/search/create, REST hook calls and
 * dynamic fields. `plan` names it and gives its credentials; the steps of every plan of the same app
 * (`more`, e.g. a webhook tour) give inputs, the first plan's winning.
 */
export const operationsOf = (plan: TourPlan, more: TourPlan[] = []): Operation[] => {
  const app = appOf(plan);
  const stepFor = new Map<string, Record<string, unknown>>();
  const metaFor = new Map<string, Record<string, unknown>>();
  for (const step of [plan, ...more].flatMap((p) => p.steps)) {
    if (step.custom || stepFor.has(step.method)) continue;
    const input = typeof step.inputData === 'function' ? step.inputData(FAKE_CONTEXT) : (step.inputData ?? {});
    stepFor.set(step.method, input);
    metaFor.set(step.method, step.meta ?? {});
  }
  const ops: Operation[] = [];
  const add = (kind: string, name: string, method: string, fields: FieldDef[], extra: Record<string, unknown> = {}) => {
    const planned = stepFor.get(method);
    const inputData =
      planned ??
      Object.fromEntries(fields.filter((f) => f.required && !f.computed).map((f) => [f.key, madeUpValue(f)]));
    ops.push({
      crm: plan.crm,
      kind,
      name,
      method,
      plan,
      inputData,
      synthesized: !planned,
      fields,
      meta: metaFor.get(method) ?? {},
      extra,
    });
  };
  if (app.authentication) add('auth test', 'auth test', 'authentication.test', []);
  for (const [group, kind] of KINDS) {
    for (const [key, def] of Object.entries(app[group] ?? {})) {
      const fields = staticFields(def);
      const hidden = group === 'triggers' && def.display?.hidden;
      if (def.operation.type === 'hook') {
        // REST hooks: `perform` only reads a delivered payload; these three talk to the CRM (a
        // sample-only performList does not: its own test checks that it sends nothing).
        const prefix = `${group}.${key}.operation`;
        if (def.operation.performList && !SAMPLE_ONLY_LISTS.has(`${plan.crm} ${key}`))
          add('hook list', `${key} performList`, `${prefix}.performList`, fields);
        if (def.operation.performSubscribe)
          add('hook subscribe', `${key} subscribe`, `${prefix}.performSubscribe`, fields, HOOK_BUNDLE);
        if (def.operation.performUnsubscribe)
          add('hook unsubscribe', `${key} unsubscribe`, `${prefix}.performUnsubscribe`, fields, HOOK_BUNDLE);
        continue;
      }
      add(hidden ? 'dropdown' : kind, key, `${group}.${key}.operation.perform`, fields);
      // Dynamic input fields that make requests (run by a plan step) are an operation of their own.
      const fieldsMethod = `${group}.${key}.operation.inputFields`;
      if (stepFor.has(fieldsMethod)) add('input fields', `${key} fields`, fieldsMethod, []);
    }
  }
  return ops;
};

/** One plan per app (the first); other plans of the same app only add inputs. */
const ALL_PLANS: TourPlan[] = allPlans();
export const PLANS: TourPlan[] = ALL_PLANS.filter((p, i) => ALL_PLANS.findIndex((q) => q.app === p.app) === i);
export const OPERATIONS: Operation[] = PLANS.flatMap((plan) =>
  operationsOf(
    plan,
    ALL_PLANS.filter((p) => p.app === plan.app && p !== plan),
  ),
);

// ---------------------------------------------------------------------------------------------
// Sentinel credentials: distinctive values that must never reach a message, a log line or an output.

const SECRET_KEY = /token|secret|password|api_?key/i;

export const sentinel = (crm: string, key: string): string => `SENTINEL-${crm}-${key.replace(/_/g, '-')}-q7Zx`;

export const OAUTH_REDIRECT_URI = 'https://zapier.com/dashboard/auth/oauth/return/MatrixCLIAPI/';

/** The plan's credentials with every secret replaced by a sentinel (OAuth2: sentinel tokens). */
export const sentinelAuth = (plan: TourPlan): Record<string, string> => {
  const auth = appOf(plan).authentication;
  const passwordFields = new Set((auth?.fields ?? []).filter((f) => f.type === 'password').map((f) => f.key));
  const base: Record<string, string> = isOAuth2(plan)
    ? { access_token: '', refresh_token: '', redirect_uri: OAUTH_REDIRECT_URI, ...plan.authData }
    : { ...plan.authData };
  for (const f of auth?.fields ?? []) if (!(f.key in base) && f.required) base[f.key] = `${plan.crm}-${f.key}`;
  return Object.fromEntries(
    Object.entries(base).map(([k, v]) => [k, passwordFields.has(k) || SECRET_KEY.test(k) ? sentinel(plan.crm, k) : v]),
  );
};

/** The plan's environment for a base URL, with any secret (client secret) replaced by a sentinel. */
export const sentinelEnv = (plan: TourPlan, baseUrl: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(plan.env(baseUrl)).map(([k, v]) => [k, /secret|token|key/i.test(k) ? sentinel(plan.crm, k) : v]),
  );

/** Every sentinel of every plan (credentials and environment). */
export const ALL_SENTINELS: string[] = [
  ...new Set(
    PLANS.flatMap((plan) => [
      ...Object.values(sentinelAuth(plan)).filter((v) => v.startsWith('SENTINEL-')),
      ...Object.values(sentinelEnv(plan, 'https://x.test')).filter((v) => v.startsWith('SENTINEL-')),
    ]),
  ),
];

export const sentinelsIn = (text: string): string[] => ALL_SENTINELS.filter((s) => text.includes(s));

// ---------------------------------------------------------------------------------------------
// Error bodies in each CRM's own format (shared/docs/apis), so messages can be checked for the
// CRM's words. CRMs without an entry get the common `{ message, field }` shape.

export interface Dialect {
  error: (status: number, message: string) => unknown;
}

const APIDECK_TYPES: Record<number, string> = {
  400: 'RequestValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'EntityNotFoundError',
  409: 'ConflictError',
  429: 'TooManyRequestsError',
};

const common: Dialect = {
  error: (_status, message) => ({ message }),
};

export const DIALECTS: Record<string, Dialect> = {
  nethunt: common,
  lunarsend: {
    // lunarsend.md: `{status: "error", error: <code>, message}`.
    error: (_status, message) => ({ status: 'error', error: 'request_failed', message }),
  },
  nimble: {
    error: (_status, message) => ({ message, code: 245 }),
  },
  apideck: {
    error: (status, message) => ({
      status_code: status,
      error: 'Error',
      type_name: APIDECK_TYPES[status] ?? 'UnexpectedError',
      message,
      ref: 'https://developers.apideck.com/errors',
    }),
  },
};

export const dialectOf = (crm: string): Dialect => DIALECTS[crm] ?? common;
