import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { API_KEY_HELP_URL, baseUrl, CRM } from '../src/constants';

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

/** How many team members the connection label names. */
const LABEL_MEMBERS = 3;

/**
 * No "who am I" endpoint is documented, and no team or account name (lunarsend.md, "Basics"): the
 * cheapest documented call that proves a key is the team users search, which answers the team's
 * members in no documented order, never which one owns the key. So the label names the team by its
 * members: the only member (who then owns the key) with their email, else the first few and how
 * many more. It never names one member of several as if the key were theirs. One request.
 */
const test = async (z: ZObject, _bundle: Bundle) => {
  const { data, total_count } = await lunarsend(z).teamUsers({ query_amount: LABEL_MEMBERS });
  if (data.length === 0) {
    throw new z.errors.Error(`${CRM} accepted the API key but listed no team member.`, 'InvalidResponse', 200);
  }
  const size = Math.max(total_count ?? data.length, data.length);
  const names = data.map((u) => u.name || u.display_name || u.email || u.user_id);
  const only = data.length === 1 && size === 1 ? data[0] : undefined;
  const label = only
    ? only.email && names[0] !== only.email
      ? `${names[0]} (${only.email})`
      : names[0]!
    : `Team: ${names.join(', ')}${size > names.length ? ` +${size - names.length} more` : ''}`;
  return { label, team_size: size };
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
  connectionLabel: '{{label}}',
} satisfies Authentication;
