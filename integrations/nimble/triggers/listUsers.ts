import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { DROPDOWN_PAGE_SIZE, nimble } from '../src/client';

type Choice = { id: string; name: string };

/** "Name (email)", or whichever of the two is known, or the id. */
const userLabel = (u: { user_id: string; name?: string; email?: string }): string => {
  const name = u.name?.trim();
  const email = u.email?.trim();
  return name && email ? `${name} (${email})` : name || email || u.user_id;
};

/**
 * The user dropdown (Owner, Assignee, user fields). Nimble's API lists no users (nimble.md §6 and
 * §15 #27: only `/myself`), so it offers the users the API does name: the connected user first, then
 * the owners of the most recently changed deals (each deal names its owner, §12.1), each once.
 * Two requests, when the dropdown is opened.
 */
const perform = (async (z) => {
  const api = nimble(z);
  const [me, deals] = await Promise.all([api.myself(), api.dealsByUpdate(DROPDOWN_PAGE_SIZE)]);
  const users = new Map<string, Choice>([[me.user_id, { id: me.user_id, name: `${userLabel(me)} (you)` }]]);
  for (const owner of deals.map((d) => d.owner)) {
    if (owner?.user_id && !users.has(owner.user_id))
      users.set(owner.user_id, { id: owner.user_id, name: userLabel(owner) });
  }
  return [...users.values()];
}) satisfies PollingTriggerPerform<[], Choice>;

export default defineTrigger({
  key: 'list_users',
  noun: 'User',
  display: {
    label: 'List Users',
    description: 'Lists the connected user and the owners of recently changed deals, for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    sample: { id: '4f2acc3142a053dda595f00b', name: 'Daniel Reyes (daniel@summitsoftware.com) (you)' },
    outputFields: [
      { key: 'id', label: 'User ID' },
      { key: 'name', label: 'User' },
    ],
  },
});
