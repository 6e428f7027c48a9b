/**
 * Nimble's host. The API text uses `https://api.nimble.com` in one `?access_token=` example, but the
 * OpenAPI document's `servers`, both OAuth endpoints and every avatar URL use `https://app.nimble.com`,
 * so the API and the authorization server share this one host.
 */
export const NIMBLE_BASE_URL = 'https://app.nimble.com';

const trimmed = (url: string): string => url.replace(/\/+$/, '');

/** The API host in force: the constant, or NIMBLE_BASE_URL from the environment (sandbox, tests). */
export const baseUrl = (): string => trimmed(process.env.NIMBLE_BASE_URL || NIMBLE_BASE_URL);

/** The OAuth host: NIMBLE_AUTH_URL if set, else the API host (they are the same at Nimble). */
export const authBaseUrl = (): string => trimmed(process.env.NIMBLE_AUTH_URL || baseUrl());

export const AUTHORIZE_PATH = '/oauth/authorize';
export const TOKEN_PATH = '/api/oauth/token';

export const CRM = 'Nimble';

/** Scopes, comma-separated as the document writes them. */
export const SCOPES = 'basic,contacts,deals';

/** Page sizes: modest, as the document advises (the maximum is undocumented). */
export const POLL_PAGE_SIZE = 50;
export const SEARCH_PAGE_SIZE = 10;
/**
 * Find or Create Contact checks Nimble's matches for an exact one: it reads a bigger page, so that a
 * second exact match is not cut off (when the page is full, it stops rather than guess).
 */
export const EXACT_SEARCH_PAGE_SIZE = 100;
export const DROPDOWN_PAGE_SIZE = 50;

/** Nimble accepts at most five tags when a contact is created. */
export const MAX_CREATE_TAGS = 5;
/** A note belongs to one to ten contacts. */
export const MAX_NOTE_CONTACTS = 10;

/**
 * How many of the most recently changed deals Find Deal looks through by name: Nimble's deal list
 * takes only `sort` and `limit` (no search, no page), and the simulator, like a modest reading of
 * the undocumented maximum, allows 100.
 */
export const FIND_DEAL_WINDOW = 100;

/**
 * Update Contact's extend/replace switch, under both names Nimble has used: `type` (the OpenAPI
 * document) and `replace` (Nimble's legacy docs, `docs/contacts/basic/update.rst`, and GearPlug's
 * client). Neither source says the other name is gone, so both are sent (nimble.md §7.4 C6).
 */
export const contactUpdateMode = (replace: boolean) =>
  replace ? { type: '1', replace: '1' } : { type: '0', replace: '0' };

/**
 * Task creation (nimble.md §9.1): the OpenAPI document's path first; if Nimble has no such endpoint
 * (404 without a named object, or 405), the legacy path every independent client uses.
 */
export const TASKS_PATH = '/api/v1/tasks';
export const LEGACY_TASK_PATH = '/api/v1/activities/task';
/** A task's subject: 2 to 128 characters (legacy docs, `docs/activities/tasks/create.rst`). */
export const TASK_SUBJECT_LENGTH = { min: 2, max: 128 } as const;
