import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { SEARCH_CONTACT } from '../src/samples';
import { BASE, api, bundle, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'searches.find_contact.operation.perform';
const partial = {
  ...SEARCH_CONTACT,
  contact_id: 'c0ffee00-0000-4000-8000-000000000001',
  email: 'elena.moreno@outlook.com.au',
};

describe('Find Contact', () => {
  it('sends GET /contacts/search with search_by, search_term and paging, and answers flat contacts', async () => {
    api()
      .get(`${BASE}/contacts/search`)
      .query({ search_term: 'elena.moreno@outlook.com', search_by: 'email', query_amount: '10', page: '0' })
      .reply(200, { data: [SEARCH_CONTACT], total_count: 1, page: 0, per_page: 10 });
    const out = (await run(
      perform,
      bundle({ search_by: 'email', search_term: 'elena.moreno@outlook.com' }),
    )) as object[];
    expect(out).toEqual([
      {
        id: SEARCH_CONTACT.contact_id,
        first_name: 'Elena',
        last_name: 'Moreno',
        full_name: 'Elena Moreno',
        email: 'elena.moreno@outlook.com',
        phone: '415-283-9921',
        company: 'Brightwave Solutions',
        job_title: null,
        notes: null,
        user_id: SEARCH_CONTACT.user_id,
        owner: 'Joshua',
        created_at: null,
        last_activity: '2025-09-25T14:12:03.000+00:00',
        tags: ['Lead'],
        tag_ids: [SEARCH_CONTACT.tags![0]!.id],
      },
    ]);
    expect(keysOf(out[0])).toEqual(keysOf(App.searches.find_contact.operation.sample));
  });

  it('puts the exact match first when the search also matched other contacts', async () => {
    api()
      .get(`${BASE}/contacts/search`)
      .query(true)
      .reply(200, { data: [partial, SEARCH_CONTACT], total_count: 2 });
    const out = (await run(perform, bundle({ search_by: 'email', search_term: 'Elena.Moreno@outlook.com ' }))) as {
      id: string;
    }[];
    expect(out.map((c) => c.id)).toEqual([SEARCH_CONTACT.contact_id, partial.contact_id]);
  });

  it('searches by tag', async () => {
    api()
      .get(`${BASE}/contacts/search`)
      .query({ search_term: 'Lead', search_by: 'tag', query_amount: '10', page: '0' })
      .reply(200, { data: [SEARCH_CONTACT], total_count: 1 });
    const out = (await run(perform, bundle({ search_by: 'tag', search_term: 'Lead' }))) as { tags: string[] }[];
    expect(out[0]!.tags).toEqual(['Lead']);
  });

  it('answers an empty list when nothing matches (data empty or null)', async () => {
    api().get(`${BASE}/contacts/search`).query(true).reply(200, { data: [], total_count: 0 });
    await expect(run(perform, bundle({ search_by: 'company', search_term: 'Nobody' }))).resolves.toEqual([]);
    api().get(`${BASE}/contacts/search`).query(true).reply(200, { data: null, total_count: 0 });
    await expect(run(perform, bundle({ search_by: 'company', search_term: 'Nobody' }))).resolves.toEqual([]);
  });

  it.each([
    [{ search_by: 'email' }, /Search Term \(search_term\) is missing/],
    [{ search_by: 'email', search_term: '   ' }, /Search Term \(search_term\): is required/],
    [{ search_by: 'phone', search_term: '555' }, /Search By \(search_by\): must be one of email, first_name/],
  ])('rejects %j before any request', async (input, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle(input)));
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('rejects a result without contact_id, naming it', async () => {
    api()
      .get(`${BASE}/contacts/search`)
      .query(true)
      .reply(200, { data: [{ first_name: 'X' }] });
    const err = await failureOf(run(perform, bundle({ search_by: 'email', search_term: 'x@y.z' })));
    expect(err.message).toMatch(/unexpected shape: data\[0\]\.contact_id/);
  });
});

describe('the request watcher used by the bad-input tests', () => {
  it('does see a request that no interceptor expected', async () => {
    const watch = watchRequests();
    try {
      await failureOf(run(perform, bundle({ search_by: 'email', search_term: 'a@b.co' })));
      expect(watch.seen).toEqual([
        `GET ${BASE}/contacts/search?search_term=a%40b.co&search_by=email&query_amount=10&page=0`,
      ]);
    } finally {
      watch.stop();
    }
  });
});
