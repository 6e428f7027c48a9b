import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { AUTH, BASE, api, bundle, run } from './helpers';

useNock();

/** Every error class, through one operation (Find Contact): the mapping is app-wide middleware. */
const perform = 'searches.find_contact.operation.perform';
const find = () => run(perform, bundle({ search_by: 'email', search_term: 'joe@example.com' }));
const search = () => api().get(`${BASE}/contacts/search`).query(true);

describe('errors', () => {
  afterEach(() => {
    delete process.env.LUNARSEND_BASE_URL;
  });

  it('400 → BadRequest with LunarSend’s message and code', async () => {
    search().reply(400, { error: 'invalid_search_by', message: '"search_by" must be a valid field' });
    const err = await failureOf(find());
    expect(err.name).toBe('AppError');
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'BadRequest', status: 400 });
    expect(err.message).toBe(
      'LunarSend rejected the request (HTTP 400): "search_by" must be a valid field [invalid_search_by]',
    );
  });

  it('401 → ExpiredAuthError asking to reconnect', async () => {
    search().reply(401, { error: 'unauthorized', message: 'Missing or invalid API key.' });
    const err = await failureOf(find());
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/Check them and reconnect your LunarSend account\.$/);
  });

  it('403 → Forbidden', async () => {
    search().reply(403, { error: 'forbidden', message: 'Read-only role' });
    const err = await failureOf(find());
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Forbidden', status: 403 });
    expect(err.message).toMatch(/^LunarSend refused access: Read-only role \[forbidden\]/);
  });

  it('404 → NotFound naming what was asked for', async () => {
    search().reply(404, { error: 'not_found', message: 'No such endpoint' });
    const err = await failureOf(find());
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'NotFound', status: 404 });
    expect(err.message).toBe(
      `LunarSend could not find the item at ${BASE}/contacts/search: No such endpoint [not_found]`,
    );
  });

  it('429 → ThrottledError carrying the Retry-After delay (seconds)', async () => {
    search().reply(429, { error: 'rate_limited', message: 'Too many requests' }, { 'Retry-After': '7' });
    const err = await failureOf(find());
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toMatchObject({ delay: 7 });
    expect(err.message).toBe(
      'LunarSend is rate limiting requests (Too many requests [rate_limited]); Zapier will retry in 7 s.',
    );
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    search().reply(429, { error: 'rate_limited' }, { 'Retry-After': inTwoMinutes });
    const err = await failureOf(find());
    const { delay } = JSON.parse(err.raw) as { delay: number };
    expect(delay).toBeGreaterThanOrEqual(118);
    expect(delay).toBeLessThanOrEqual(121);
  });

  it('500 → ThrottledError (LunarSend says to retry with backoff) with the request id', async () => {
    search().reply(500, { error: 'server_error', message: 'Internal error' }, { 'X-Request-Id': 'req-42' });
    const err = await failureOf(find());
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toBe(
      'LunarSend had a temporary problem (HTTP 500): Internal error [server_error] [request id req-42]; Zapier will retry.',
    );
  });

  it('an HTML error page (502) becomes a clean message without the page', async () => {
    search().reply(502, '<html><body>Bad gateway</body></html>', { 'Content-Type': 'text/html' });
    const err = await failureOf(find());
    expect(err.message).toBe('LunarSend had a temporary problem (HTTP 502); Zapier will retry.');
  });

  it('a success answer that is not JSON becomes InvalidResponse', async () => {
    search().reply(200, '<html>maintenance</html>', { 'Content-Type': 'text/html' });
    const err = await failureOf(find());
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'InvalidResponse' });
    expect(err.message).toMatch(/^LunarSend sent an answer that is not JSON \(HTTP 200, text\/html\)/);
  });

  it('an empty success answer becomes InvalidResponse', async () => {
    search().reply(200, '');
    const err = await failureOf(find());
    expect(err.message).toBe('LunarSend sent an empty answer (HTTP 200) where data was expected.');
  });

  it('never shows the API key, even when LunarSend echoes it', async () => {
    for (const status of [400, 401, 403, 404, 429, 500]) {
      search().reply(status, { error: 'x', message: `bad key ${AUTH.api_key}` }, { 'Retry-After': '1' });
      const err = await failureOf(find());
      expect(err.raw).not.toContain(AUTH.api_key);
    }
  });

  it('uses LUNARSEND_BASE_URL when set (sandbox), and only the env can change it', async () => {
    process.env.LUNARSEND_BASE_URL = 'https://sandbox.example/api/v2/';
    nock('https://sandbox.example', { reqheaders: { 'x-api-key': AUTH.api_key } })
      .get('/api/v2/contacts/search')
      .query(true)
      .reply(200, { data: [] });
    await expect(find()).resolves.toEqual([]);
  });
});
