import { defineApiRequest } from '@crm-zapier/kit';
import { apiBaseUrl, CRM } from '../src/client';

/** Any endpoint of NetHunt's Zapier API, with the connection's Basic authentication. */
export default defineApiRequest({ crm: CRM, baseUrl: apiBaseUrl, docsUrl: 'https://nethunt.com/integration-api' });
