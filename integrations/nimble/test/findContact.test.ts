import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findContact from '../searches/findContact';
import { CONTACT } from '../src/samples';
import { FLAT_CONTACT, api, contactFieldsMeta, listing, offContract, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();
// The drop-down labels of the contact output (read once, then kept in the runner's z.cache).
beforeEach(() => contactFieldsMeta());

const search = (query: Record<string, string>) =>
  api()
    .get('/api/v1/contacts')
    .query({ per_page: '10', ...query })
    .reply(200, listing([CONTACT]));

describe('Find Contact (find_contact)', () => {
  it('finds by email with the query language, one request', async () => {
    search({ query: JSON.stringify({ email: { is: 'amayak@nimble.com' } }) });
    const out = await run.search(findContact, { email: 'amayak@nimble.com' });
    expect(out).toEqual([FLAT_CONTACT]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(findContact.operation.sample ?? {}));
  });

  it('finds people by name, adding the record type clause in an "and"', async () => {
    search({ query: JSON.stringify({ and: [{ names: { contain: 'Amayak' } }, { 'record type': { is: 'person' } }] }) });
    expect(await run.search(findContact, { name: 'Amayak', record_type: 'person' })).toHaveLength(1);
  });

  it('finds companies by company name', async () => {
    search({
      query: JSON.stringify({ and: [{ 'company name': { is: 'Nimble' } }, { 'record type': { is: 'company' } }] }),
    });
    expect(await run.search(findContact, { company_name: 'Nimble' })).toHaveLength(1);
  });

  it('searches free text with keyword (and record_type), never with query', async () => {
    search({ keyword: 'dushanbe', record_type: 'person' });
    expect(await run.search(findContact, { keyword: 'dushanbe', record_type: 'person' })).toHaveLength(1);
  });

  it("shows Nimble's text for a 409", async () => {
    api()
      .get('/api/v1/contacts')
      .query(true)
      .reply(409, { message: 'You can specify either `keyword` or `query` parameter, not both!', code: 245 });
    const err = await failureOf(run.search(findContact, { name: 'x' }));
    expect(err.message).toBe(
      'Nimble rejected the request: You can specify either `keyword` or `query` parameter, not both!',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get('/api/v1/contacts')
      .query(true)
      .reply(200, { resources: [{ id: 'c1' }] });
    const err = await failureOf(run.search(findContact, { name: 'x' }));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: resources[0].fields is missing.');
  });

  it.each([
    [{ keyword: 'x', email: 'a@b.co' }, /^Free Text: can't be combined/],
    [{}, /^Email: Enter an Email, a Name/],
    [{ email: 'not-an-email' }, /^Email: must be an email address/],
    [{ company_name: 'Nimble', record_type: 'person' }, /Contact Type: a Company Name search finds companies/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.search(findContact, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
