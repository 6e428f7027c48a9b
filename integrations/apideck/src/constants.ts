/** Apideck's Unify base URL (the OpenAPI document's only server). Every CRM path starts with `/crm`. */
export const APIDECK_BASE_URL = 'https://unify.apideck.com';

/** The base URL in force: the constant, or APIDECK_BASE_URL from the environment (sandbox, tests). */
export const baseUrl = (): string => (process.env.APIDECK_BASE_URL ?? APIDECK_BASE_URL).replace(/\/+$/, '');

export const CRM = 'Apideck';

/** The connection's identifiers a user must be able to read in messages and outputs: every other value is a secret. */
export const PUBLIC_AUTH_KEYS = ['consumer_id', 'service_id'];

/** What a user checks when Apideck refuses the connection. */
export const CREDENTIALS = 'API key, App ID and Consumer ID';

/** Where users find each connection value, linked from the connection form. */
export const API_KEYS_URL = 'https://app.apideck.com/unify/api-keys';
export const CONSUMERS_URL = 'https://app.apideck.com/consumers';
export const CONNECTORS_URL = 'https://developers.apideck.com/apis/crm/reference#section/Connectors';
export const VAULT_GUIDE_URL = 'https://developers.apideck.com/guides/vault';

/** Page size of dropdowns (the API's maximum is 200) and of polling triggers. */
export const DROPDOWN_PAGE_SIZE = 200;
export const POLL_PAGE_SIZE = 100;
/** Search results: Zapier uses the first, so a few are plenty. */
export const SEARCH_PAGE_SIZE = 10;
