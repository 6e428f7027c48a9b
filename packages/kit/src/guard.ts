/**
 * One guard around every function of an app definition that Zapier calls with `(z, bundle)`:
 * performs, dynamic input fields, the auth test and label, the OAuth2 token calls. Before the
 * function runs, credentials no HTTP header can carry are refused, naming the field; whatever it
 * throws or writes to the console leaves with every credential scrubbed (./secrets).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionSecretForms, isUnsendable, scrubError, withScrubbedConsole } from './secrets';

export interface GuardOptions {
  /** The CRM's name as users know it, for the credential error. */
  crm: string;
  /**
   * authData keys whose values are identifiers a user must be able to read in a message (Apideck's
   * consumer and service ids), not credentials. Every other authData value is scrubbed.
   */
  publicAuthKeys?: readonly string[];
}

interface AuthField {
  key: string;
  label?: string;
}

/** Keys whose values are middleware, called with other arguments: never wrapped. */
const MIDDLEWARE_KEYS = new Set(['beforeRequest', 'afterResponse']);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The fields whose values go into requests, with the labels the connection form shows. */
const credentialLabels = (app: Record<string, unknown>): Map<string, string> => {
  const auth = isPlainObject(app.authentication) ? app.authentication : {};
  const labels = new Map<string, string>();
  for (const f of Array.isArray(auth.fields) ? (auth.fields as AuthField[]) : []) {
    if (f && typeof f.key === 'string') labels.set(f.key, f.label ?? f.key);
  }
  if (auth.type === 'oauth2') {
    labels.set('access_token', 'access token');
    labels.set('refresh_token', 'refresh token');
  }
  return labels;
};

type ZapierFunction = (z: ZObject, bundle: Bundle) => unknown;

export const guardApp = <T extends object>(app: T, options: GuardOptions): T => {
  const labels = credentialLabels(app as Record<string, unknown>);
  const publicKeys = options.publicAuthKeys ?? [];

  const guard =
    (fn: ZapierFunction): ZapierFunction =>
    async (z, bundle) => {
      const authData: Record<string, unknown> = bundle?.authData ?? {};
      for (const [key, label] of labels) {
        const value = authData[key];
        if (typeof value === 'string' && isUnsendable(value)) {
          throw new z.errors.ExpiredAuthError(
            `Your ${label} holds a character that cannot be sent to ${options.crm} (a line break, a control ` +
              `character, or a letter or symbol outside Latin-1, often pasted by accident). ` +
              `Copy the ${label} again and reconnect your ${options.crm} account.`,
          );
        }
      }
      const forms = connectionSecretForms(authData, publicKeys);
      try {
        return await fn(withScrubbedConsole(z, forms), bundle);
      } catch (err) {
        throw scrubError(err, forms);
      }
    };

  const walk = (node: unknown, key?: string): unknown => {
    if (key !== undefined && MIDDLEWARE_KEYS.has(key)) return node;
    if (typeof node === 'function') return guard(node as ZapierFunction);
    if (Array.isArray(node)) return node.map((item) => walk(item));
    if (isPlainObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  return walk(app) as T;
};
