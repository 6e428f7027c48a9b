import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listTeamUsers from '../triggers/listTeamUsers';
import { TEAM_USER } from './documented';
import { BASE, api, lunarError, runDropdown } from './helpers';

useNock();

const page = (n: number) =>
  api()
    .get(`${BASE}/team/users/search`)
    .query({ query_amount: '100', page: String(n) });

describe('List Team Users (the owner dropdown)', () => {
  it('lists owners from /team/users/search, named by display name, then name, email or id', async () => {
    page(0).reply(200, {
      data: [TEAM_USER, { user_id: 'u2', display_name: '', name: null, email: 'ops@example.com' }, { user_id: 'u3' }],
      total_count: 3,
    });
    const out = await runDropdown(listTeamUsers);
    expect(out).toEqual([
      { id: TEAM_USER.user_id, name: 'John', email: 'john@example.com' },
      { id: 'u2', name: 'ops@example.com', email: 'ops@example.com' },
      { id: 'u3', name: 'u3', email: null },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...listTeamUsers.operation.sample }).sort());
  });

  it('a 429 is retried after LunarSend’s Retry-After delay', async () => {
    page(0).reply(429, lunarError('rate_limited', 'Too many requests'), { 'Retry-After': '7' });
    const err = await failureOf(runDropdown(listTeamUsers));
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toMatchObject({ delay: 7 });
    expect(err.message).toMatch(
      /^LunarSend is rate limiting requests \(Too many requests\); Zapier will retry in 7 s\./,
    );
  });

  it('refuses a user without user_id', async () => {
    page(0).reply(200, { data: [{ id: 'u1', name: 'John' }] });
    const err = await failureOf(runDropdown(listTeamUsers));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].user_id is missing.');
  });
});
