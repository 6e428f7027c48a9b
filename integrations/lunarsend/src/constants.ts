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
