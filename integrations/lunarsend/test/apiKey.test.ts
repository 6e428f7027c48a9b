import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { beforeRequest } from '../authentication/apiKey';
import App from '../index';
import { TEAM_USER } from '../src/samples';
import listTeamUsers from '../triggers/listTeamUsers';
import { AUTH, BASE, api, lunarError, runDropdown } from './helpers';

useNock();

const testAuth = () => appRunner(App)('authentication.test', makeBundle(AUTH));
const probe = () => api().get(`${BASE}/team/users/search`).query({ query_amount: '1' });

describe('API key authentication', () => {
  afterEach(() => {
    delete process.env.LUNARSEND_BASE_URL;
  });

  it('tests the key with GET /team/users/search?query_amount=1 and labels the connection with the team user', async () => {
    probe().reply(200, { data: [TEAM_USER], total_count: 2, page: 0, per_page: 1 });
    await expect(testAuth()).resolves.toEqual({ user_id: TEAM_USER.user_id, name: 'John', email: 'john@example.com' });
  });

  it('a refused key (401) asks to reconnect, with LunarSend’s message and without the key it echoes', async () => {
    probe().reply(401, lunarError('unauthorized', `Invalid API key ${AUTH.api_key}`));
    const err = await failureOf(testAuth());
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(
      /^LunarSend did not accept your API key \(Invalid API key :censored: \[unauthorized\]\)/,
    );
    expect(err.raw).not.toContain(AUTH.api_key);
  });

  it('a key that lists no team user is a clear error', async () => {
    probe().reply(200, { data: [], total_count: 0 });
    const err = await failureOf(testAuth());
    expect(err.message).toBe('LunarSend accepted the API key but listed no team user.');
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
