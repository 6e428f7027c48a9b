import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { beforeRequest } from '../authentication/apiKey';
import App from '../index';
import { TEAM_USER } from './documented';
import listTeamUsers from '../triggers/listTeamUsers';
import { AUTH, BASE, api, lunarError, runDropdown } from './helpers';

useNock();

const testAuth = () => appRunner(App)('authentication.test', makeBundle(AUTH));
const probe = () => api().get(`${BASE}/team/users/search`).query({ query_amount: '3' });
const JOSHUA = {
  ...TEAM_USER,
  user_id: 'f446e4f9-2d7a-4b8e-a1c3-6e9f0d2b5c78',
  name: 'Joshua Park',
  display_name: 'Joshua',
  email: 'joshua@example.com',
};

describe('API key authentication', () => {
  afterEach(() => {
    delete process.env.LUNARSEND_BASE_URL;
  });

  it('tests the key with GET /team/users/search?query_amount=3; a team of one is labelled with that member, who owns the key', async () => {
    probe().reply(200, { data: [TEAM_USER], total_count: 1, page: 0, per_page: 3 });
    await expect(testAuth()).resolves.toEqual({ label: 'John Smith (john@example.com)', team_size: 1 });
  });

  it('a team of several is labelled by its members, never by one of them as if the key were theirs', async () => {
    probe().reply(200, { data: [JOSHUA, TEAM_USER], total_count: 2, page: 0, per_page: 3 });
    await expect(testAuth()).resolves.toEqual({ label: 'Team: Joshua Park, John Smith', team_size: 2 });
  });

  it('a larger team: the first three members and how many more', async () => {
    const more = [JOSHUA, TEAM_USER, { ...TEAM_USER, user_id: 'u3', name: null, display_name: 'Ana' }];
    probe().reply(200, { data: more, total_count: 7, page: 0, per_page: 3 });
    await expect(testAuth()).resolves.toEqual({ label: 'Team: Joshua Park, John Smith, Ana +4 more', team_size: 7 });
  });

  it('the connection label is the team label the test answers', () => {
    expect(App.authentication?.connectionLabel).toBe('{{label}}');
  });

  it('a refused key (401) asks to reconnect, with LunarSend’s message and without the key it echoes', async () => {
    probe().reply(401, lunarError('unauthorized', `Invalid API key ${AUTH.api_key}`));
    const err = await failureOf(testAuth());
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/^LunarSend did not accept your API key \(Invalid API key :censored:\)/);
    expect(err.raw).not.toContain(AUTH.api_key);
  });

  it('a key that lists no team user is a clear error', async () => {
    probe().reply(200, { data: [], total_count: 0 });
    const err = await failureOf(testAuth());
    expect(err.message).toBe('LunarSend accepted the API key but listed no team member.');
  });

  it('refuses a team user without user_id', async () => {
    probe().reply(200, { data: [{ name: 'John' }] });
    const err = await failureOf(testAuth());
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].user_id is missing.');
  });

  it('beforeRequest sends the key as x-api-key, and Accept: JSON, to the base URL in force (LUNARSEND_BASE_URL)', async () => {
    process.env.LUNARSEND_BASE_URL = 'https://sandbox.example/api/v2/';
    nock('https://sandbox.example', { reqheaders: { 'x-api-key': AUTH.api_key, accept: 'application/json' } })
      .get('/api/v2/team/users/search')
      .query({ query_amount: '100', page: '0' })
      .reply(200, { data: [] });
    await expect(runDropdown(listTeamUsers)).resolves.toEqual([]);
  });

  it('beforeRequest adds nothing to a request for another host', () => {
    const elsewhere = { url: 'https://elsewhere.example/hook', headers: {} };
    expect(beforeRequest(elsewhere, {} as never, makeBundle(AUTH) as never)).toEqual(elsewhere);
  });
});
