/**
 * "API Request (Beta)": one step that calls any endpoint of the CRM's API with the connection's own
 * authentication, for what the app does not wrap. The path stays under the API's base URL, the
 * headers cannot replace the authentication, and the answer leaves without the credentials.
 */
import { defineCreate, defineInputFields, type Bundle, type ThrottleObject, type ZObject } from 'zapier-platform-core';
import { parseJsonBody } from './errors';
import { toScalar, type FlatObject, type FlatValue } from './flatten';
import { sendRequest } from './http';
import { connectionSecretForms, scrubText } from './secrets';
import { booleanText, nonBlank } from './text';

export interface ApiRequestConfig {
  /** The CRM's name as users know it. */
  crm: string;
  /** The base URL every path is relative to, read at call time. */
  baseUrl: () => string;
  /** The API reference, linked from the help text. */
  docsUrl: string;
  /** A real endpoint under the base, shown as the example (`/v1/contacts`). */
  examplePath: string;
  /** Headers the connection sets beyond Authorization (e.g. /^x-api-key$/i): a user may not replace them. */
  authHeaders?: RegExp;
  /** authData keys that are identifiers, not credentials (kept in the output), as the app's guardApp has them. */
  publicAuthKeys?: readonly string[];
  /** OAuth2 apps: a 401 asks Zapier to refresh the token, whatever "Fail on Error Status" says. */
  oauth?: boolean;
  /** The app's throttle for actions (LunarSend's documented 2 requests a second). */
  throttle?: ThrottleObject;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Headers only the connection or the HTTP client may set. */
const RESERVED_HEADERS =
  /^(authorization|proxy-authorization|cookie|host|content-length|transfer-encoding|connection)$/i;
/** Response headers that carry credentials or session state: never output. */
const SECRET_RESPONSE_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The raw answer is output in full up to this many characters. */
const MAX_BODY_TEXT = 100_000;

const inputError = (z: ZObject, label: string, problem: string): Error =>
  new z.errors.Error(`${label}: ${problem}.`, 'InvalidInput', 400);

/**
 * The URL for a path under `base`: no scheme, no `//`, no `.`/`..` segment (encoded or not), no
 * backslash, no query or fragment (those go in Query Parameters). Checked again after parsing: the
 * URL must keep the base's origin and path.
 */
export const urlUnder = (z: ZObject, base: string, path: string, example: string): URL => {
  const given = path.trim();
  const refuse = (problem: string) => inputError(z, 'Path', problem);
  if (given === '') throw refuse('is required');
  if (/^[a-z][a-z0-9+.-]*:/i.test(given) || given.includes('//')) {
    throw refuse(`must be a path under ${base}, like ${example}, not a full address`);
  }
  if (given.includes('\\')) throw refuse('must not contain a backslash');
  if (/[?#]/.test(given)) throw refuse('must not contain "?" or "#": put query parameters in Query Parameters');
  const segments = given.replace(/^\//, '').split('/');
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    throw refuse('holds a "%" that is not a valid escape');
  }
  if (decoded.some((s) => s === '.' || s === '..' || s.includes('/'))) {
    throw refuse(`must stay under ${base}: no "." or ".." segments`);
  }
  const root = new URL(base.replace(/\/?$/, '/'));
  const url = new URL(`${root.pathname}${given.replace(/^\//, '')}`, root.origin);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) {
    throw refuse(`must stay under ${base}`);
  }
  return url;
};

const dictOf = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k.trim(), String(v ?? '')]))
    : {};

/** How many levels of a JSON answer become keys; deeper values are output as JSON text. */
const MAX_KEY_DEPTH = 8;

/** A JSON answer as flat keys: objects joined with `__`, lists of objects as line items (`key[]field`). */
export const flattenJson = (value: unknown, prefix: string, out: FlatObject = {}, depth = 0): FlatObject => {
  if (depth >= MAX_KEY_DEPTH) {
    out[prefix] = toScalar(value);
    return out;
  }
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      out[prefix] = value.map((item) => toScalar(item));
      return out;
    }
    const keys = [...new Set(value.flatMap((item) => (item && typeof item === 'object' ? Object.keys(item) : [])))];
    for (const key of keys) {
      out[`${prefix}[]${key}`] = value.map((item) =>
        toScalar(item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined),
      );
    }
    return out;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flattenJson(inner, `${prefix}__${key}`, out, depth + 1);
    return out;
  }
  out[prefix] = toScalar(value);
  return out;
};

const scrubFlat = (value: FlatValue, forms: string[]): FlatValue =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? scrubText(v, forms) : v))
    : typeof value === 'string'
      ? scrubText(value, forms)
      : value;

