import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { nethunt } from '../src/client';

/** NetHunt's help article on the API key (nethunt.md, "Basics"), linked from the connection form. */
const API_KEY_HELP_URL = 'https://help.nethunt.com/en/articles/4260105-where-to-get-nethunt-api-key';

/**
 * Every request asks for JSON. Basic auth needs no header of ours: core adds the Authorization
 * header itself, from `username` and `password`, after every beforeRequest.
 */
export const beforeRequest: BeforeRequestMiddleware = (request) => ({
  ...request,
  headers: { Accept: 'application/json', ...request.headers },
});

/** Proves the credentials with the document's auth test; its first user feeds the connection label. */
const test = async (z: ZObject, _bundle: Bundle) => {
  const [{ user }] = await nethunt(z).authTest();
  return { email: user.emailAddress, name: user.personalName ?? '' };
};

export default {
  type: 'basic',
  fields: [
    {
      key: 'username',
      label: 'Email Address',
      type: 'string',
      required: true,
      helpText: 'The email address you sign in to NetHunt CRM with (your Gmail or Google Workspace address).',
    },
    {
      key: 'password',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText: `Your NetHunt CRM API key: in the NetHunt web app open **Settings → Apps and other integrations → Third-party integrations → API key** and copy the key (click **Generate API Key** if there is none). [How to find it](${API_KEY_HELP_URL}).`,
    },
  ],
  test,
  connectionLabel: '{{email}}',
} satisfies Authentication;
