import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findLeadExact from '../searches/findLeadExact';
import { LEAD } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('find_lead_exact (Find or Create Lead)', () => {
  it('keeps only the lead whose email is exactly the input', async () => {
    const near = { ...LEAD, id: '1', emails: [{ email: 'elon@musk.co', type: 'primary' }] };
    api()
      .get('/crm/leads')
      .query({ 'filter[email]': 'elon@musk.com', limit: '200' })
      .reply(200, listBody('leads', [near, LEAD]));
    const out = await run.search(findLeadExact, { email: 'elon@musk.com' });
    expect(out).toEqual([findLeadExact.operation.sample]);
  });

  it('a filter matching more than five pages stops rather than risk a duplicate', async () => {
    for (let page = 0; page < 5; page += 1) {
      api()
        .get('/crm/leads')
        .query(true)
        .reply(200, listBody('leads', [], `cGFnZS${page}`));
    }
    const err = await failureOf(run.search(findLeadExact, { email: 'elon@musk.com' }));
    expect(err.message).toMatch(/matched more than 1000 records, too many to check for an exact match/);
    expect(err.raw).toContain('TooManyMatches');
  });

  it("a 403 is shown with Apideck's text", async () => {
    api()
      .get('/crm/leads')
      .query(true)
      .reply(403, errorBody(403, 'ForbiddenError', 'Forbidden', 'Leads are not enabled for this application'));
    const err = await failureOf(run.search(findLeadExact, { email: 'elon@musk.com' }));
    expect(err.message).toMatch(
      /^Apideck refused access: ForbiddenError: Forbidden — Leads are not enabled for this application\./,
    );
  });

  it('a lead id that is empty text is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/leads')
      .query(true)
      .reply(200, listBody('leads', [{ ...LEAD, id: '' }]));
    const err = await failureOf(run.search(findLeadExact, { email: 'elon@musk.com' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id/);
  });

  it('refuses a bad email before any request', async () => {
    const err = await failureOf(run.search(findLeadExact, { email: 'elon@' }));
    expect(err.message).toMatch(/Email: must be an email address/);
    expectNothingSent();
  });
});
