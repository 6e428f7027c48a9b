import { defineApiRequest } from '@crm-zapier/kit';
import { apiBaseUrl, CRM } from '../src/client';

/** Any endpoint of Nimble's REST API, with the connection's OAuth2 token. */
export default defineApiRequest({
  crm: CRM,
  baseUrl: apiBaseUrl,
  docsUrl: 'https://nimble.com/developers/docs',
  oauth: true,
});
