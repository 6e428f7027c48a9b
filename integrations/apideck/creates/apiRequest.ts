import { defineApiRequest } from '@crm-zapier/kit';
import { apiBaseUrl } from '../src/client';
import { CRM } from '../src/constants';

/** Any endpoint of Apideck's unified CRM API, for this consumer and (if set) this CRM connector. */
export default defineApiRequest({
  crm: CRM,
  baseUrl: apiBaseUrl,
  docsUrl: 'https://developers.apideck.com/apis/crm/reference',
  examplePath: '/contacts',
  authHeaders: /^x-apideck-/i,
  publicAuthKeys: ['consumer_id', 'service_id'],
});
