import { useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { SEARCH_CONTACT, TEAM_USER } from '../src/samples';
import { BASE, api, bundle, keysOf, run } from './helpers';

useNock();

describe('dropdown triggers', () => {
  it('list_contacts pages through /contacts/search, 100 at a time, with readable labels', async () => {
    api()
      .get(`${BASE}/contacts/search`)
      .query({ query_amount: '100', page: '2' })
      .reply(200, {
        data: [SEARCH_CONTACT, { contact_id: 'c2', first_name: null, last_name: null, email: 'x@y.co' }],
        total_count: 202,
        page: 2,
        per_page: 100,
      });
    const out = await run('triggers.list_contacts.operation.perform', bundle({}, { page: 2 }));
    expect(out).toEqual([
      { id: SEARCH_CONTACT.contact_id, name: 'Elena Moreno (elena.moreno@outlook.com)' },
      { id: 'c2', name: 'x@y.co' },
    ]);
    expect(App.triggers.list_contacts.operation.canPaginate).toBe(true);
    expect(App.triggers.list_contacts.display.hidden).toBe(true);
  });

  it('list_team_users lists owners from /team/users/search', async () => {
    api()
      .get(`${BASE}/team/users/search`)
      .query({ query_amount: '100', page: '0' })
      .reply(200, { data: [TEAM_USER], total_count: 1 });
    const out = (await run('triggers.list_team_users.operation.perform', bundle())) as object[];
    expect(out).toEqual([{ id: TEAM_USER.user_id, name: 'John', email: 'john@example.com' }]);
    expect(keysOf(out[0])).toEqual(keysOf(App.triggers.list_team_users.operation.sample));
  });
});