export const apiRequestInputFields = (config: ApiRequestConfig) =>
  defineInputFields([
    {
      key: 'method',
      label: 'HTTP Method',
      required: true,
      choices: [...METHODS],
      default: 'GET',
    },
    {
      key: 'path',
      label: 'Path',
      required: true,
      helpText: `The endpoint, relative to the API's base address (\`${config.baseUrl()}\`), e.g. \`${config.examplePath}\`. See the [API reference](${config.docsUrl}) for the endpoints. The connection's authentication is added for you.`,
    },
    {
      key: 'query',
      label: 'Query Parameters',
      dict: true,
      helpText: 'Added to the address as `?name=value`.',
    },
    {
      key: 'headers',
      label: 'Headers',
      dict: true,
      helpText: 'Extra request headers. Authentication headers cannot be set here: the connection sets them.',
    },
    {
      key: 'body',
      label: 'Body (JSON)',
      type: 'text',
      helpText: 'The JSON to send with POST, PUT, PATCH or DELETE, e.g. `{"name": "Acme"}`.',
    },
    {
      key: 'fail_on_error',
      label: 'Fail on Error Status',
      type: 'boolean',
      default: 'yes',
      helpText: 'Yes: a 4xx or 5xx answer stops the Zap with the error. No: the answer is the output, status included.',
    },
  ]);

export const defineApiRequest = (config: ApiRequestConfig) => {
  const inputFields = apiRequestInputFields(config);
  const authHeader = (name: string) => RESERVED_HEADERS.test(name) || Boolean(config.authHeaders?.test(name));

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatObject> => {
    const input = bundle.inputData as Record<string, unknown>;
    const method = (nonBlank(input.method) ?? 'GET').toUpperCase() as Method;
    if (!METHODS.includes(method)) throw inputError(z, 'HTTP Method', `must be one of ${METHODS.join(', ')}`);
    const url = urlUnder(z, config.baseUrl(), String(input.path ?? ''), config.examplePath);
    for (const [name, value] of Object.entries(dictOf(input.query))) if (name) url.searchParams.append(name, value);

    const headers = dictOf(input.headers);
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) throw inputError(z, 'Headers', `"${name}" is not a header name`);
      if (authHeader(name)) {
        throw inputError(z, 'Headers', `"${name}" is set by the connection and cannot be replaced here`);
      }
      if (/[\r\n\0]/.test(value)) throw inputError(z, 'Headers', `the value of "${name}" holds a line break`);
    }
    const bodyText = nonBlank(input.body);
    if (bodyText !== undefined) {
      if (method === 'GET') throw inputError(z, 'Body (JSON)', 'a GET request has no body: leave it empty');
      try {
        JSON.parse(bodyText);
      } catch (err) {
        throw inputError(z, 'Body (JSON)', `is not JSON (${(err as Error).message})`);
      }
    }
    const failOnError = booleanText(input.fail_on_error) ?? true;

    const options = {
      method,
      url: url.toString(),
      headers: {
        Accept: 'application/json',
        ...(bodyText !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: bodyText,
      skipThrowForStatus: !failOnError,
    };
    const response = await sendRequest(z, config.crm, options);
    if (!failOnError && response.status === 401) {
      // The connection's problem, not the endpoint's: Zapier must refresh or reconnect.
      if (config.oauth) throw new z.errors.RefreshAuthError(`${config.crm} refused the access token.`);
      throw new z.errors.ExpiredAuthError(`${config.crm} did not accept the connection. Reconnect your account.`);
    }

    const forms = connectionSecretForms(bundle.authData ?? {}, config.publicAuthKeys);
    const text = response.content ?? '';
    const out: FlatObject = { status: response.status };
    response.headers.forEach((value: string, name: string) => {
      if (!SECRET_RESPONSE_HEADERS.test(name) && !authHeader(name)) out[`headers__${name.toLowerCase()}`] = value;
    });
    const json = parseJsonBody(text);
    if (json !== undefined) flattenJson(json, 'body', out);
    out.body_text = text.length > MAX_BODY_TEXT ? `${text.slice(0, MAX_BODY_TEXT)}…` : text;
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, scrubFlat(v, forms)]));
  };

  return defineCreate({
    key: 'api_request',
    noun: 'API Request',
    display: {
      label: 'API Request (Beta)',
      description:
        'Sends a request to any endpoint of the API with this connection, for what the other actions do not cover.',
    },
    operation: {
      inputFields,
      perform,
      ...(config.throttle ? { throttle: config.throttle } : {}),
      sample: {
        status: 200,
        'headers__content-type': 'application/json',
        body__id: '1',
        body_text: '{"id":"1"}',
      },
      outputFields: [
        { key: 'status', label: 'Status Code', type: 'integer' },
        { key: 'body_text', label: 'Raw Body', type: 'string' },
      ],
    },
  });
};
