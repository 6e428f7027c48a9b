/** NetHunt CRM's Zapier API base URL (the API document, "All URLs … are relative to"). */
export const NETHUNT_BASE_URL = 'https://nethunt.com/api/v1/zapier';

/** The base URL in force: the constant, or NETHUNT_BASE_URL from the environment (sandbox, tests). */
export const baseUrl = (): string => (process.env.NETHUNT_BASE_URL ?? NETHUNT_BASE_URL).replace(/\/+$/, '');

export const CRM = 'NetHunt CRM';

/** NetHunt's help article on the API key (nethunt.md, "Basics"), linked from the connection form. */
export const API_KEY_HELP_URL = 'https://help.nethunt.com/en/articles/4260105-where-to-get-nethunt-api-key';
