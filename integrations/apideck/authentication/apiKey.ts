import { nonBlank } from '@crm-zapier/kit';
import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { API_KEYS_URL, CONNECTORS_URL, CONSUMERS_URL, VAULT_GUIDE_URL } from '../src/constants';

const authValue = (value: unknown): string => nonBlank(value) ?? '';

/**
 * Apideck's headers on every request: the key as a Bearer token, the app, the consumer, the
 * connector when the connection names one, and JSON as the answer asked for.
 */
export const beforeRequest: BeforeRequestMiddleware = (request, _z, bundle) => {
  const auth = bundle.authData ?? {};
  const serviceId = authValue(auth.service_id);
  request.headers = {
    ...request.headers,
    Accept: 'application/json',
    Authorization: `Bearer ${authValue(auth.api_key)}`,
    'x-apideck-app-id': authValue(auth.app_id),
    'x-apideck-consumer-id': authValue(auth.consumer_id),
    ...(serviceId ? { 'x-apideck-service-id': serviceId } : {}),
  };
  return request;
};

/**
 * Lists one contact: the one call that proves the key, the app id, the consumer id and that the
 * consumer has a CRM connected (contacts is the resource most connectors support). The connector
 * that answered names the connection, with the consumer — never the key.
 */
const test = async (z: ZObject, bundle: Bundle) => {
  const page = await apideck(z).contacts({ limit: 1 });
  const serviceId = authValue(bundle.authData.service_id);
  return {
    consumer_id: authValue(bundle.authData.consumer_id),
    service: page.service ?? (serviceId || 'crm'),
  };
};

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText: `Your Apideck Unify API key: in the Apideck dashboard open [Unify → API Keys](${API_KEYS_URL}) and copy the key. A sandbox key works against Apideck's sandbox data. Triggers marked Instant also use it to check that each event really comes from Apideck, which signs its webhooks with this key.`,
    },
    {
      key: 'app_id',
      label: 'App ID',
      type: 'string',
      required: true,
      helpText: `Which of your Apideck applications this connection uses: the App ID shown beside your API key on [Unify → API Keys](${API_KEYS_URL}) in the Apideck dashboard. It is one value for your whole application, the same for all your customers.`,
    },
    {
      key: 'consumer_id',
      label: 'Consumer ID',
      type: 'string',
      required: true,
      helpText: `Whose CRM this connection reads and writes. In Apideck a *consumer* is one of your own customers (or your own company) who connected their CRM through Apideck Vault, and the Consumer ID is the ID your product gave them there, usually their account or user ID in your product. The Apideck dashboard lists them under [Consumers](${CONSUMERS_URL}), each with the CRM it connected ([what is a consumer?](${VAULT_GUIDE_URL})). For another customer's CRM, add another connection.`,
    },
    {
      key: 'service_id',
      label: 'Service ID',
      type: 'string',
      required: false,
      helpText: `Only if this consumer has more than one CRM connected: the connector to use, e.g. \`hubspot\`, \`pipedrive\`, \`salesforce\` or \`zoho-crm\` ([list of connectors](${CONNECTORS_URL})). Leave empty otherwise.`,
    },
  ],
  test,
  connectionLabel: '{{consumer_id}} ({{service}})',
} satisfies Authentication;
