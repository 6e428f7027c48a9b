import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { API_KEY_HELP_URL, baseUrl, CRM } from '../src/constants';
import { flattenTeamUser } from '../src/map';

/** The one place the key goes on the wire: the `x-api-key` header, and only to LunarSend's API. */
export const addApiKey: BeforeRequestMiddleware = (request, _z, bundle) => {
  const key = bundle.authData?.api_key;
  if (typeof key === 'string' && key !== '' && request.url.startsWith(baseUrl())) {
    request.headers = { ...request.headers, 'x-api-key': key };
  }
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
