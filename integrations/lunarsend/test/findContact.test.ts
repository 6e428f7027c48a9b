import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findContact from '../searches/findContact';
import { CONTACT, SEARCH_CONTACT, TAG } from './documented';
import { BASE, api, lunarError, run } from './helpers';

useNock();

const search = (query: Record<string, string>) =>
  api()
    .get(`${BASE}/contacts/search`)
    .query({ ...query, query_amount: '10', page: '0' });
const byEmail = { search_by: 'email', search_term: 'elena.moreno@outlook.com' } as const;
/** The search result read in full: the get answer (lunarsend.md "Contacts", get) has job title, notes and creation date. */
const ELENA = {
  ...CONTACT,
  id: SEARCH_CONTACT.contact_id,
  first_name: 'Elena',
  last_name: 'Moreno',
  email: 'elena.moreno@outlook.com',
  phone: '415-283-9921',
  company: 'Brightwave Solutions',
  job_title: 'Head of Marketing',
  notes: 'Renewal due in January.',
  owner: 'Joshua',
  user_id: SEARCH_CONTACT.user_id,
  created_at: '2025-08-14T10:03:51.000+00:00',
  last_activity: '2025-09-25T14:12:03.000+00:00',
};
const get = (id: string, data: object = ELENA) =>
  api()
    .get(`${BASE}/contacts`)
    .query({ id })
    .reply(200, [{ success: true, id, data }]);

describe('Find Contact', () => {
  it('searches (GET /contacts/search), then reads the best match in full (GET /contacts?id=): job title, notes and creation date from the get, tags from the search', async () => {
    search(byEmail).reply(200, { data: [SEARCH_CONTACT], total_count: 1, page: 0, per_page: 10 });
    get(SEARCH_CONTACT.contact_id);
    const out = await run.search(findContact, byEmail);
    expect(out).toEqual([
      {
        id: SEARCH_CONTACT.contact_id,
        first_name: 'Elena',
        last_name: 'Moreno',
        full_name: 'Elena Moreno',
        email: 'elena.moreno@outlook.com',
        phone: '415-283-9921',
        company: 'Brightwave Solutions',
        job_title: 'Head of Marketing',
        notes: 'Renewal due in January.',
        user_id: SEARCH_CONTACT.user_id,
        owner: 'Joshua',
        created_at: '2025-08-14T10:03:51.000+00:00',
        last_activity: '2025-09-25T14:12:03.000+00:00',
        tags: ['Lead'],
        tag_ids: [TAG.id],
      },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...findContact.operation.sample }).sort());
  });

  it('reads only the best match — the exact match, even when the search listed it second (a tag search compares tag names)', async () => {
    const partial = { ...SEARCH_CONTACT, contact_id: 'c1', tags: [{ id: 't1', name: 'Leads 2024', color: null }] };
    search({ search_term: 'lead', search_by: 'tag' }).reply(200, { data: [partial, SEARCH_CONTACT] });
    get(SEARCH_CONTACT.contact_id);
    const out = await run.search(findContact, { search_by: 'tag', search_term: 'lead' });
    expect(out.map((c) => [c.id, c.tags])).toEqual([[SEARCH_CONTACT.contact_id, ['Lead']]]);
  });

  it('a match deleted before it is read (404 on the get) is nothing found', async () => {
    search(byEmail).reply(200, { data: [SEARCH_CONTACT] });
    api()
      .get(`${BASE}/contacts`)
      .query({ id: SEARCH_CONTACT.contact_id })
      .reply(404, lunarError('not_found', 'No contact'));
    await expect(run.search(findContact, byEmail)).resolves.toEqual([]);
  });

  it('answers an empty list when nothing matches (data null)', async () => {
    search({ search_term: 'Nobody', search_by: 'company' }).reply(200, { data: null, total_count: 0 });
    await expect(run.search(findContact, { search_by: 'company', search_term: 'Nobody' })).resolves.toEqual([]);
  });

  it.each([
    ['{ status: "error" }', { status: 'error', error: 'search_failed', message: 'The search index is rebuilding.' }],
    ['{ success: false }', { success: false, error: 'search_failed', message: 'The search index is rebuilding.' }],
  ])(
    'an error envelope answered with HTTP 200 (%s) is an error, not "nothing found" (Find or Create creates no duplicate)',
    async (_name, envelope) => {
      search(byEmail).reply(200, envelope);
      const err = await failureOf(run.search(findContact, byEmail));
      expect(JSON.parse(err.raw)).toMatchObject({ code: 'ErrorEnvelope', status: 200 });
      expect(err.message).toBe('LunarSend answered with an error: The search index is rebuilding.');
    },
  );

  it('shows LunarSend’s message on a 400', async () => {
    search(byEmail).reply(400, lunarError('invalid_search_by', 'Search By must be a valid field'));
    const err = await failureOf(run.search(findContact, byEmail));
    expect(err.message).toBe('LunarSend rejected the request: Search By must be a valid field');
  });

  it('refuses a result without contact_id, naming it', async () => {
    search(byEmail).reply(200, { data: [{ first_name: 'X' }] });
    const err = await failureOf(run.search(findContact, byEmail));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].contact_id is missing.');
  });

  it.each([
    [{ search_by: 'email' }, /Search Term is missing/],
    [{ search_by: 'email', search_term: '   ' }, /Search Term: is required/],
    [{ search_by: 'phone', search_term: '555' }, /Search By: must be one of email, first_name/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.search(findContact, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
