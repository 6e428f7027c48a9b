import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { API_KEY_HELP_URL, baseUrl, CRM } from '../src/constants';
import { flattenTeamUser } from '../src/map';

/**
 * Every request to LunarSend's API asks for JSON and carries the key as the `x-api-key` header: the
 * one place the key goes on the wire, and only to LunarSend's API (the base URL in force).
 */
export const beforeRequest: BeforeRequestMiddleware = (request, _z, bundle) => {
  if (!request.url.startsWith(baseUrl())) return request;
  const key = bundle.authData?.api_key;
  request.headers = {
    Accept: 'application/json',
    ...request.headers,
    ...(typeof key === 'string' && key !== '' ? { 'x-api-key': key } : {}),
  };
  return request;
};

/**
 * No "who am I" endpoint is documented. The cheapest documented call that proves a key is the team
 * users search with one result; its user names the team for the connection label (never the key).
 */
const test = async (z: ZObject, _bundle: Bundle) => {
  const { data } = await lunarsend(z).teamUsers({ query_amount: 1 });
  const first = data[0];
  if (!first) {
    throw new z.errors.Error(`${CRM} accepted the API key but listed no team user.`, 'InvalidResponse', 200);
  }
  const user = flattenTeamUser(first);
  return { user_id: user.id, name: user.name, email: user.email ?? user.name };
};

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText: `Your LunarSend API key: sign in to LunarSend, open your account's **Settings** and copy the API key. [Open LunarSend settings](${API_KEY_HELP_URL}).`,
    },
  ],
  test,
  connectionLabel: '{{name}} ({{email}})',
} satisfies Authentication;
