import { defineApiRequest } from '@crm-zapier/kit';
import { apiBaseUrl, CRM } from '../src/client';

/**
 * Any endpoint of Nimble's REST API, with the connection's OAuth2 token. The connected user's id and
 * the redirect address stored with the tokens are ordinary data in answers, kept; the tokens are not.
 */
export default defineApiRequest({
  crm: CRM,
  baseUrl: apiBaseUrl,
  docsUrl: 'https://nimble.com/developers/docs',
  examplePath: '/v1/contacts',
  publicAuthKeys: ['user_id', 'redirect_uri'],
  oauth: true,
});
