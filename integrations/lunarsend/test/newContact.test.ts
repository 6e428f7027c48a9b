import { failureOf, useNock } from '@crm-zapier/kit/testing';
import newContact from '../triggers/newContact';
import { DOCUMENTED, SEARCH_CONTACT } from './documented';
import { BASE, api, run } from './helpers';

useNock();

const page = (n: number) =>
  api()
    .get(`${BASE}/contacts/search`)
    .query({ query_amount: '100', page: String(n) });

/** The documented search result, flat: no job title, notes or creation date (the search has none). */
const ELENA = {
  id: SEARCH_CONTACT.contact_id,
  first_name: 'Elena',
  last_name: 'Moreno',
  full_name: 'Elena Moreno',
  email: 'elena.moreno@outlook.com',
  phone: '415-283-9921',
  company: 'Brightwave Solutions',
  user_id: SEARCH_CONTACT.user_id,
  owner: 'Joshua',
  last_activity: '2025-09-25T14:12:03.000+00:00',
  tags: ['Lead'],
  tag_ids: ['a41a203d-8e5b-4f1c-9a7d-3b2c6e0f1d59'],
};

describe('New Contact', () => {
  it('sends one GET /contacts/search (no term, 100 a page) when one page holds every contact, and outputs flat contacts', async () => {
    page(0).reply(200, { ...DOCUMENTED.searchContacts, total_count: 1, per_page: 100 });
    const out = await run.trigger(newContact, {});
    expect(out).toEqual([ELENA]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...newContact.operation.sample }).sort());
  });

  it('with more contacts than a page, also reads the last page (the order is undocumented), each contact once', async () => {
    const joe = { ...SEARCH_CONTACT, contact_id: 'c-joe', first_name: 'Joe', last_name: 'Doe', tags: null };
    page(0).reply(200, { data: [SEARCH_CONTACT], total_count: 250, page: 0, per_page: 100 });
    page(2).reply(200, { data: [SEARCH_CONTACT, joe], total_count: 250, page: 2, per_page: 100 });
    const out = await run.trigger(newContact, {});
    expect(out.map((c) => [c.id, c.full_name, c.tags])).toEqual([
      [SEARCH_CONTACT.contact_id, 'Elena Moreno', ['Lead']],
      ['c-joe', 'Joe Doe', []],
    ]);
  });

  it('counts the last page by the page size LunarSend answers (the documented answer: 46 contacts, 5 a page)', async () => {
    page(0).reply(200, DOCUMENTED.searchContacts);
    page(9).reply(200, { data: [], total_count: 46, page: 9, per_page: 5 });
    await expect(run.trigger(newContact, {})).resolves.toEqual([ELENA]);
  });

  it('reads one page when the answer has no total_count', async () => {
    page(0).reply(200, { data: [] });
    await expect(run.trigger(newContact, {})).resolves.toEqual([]);
  });

  it('shows LunarSend’s message on a 400', async () => {
    page(0).reply(400, {
      status: 'error',
      error: 'invalid_query_amount',
      message: '"query_amount" must be from 1 to 100',
    });
    const err = await failureOf(run.trigger(newContact, {}));
    expect(err.message).toBe('LunarSend rejected the request: "query_amount" must be from 1 to 100');
  });

  it('refuses a result without contact_id, naming it', async () => {
    page(0).reply(200, { data: [{ id: 'c1', first_name: 'Elena' }], total_count: 1 });
    const err = await failureOf(run.trigger(newContact, {}));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].contact_id is missing.');
  });

  it('has no input to get wrong: it never asks for any', () => {
    expect(newContact.operation.inputFields).toBeUndefined();
  });
});
