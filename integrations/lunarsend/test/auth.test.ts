import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { beforeRequest } from '../authentication/apiKey';
import { TEAM_USER } from '../src/samples';
import { AUTH, BASE, api, bundle, run } from './helpers';

useNock();

describe('authentication', () => {
  it('is a custom API key auth with a password field, help link and a label without the key', () => {
    expect(App.authentication?.type).toBe('custom');
    const [field] = App.authentication?.fields ?? [];
    expect(field).toMatchObject({ key: 'api_key', type: 'password', required: true });
    expect(field?.helpText).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(App.authentication?.connectionLabel).toBe('{{name}} ({{email}})');
  });

  it('tests the key with GET /team/users/search?query_amount=1 and names the team user', async () => {
    api()
      .get(`${BASE}/team/users/search`)
      .query({ query_amount: '1' })
      .reply(200, { data: [TEAM_USER], total_count: 2, page: 0, per_page: 1 });
    const result = await run('authentication.test', bundle());
    expect(result).toEqual({ user_id: TEAM_USER.user_id, name: 'John', email: 'john@example.com' });
    expect(JSON.stringify(result)).not.toContain(AUTH.api_key);
  });

  it('turns a 401 into an auth error naming the API key, with LunarSend’s message and without the key', async () => {
    api()
      .get(`${BASE}/team/users/search`)
      .query(true)
      .reply(401, { error: 'unauthorized', message: `Invalid API key ${AUTH.api_key}` });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(
      /^LunarSend did not accept your API key \(Invalid API key :censored: \[unauthorized\]\)/,
    );
    expect(err.raw).not.toContain(AUTH.api_key);
  });

  it('turns a 403 into a Forbidden error', async () => {
    api().get(`${BASE}/team/users/search`).query(true).reply(403, { error: 'forbidden', message: 'Key revoked' });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.message).toMatch(/^LunarSend refused access: Key revoked \[forbidden\]/);
    expect(err.raw).not.toContain(AUTH.api_key);
  });

  it('fails clearly when the key works but the team has no user', async () => {
    api().get(`${BASE}/team/users/search`).query(true).reply(200, { data: [], total_count: 0 });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.message).toMatch(/listed no team user/);
  });

  it('adds the key only as the x-api-key header, and only to LunarSend', () => {
    const b = makeBundle(AUTH) as never;
    const z = {} as never;
    const toApi = beforeRequest({ url: 'https://lunarsend.com/api/v2/contacts', headers: { Accept: 'x' } }, z, b);
    expect(toApi).toEqual({
      url: 'https://lunarsend.com/api/v2/contacts',
      headers: { Accept: 'x', 'x-api-key': AUTH.api_key },
    });
    const elsewhere = beforeRequest({ url: 'https://example.com/hook', headers: {} }, z, b);
    expect(elsewhere).toEqual({ url: 'https://example.com/hook', headers: {} });
  });
});
