import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { MAX_PAGE_SIZE, triggerThrottle } from '../src/constants';
import { flattenTeamUser } from '../src/map';
import { TEAM_USER } from '../src/samples';

/** The owner dropdown: one page of `GET /team/users/search` per request. */
const perform = (async (z, bundle) => {
  const { data } = await lunarsend(z).teamUsers({ query_amount: MAX_PAGE_SIZE, page: bundle.meta?.page ?? 0 });
  return data.map(flattenTeamUser);
}) satisfies PollingTriggerPerform<[], { id: string; name: string; email: string | null }>;

export default defineTrigger({
  key: 'list_team_users',
  noun: 'Team User',
  display: {
    label: 'List Team Users',
    description: 'Lists the members of your team, for owner dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    throttle: triggerThrottle(),
    sample: flattenTeamUser(TEAM_USER),
    outputFields: [
      { key: 'id', label: 'User ID' },
      { key: 'name', label: 'Name' },
      { key: 'email', label: 'Email' },
    ],
  },
});
