import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { TAG } from '../src/samples';
import { AUTH, BASE, CONTACT_ID, api, bundle, jsonBody, run, watchRequests } from './helpers';

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

/**
 * LunarSend's error envelope inside an HTTP 200 (lunarsend.md, "Errors and success flags", rule 2):
 * an error with LunarSend's own message, whatever the operation — never "nothing found", never a
 * success. Each case pins the exact request the operation sends.
 */
describe('an error envelope answered with HTTP 200', () => {
  const envelopes: [string, Record<string, unknown>][] = [
    ['{ status: "error" }', { status: 'error', error: 'search_failed', message: 'The search index is rebuilding.' }],
    ['{ success: false }', { success: false, error: 'search_failed', message: 'The search index is rebuilding.' }],
  ];
  const said = 'LunarSend answered with an error (HTTP 200): The search index is rebuilding. [search_failed]';

  const expectPlainError = (err: { name: string; raw: string }) => {
    expect(err.name).toBe('AppError');
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'ErrorEnvelope', status: 200 });
  };

  const contactSearch = (term: string) =>
    api()
      .get(`${BASE}/contacts/search`)
      .query({ search_term: term, search_by: 'email', query_amount: '10', page: '0' });

  it.each(envelopes)('Find Contact: %s is an error, not "nothing found"', async (_name, envelope) => {
    contactSearch('joe@example.com').reply(200, envelope);
    const err = await failureOf(find());
    expectPlainError(err);
    expect(err.message).toBe(said);
  });

  it.each(envelopes)(
    'Find or Create Contact: %s on the search stops the step (Zapier creates no duplicate)',
    async (_name, envelope) => {
      const pair = App.searchOrCreates!.find_contact!;
      contactSearch('grace@navy.example').reply(200, envelope);
      const watch = watchRequests();
      try {
        const err = await failureOf(
          run(
            `searches.${pair.search}.operation.perform`,
            bundle({ search_by: 'email', search_term: 'grace@navy.example' }),
          ),
        );
        expectPlainError(err);
        expect(err.message).toBe(said);
        expect(watch.seen).toEqual([]);
      } finally {
        watch.stop();
      }
    },
  );

  it.each(envelopes)('Delete Contact: %s is an error, not `deleted: true`', async (_name, envelope) => {
    api()
      .delete(`${BASE}/contacts`, { contact_id: CONTACT_ID })
      .matchHeader('content-type', 'application/json')
      .reply(200, { ...envelope, error: 'delete_failed', message: 'The contact has open deals.' });
    const err = await failureOf(run('creates.delete_contact.operation.perform', bundle({ contact_id: CONTACT_ID })));
    expectPlainError(err);
    expect(err.message).toBe(
      'LunarSend answered with an error (HTTP 200): The contact has open deals. [delete_failed]',
    );
  });

  it.each(envelopes)(
    'Add Tag to Contact by name: %s on the tag search is an error, and no tag is created',
    async (_name, envelope) => {
      api()
        .get(`${BASE}/tags/search`)
        .query({ search_term: 'Lead', search_by: 'tag_name', query_amount: '100', page: '0' })
        .reply(200, envelope);
      const watch = watchRequests();
      try {
        const err = await failureOf(
          run('creates.add_tag_to_contact.operation.perform', bundle({ contact_id: CONTACT_ID, tag_name: 'Lead' })),
        );
        expectPlainError(err);
        expect(err.message).toBe(said);
        expect(watch.seen).toEqual([]);
      } finally {
        watch.stop();
      }
    },
  );

  it.each(envelopes)(
    'Add Tag to Contact: %s on the link (wrapped in an array) is an error',
    async (_name, envelope) => {
      api()
        .post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: TAG.id })
        .matchHeader('content-type', jsonBody['content-type'])
        .reply(200, [{ ...envelope, error: 'link_failed', message: 'The tag belongs to another team.' }]);
      const err = await failureOf(
        run('creates.add_tag_to_contact.operation.perform', bundle({ contact_id: CONTACT_ID, tag_id: TAG.id })),
      );
      expectPlainError(err);
      expect(err.message).toBe(
        'LunarSend answered with an error (HTTP 200): The tag belongs to another team. [link_failed]',
      );
    },
  );

  it('an `error` without `data` is an error too, and the field LunarSend names is shown', async () => {
    contactSearch('joe@example.com').reply(200, { error: 'invalid_field', message: 'Not searchable', field: 'email' });
    const err = await failureOf(find());
    expect(err.message).toBe(
      'LunarSend answered with an error (HTTP 200): Not searchable [invalid_field] (field: email)',
    );
  });

  it('an envelope that says nothing still is an error, saying so', async () => {
    contactSearch('joe@example.com').reply(200, { success: false });
    const err = await failureOf(find());
    expect(err.message).toBe('LunarSend answered with an error (HTTP 200) without saying what went wrong.');
  });

  it('never shows the API key, even when the envelope echoes it', async () => {
    contactSearch('joe@example.com').reply(200, { status: 'error', error: 'x', message: `bad key ${AUTH.api_key}` });
    const err = await failureOf(find());
    expect(err.raw).not.toContain(AUTH.api_key);
    expect(err.message).toBe('LunarSend answered with an error (HTTP 200): bad key :censored: [x]');
  });
});
