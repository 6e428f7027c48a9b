import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listContacts from '../triggers/listContacts';
import { SEARCH_CONTACT } from './documented';
import { BASE, api, lunarError, runDropdown } from './helpers';

useNock();

const page = (n: number) =>
  api()
    .get(`${BASE}/contacts/search`)
    .query({ query_amount: '100', page: String(n) });

describe('List Contacts (the contact dropdown)', () => {
  it('pages through /contacts/search, 100 at a time, labelled by name and email or whatever the contact has', async () => {
    page(2).reply(200, {
      data: [SEARCH_CONTACT, { contact_id: 'c2', first_name: null, last_name: null, email: 'x@y.co' }],
      total_count: 202,
      page: 2,
      per_page: 100,
    });
    const out = await runDropdown(listContacts, { page: 2 });
    expect(out).toEqual([
      { id: SEARCH_CONTACT.contact_id, name: 'Elena Moreno (elena.moreno@outlook.com)' },
      { id: 'c2', name: 'x@y.co' },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...listContacts.operation.sample }).sort());
  });

  it('shows LunarSend’s message on a 403', async () => {
    page(0).reply(403, lunarError('forbidden', 'Read-only role'));
    const err = await failureOf(runDropdown(listContacts));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Forbidden', status: 403 });
    expect(err.message).toMatch(/^LunarSend refused access: Read-only role/);
  });

  it('refuses a page whose contacts have no contact_id', async () => {
    page(0).reply(200, { data: [{ id: 'c1', first_name: 'Ada' }] });
    const err = await failureOf(runDropdown(listContacts));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].contact_id is missing.');
  });
});
