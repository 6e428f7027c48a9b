import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findContactExact from '../searches/findContactExact';
import { CONTACT } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

const withEmail = (id: string, email: string) => ({ ...CONTACT, id, emails: [{ email, type: 'primary' }] });

describe('find_contact_exact (Find or Create Contact)', () => {
  it('keeps only the contact whose email is exactly the input (any case), reading every page of the filter', async () => {
    api()
      .get('/crm/contacts')
      .query({ 'filter[email]': 'Elon@Musk.com', limit: '200' })
      .reply(200, listBody('contacts', [withEmail('1', 'elon@musk.com.au')], 'cGFnZTI='));
    api()
      .get('/crm/contacts')
      .query({ 'filter[email]': 'Elon@Musk.com', limit: '200', cursor: 'cGFnZTI=' })
      .reply(200, listBody('contacts', [CONTACT]));
    const out = await run.search(findContactExact, { email: 'Elon@Musk.com' });
    expect(out).toEqual([findContactExact.operation.sample]);
  });

  it('several contacts with the email stop the step, naming it', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(200, listBody('contacts', [withEmail('1', 'elon@musk.com'), withEmail('2', 'ELON@musk.com')]));
    const err = await failureOf(run.search(findContactExact, { email: 'elon@musk.com' }));
    expect(err.message).toMatch(/^More than one contact has the email elon@musk\.com \(Email\)\./);
    expect(err.raw).toContain('SeveralMatches');
  });

  it("shows Apideck's 400 with its text", async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'filter[email] is invalid'));
    const err = await failureOf(run.search(findContactExact, { email: 'elon@musk.com' }));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — filter[email] is invalid',
    );
  });

  it('a page whose cursors are not text is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(200, { ...listBody('contacts', []), meta: { cursors: { next: 7 } } });
    const err = await failureOf(run.search(findContactExact, { email: 'elon@musk.com' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: meta\.cursors\.next/);
  });

  it('finds nothing without an email (Zapier then creates), and refuses a bad email, before any request', async () => {
    await expect(run.search(findContactExact, {})).resolves.toEqual([]);
    const bad = await failureOf(run.search(findContactExact, { email: 'elon' }));
    expect(bad.message).toMatch(/Email: must be an email address/);
    expectNothingSent();
  });
});
