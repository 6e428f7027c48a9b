import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { nethunt } from '../src/client';
import { API_KEY_HELP_URL } from '../src/constants';

/** Proves the credentials with the document's auth test; its user feeds the connection label. */
const test = async (z: ZObject, _bundle: Bundle) => {
  const [first] = await nethunt(z).authTest();
  return { email: first!.user.emailAddress, name: first!.user.personalName ?? '' };
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
