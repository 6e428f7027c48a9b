import type { LockObject, ThrottleObject } from 'zapier-platform-core';

/** LunarSend's v2 API base URL (the document's curl examples: paths are relative to it). */
export const LUNARSEND_BASE_URL = 'https://lunarsend.com/api/v2';

/** The base URL in force: the constant, or LUNARSEND_BASE_URL from the environment (sandbox, tests). */
export const baseUrl = (): string => (process.env.LUNARSEND_BASE_URL ?? LUNARSEND_BASE_URL).replace(/\/+$/, '');

export const CRM = 'LunarSend';

/** Where users find the API key ("the key is found in the account's settings"), linked from the connection form. */
export const API_KEY_HELP_URL = 'https://lunarsend.com/settings';

/**
 * Delete contact: the v1 text gives the method (DELETE), the body (`{ contact_id }`) and the answer,
 * but no path, and the v2 reference has no delete page. This path is inferred from the other contact
 * endpoints; it lives here alone so that it is one line to change.
 */
export const DELETE_CONTACT_PATH = '/contacts';

/** The pipeline stages the v2 reference lists, in pipeline order. */
export const DEAL_STAGES = [
  'Qualification',
  'Discovery',
  'Interested',
  'Verbal',
  'Proposal',
  'Negotiation',
  'Won',
  'Lost',
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

/** No maximum page size is documented: we never ask for more than this (the sandbox enforces it). */
export const MAX_PAGE_SIZE = 100;

/** How many matches a search asks for: enough to put an exact match first, one request. */
export const SEARCH_PAGE_SIZE = 10;

/** Contact fields LunarSend can search by (`search_by`). */
export const CONTACT_SEARCH_BY = ['email', 'first_name', 'last_name', 'company', 'tag'] as const;
/** Deal fields LunarSend can search by (`search_by`). */
export const DEAL_SEARCH_BY = ['company', 'stage', 'owner', 'email'] as const;

/**
 * LunarSend's documented rate limit is 2 requests per second. Every action carries this one throttle
 * (same window, limit and key, scoped to the connection and not to the action), so Zapier counts the
 * runs of all LunarSend actions of one connection together and queues them instead of letting them
 * fail. Zapier's infrastructure enforces it, not core: a 429 that still comes (an action that makes
 * more than one request, another app on the same key) is a ThrottledError with LunarSend's
 * Retry-After delay (crmErrors).
 */
const THROTTLE = { window: 1, limit: 2, key: 'lunarsend-api' } as const;
/** Searches and creates: a throttled run is retried (Zapier's default, said aloud). */
export const actionThrottle = (): ThrottleObject => ({ ...THROTTLE, scope: ['auth'], retry: true });
/** Polling triggers (the hidden dropdowns) take no `retry`: the schema says it has no effect there. */
export const triggerThrottle = (): ThrottleObject => ({ ...THROTTLE, scope: ['auth'] });

/**
 * Create Contact under Find or Create: two runs of one Zap for the same email must not both create.
 * Zapier runs the creates of one connection for one email one at a time (its infrastructure, not
 * core). The key holds the email as typed: LunarSend compares emails without case, a key cannot.
 */
export const createContactLock = (): LockObject => ({
  key: 'lunarsend:create_contact:{{bundle.inputData.email}}',
  scope: ['auth'],
  timeout: 60,
});

/**
 * Create Tag, and Add Tag to Contact (which may create a tag given by name): one connection-wide key
 * for both, so two runs cannot both find no tag "Lead" and both create one. Runs of these two actions
 * on one connection go one at a time (Zapier's infrastructure, not core).
 */
export const createTagLock = (): LockObject => ({ key: 'lunarsend:create_tag', scope: ['auth'], timeout: 30 });

/** How many tags a tag search asks for: a team's tags fit in one page, so the exact name is found in one request. */
export const TAG_SEARCH_PAGE_SIZE = 100;
