import { defineApiRequest } from '@crm-zapier/kit';
import { apiBaseUrl, CRM } from '../src/client';

/**
 * Any endpoint of NetHunt's Zapier API, with the connection's Basic authentication. The user's own
 * e-mail (the Basic user name) is an answer's ordinary data, kept; the key and the header are not.
 */
export default defineApiRequest({
  crm: CRM,
  baseUrl: apiBaseUrl,
  docsUrl: 'https://nethunt.com/integration-api',
  examplePath: '/triggers/readable-folder',
  publicAuthKeys: ['username'],
});
