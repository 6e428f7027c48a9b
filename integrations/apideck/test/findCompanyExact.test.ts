import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findCompanyExact from '../searches/findCompanyExact';
import { COMPANY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('find_company_exact (Find or Create Company)', () => {
  it('keeps only the company whose whole name is the input (any case, spaces around ignored)', async () => {
    const longer = { ...COMPANY, id: '1', name: 'SpaceX Holdings' };
    api()
      .get('/crm/companies')
      .query({ 'filter[name]': 'spacex', limit: '200' })
      .reply(200, listBody('companies', [longer, { ...COMPANY, name: ' SpaceX ' }]));
    const out = await run.search(findCompanyExact, { name: 'spacex' });
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]!)).toEqual(Object.keys(findCompanyExact.operation.sample ?? {}));
    expect(out[0]).toMatchObject({ id: '23456', name: ' SpaceX ' });
  });

  it('no company with the name is an empty list (Zapier then creates)', async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(200, listBody('companies', [{ ...COMPANY, name: 'SpaceX Holdings' }]));
    await expect(run.search(findCompanyExact, { name: 'SpaceX' })).resolves.toEqual([]);
  });

  it("a 5xx on a read is retried later by Zapier, with Apideck's text", async () => {
    allowOffContractReplies();
    api()
      .get('/crm/companies')
      .query(true)
      .reply(502, errorBody(502, 'ConnectorExecutionError', 'Bad gateway'));
    const err = await failureOf(run.search(findCompanyExact, { name: 'SpaceX' }));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toContain('Apideck had a temporary problem: Bad gateway');
  });

  it('a company name that is a number is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/companies')
      .query(true)
      .reply(200, listBody('companies', [{ ...COMPANY, id: 23456, name: 42 }]));
    const err = await failureOf(run.search(findCompanyExact, { name: '42' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.name/);
  });

  it('refuses a blank name before any request', async () => {
    const err = await failureOf(run.search(findCompanyExact, { name: ' ' }));
    expect(err.message).toBe('Company Name: is required.');
    expectNothingSent();
  });
});
