import { defineApiRequest } from '@crm-zapier/kit';
import { actionThrottle, baseUrl, CRM } from '../src/constants';

/** Any endpoint of LunarSend's v2 API, with the connection's key, inside the app's one throttle. */
export default defineApiRequest({
  crm: CRM,
  baseUrl,
  docsUrl: 'https://lunarsend.com/api/docs',
  examplePath: '/contacts/search',
  authHeaders: /^x-api-key$/i,
  throttle: actionThrottle(),
});
