import type { FlatObject } from '@crm-zapier/kit';
import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import findExactContact from '../searches/findExactContact';
import { CONTACT } from '../src/samples';
import { FLAT_CONTACT, api, contactFieldsMeta, listing, offContract, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();
// The drop-down labels of the contact output (read once, then kept in the runner's z.cache).
beforeEach(() => contactFieldsMeta());

/** One field value as Nimble answers it (the contract requires the field id). */
const fv = (value: string, modifier = '') => ({ value, modifier, field_id: '5049f697a694620a07000043' });
const person = (id: string, first: string, last: string, emails: string[] = []) => ({
  ...CONTACT,
  id,
  fields: { 'first name': [fv(first)], 'last name': [fv(last)], email: emails.map((value) => fv(value, 'work')) },
});
const JOHN = person('a'.repeat(24), 'John', 'Doe', ['john@example.com', 'jd@example.com']);
const JANE = person('b'.repeat(24), 'Jane', 'Doe', ['jane@example.com']);
const search = (query: unknown, resources: unknown[]) =>
  api()
    .get('/api/v1/contacts')
    .query({ per_page: '100', query: JSON.stringify(query) })
    .reply(200, listing(resources));
const ids = (out: FlatObject[]) => out.map((c) => c.id);

describe('Find Contact by Exact Match (find_contact_exact, the search of Find or Create Contact)', () => {
  it('is the hidden search of Find or Create Contact, which updates the contact found by its id', () => {
    expect(App.searchOrCreates?.find_contact).toMatchObject({
      search: 'find_contact_exact',
      create: 'create_contact',
      update: 'update_contact',
      updateInputFromSearchOutput: { contact_id: 'id' },
    });
    expect(findExactContact.display.hidden).toBe(true);
  });

  it("finds by any of the contact's emails, letter case aside, asking 100 at a time", async () => {
    search({ email: { is: 'Maria.Lopez@OUTLOOK.com' } }, [CONTACT]);
    const out = await run.search(findExactContact, { email: 'Maria.Lopez@OUTLOOK.com' });
    expect(out).toEqual([FLAT_CONTACT]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(findExactContact.operation.sample ?? {}));
  });

  it('finds nothing by name "Doe" when Nimble answers John Doe and Jane Doe', async () => {
    search({ names: { contain: 'Doe' } }, [JOHN, JANE]);
    expect(await run.search(findExactContact, { name: 'Doe' })).toEqual([]);
  });

  it('finds the contact whose whole name is the name given, letter case and spaces aside', async () => {
    search({ names: { contain: 'jane  DOE' } }, [JOHN, JANE]);
    expect(ids(await run.search(findExactContact, { name: 'jane  DOE' }))).toEqual([JANE.id]);
  });

  it('finds a company only by its exact name', async () => {
    const company = (id: string, name: string) => ({
      ...CONTACT,
      id,
      record_type: 'company',
      fields: { 'company name': [fv(name)] },
    });
    search({ and: [{ 'company name': { is: 'Nimble' } }, { 'record type': { is: 'company' } }] }, [
      company('c'.repeat(24), 'Nimble Inc'),
      company('d'.repeat(24), 'Nimble'),
    ]);
    expect(ids(await run.search(findExactContact, { company_name: 'Nimble' }))).toEqual(['d'.repeat(24)]);
  });

  it('stops with a clear error when several contacts match exactly', async () => {
    search({ names: { contain: 'John Doe' } }, [JOHN, { ...JOHN, id: 'e'.repeat(24) }, JANE]);
    const err = await failureOf(run.search(findExactContact, { name: 'John Doe' }));
    expect(err.message).toBe(
      '2 contacts in Nimble have name "John Doe", so Find or Create Contact cannot tell which one to update. Search by a value only one contact has (like an email address), or pick the contact in an Update Contact step.',
    );
  });

  it('stops when Nimble fills the page: an exact match may lie beyond it', async () => {
    const others = Array.from({ length: 99 }, (_, i) => person(String(i).padStart(24, '0'), 'Johnny', 'Doe'));
    search({ names: { contain: 'John Doe' } }, [JOHN, ...others]);
    const err = await failureOf(run.search(findExactContact, { name: 'John Doe' }));
    expect(err.message).toMatch(/^Nimble found 100 or more contacts for name "John Doe", too many to check/);
  });

  it("shows Nimble's text for a 400", async () => {
    api().get('/api/v1/contacts').query(true).reply(400, { message: 'Invalid query', code: 245 });
    const err = await failureOf(run.search(findExactContact, { email: 'a@b.co' }));
    expect(err.message).toBe('Nimble rejected the request: Invalid query');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().get('/api/v1/contacts').query(true).reply(200, {});
    const err = await failureOf(run.search(findExactContact, { email: 'a@b.co' }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: resources is missing.');
  });

  it('refuses free text (sent by a step made with Find Contact) before any request', async () => {
    const err = await failureOf(run.search(findExactContact, {}, { extra: { keyword: 'Doe' } }));
    expect(err.message).toMatch(
      /^Free Text: can't be used to find the contact to update: free text can match several contacts/,
    );
    expectNothingSent();
  });
});
