/**
 * The one scrubber: every error message (its field part included) and every console line an app
 * produces passes through it, with the connection's credentials in every form they can take on the
 * way to the CRM and back.
 */
import type { ZObject } from 'zapier-platform-core';

const CENSORED = ':censored:';

/** Shorter values are not worth scrubbing: "abc" would censor ordinary words. */
const MIN_SECRET = 4;

/**
 * Every form in which a credential can come back in text: as stored, trimmed (core trims header
 * values), URL-encoded, JSON-escaped (AppError messages are JSON), and — when `basic` names the
 * user and password — the base64 of a Basic Authorization header. Longest first, so that a longer
 * form is replaced whole before a shorter one inside it.
 */
export const secretForms = (
  values: Iterable<unknown>,
  basic?: { username?: unknown; password?: unknown },
): string[] => {
  const forms = new Set<string>();
  const add = (text: string) => {
    if (text.length < MIN_SECRET) return;
    forms.add(text);
    forms.add(encodeURIComponent(text));
    forms.add(JSON.stringify(text).slice(1, -1));
  };
  for (const value of values) {
    if (typeof value !== 'string') continue;
    add(value);
    add(value.trim());
  }
  if (typeof basic?.username === 'string' && typeof basic.password === 'string') {
    const { username, password } = basic;
    for (const pair of [`${username}:${password}`, `${username.trim()}:${password.trim()}`]) {
      forms.add(Buffer.from(pair).toString('base64'));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
};

/**
 * The secret forms of a connection: every authData value except the public identifiers a user must
 * be able to read (Apideck's consumer id, a NetHunt user's e-mail), and the Basic header's base64.
 */
export const connectionSecretForms = (
  authData: Record<string, unknown>,
  publicKeys: readonly string[] = [],
): string[] =>
  secretForms(
    Object.entries(authData)
      .filter(([key]) => !publicKeys.includes(key))
      .map(([, value]) => value),
    { username: authData.username, password: authData.password },
  );

/** `text` with every secret form replaced by `:censored:`. */
export const scrubText = (text: string, forms: readonly string[]): string =>
  forms.reduce<string>((acc, form) => (acc.includes(form) ? acc.split(form).join(CENSORED) : acc), text);

/** `text` without the given secrets, in all their forms. */
export const withoutSecrets = (text: string, secrets: readonly (string | undefined)[]): string =>
  scrubText(text, secretForms(secrets));

/** An error with its message (and the stack that repeats it) scrubbed; its class and data kept. */
export const scrubError = <T>(err: T, forms: readonly string[]): T => {
  if (!(err instanceof Error) || forms.length === 0) return err;
  const message = scrubText(err.message, forms);
  if (message !== err.message) {
    err.message = message;
    if (err.stack) err.stack = scrubText(err.stack, forms);
  }
  return err;
};

/** A z whose console lines are scrubbed; everything else is z's own. */
export const withScrubbedConsole = (z: ZObject, forms: readonly string[]): ZObject => {
  if (forms.length === 0) return z;
  const scrub = (arg: unknown) =>
    scrubText(typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg)), forms);
  const scrubbing =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) =>
      write(...args.map(scrub));
  const { console } = z;
  return {
    ...z,
    console: {
      ...console,
      log: scrubbing(console.log.bind(console)),
      info: scrubbing(console.info.bind(console)),
      warn: scrubbing(console.warn.bind(console)),
      error: scrubbing(console.error.bind(console)),
    },
  };
};

/** Characters an HTTP header cannot carry: CR, LF, NUL and anything above U+00FF. */
const UNSENDABLE = /[\r\n\0\u0100-\uffff]/;

/** True when a credential holds a character that no HTTP header can carry. */
export const isUnsendable = (value: string): boolean => UNSENDABLE.test(value);
