import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findCompany from '../searches/findCompany';
import { COMPANY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run, usersAnswer } from './helpers';

useNock();

describe('find_company', () => {
  it('searches filter[name] and outputs the companies flat, as the sample', async () => {
    api()
      .get('/crm/companies')
      .query({ 'filter[name]': 'SpaceX', limit: '10' })
      .reply(200, listBody('companies', [COMPANY]));
    // One more request for the owner's name: the user list.
    usersAnswer();
    const out = await run.search(findCompany, { name: ' SpaceX ' });
    expect(out).toEqual([findCompany.operation.sample]);
    expect(out[0]).toMatchObject({
      id: '23456',
      name: 'Northwind Aerospace',
      owner_id: '54321',
      owner_name: 'Jordan Rivera',
      email: 'info@northwindaero.com',
      phone_number: '+1 206-555-0100',
    });
  });

  it("a 401 asks to reconnect, with Apideck's text and without the key", async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(401, errorBody(401, 'UnauthorizedError', 'Unauthorized Request', 'Invalid API key'));
    const err = await failureOf(run.search(findCompany, { name: 'SpaceX' }));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(
      /^Apideck did not accept your API key, App ID and Consumer ID \(Unauthorized Request — Invalid API key\)\. Check them and reconnect your Apideck account\./,
    );
  });

  it('an answer without a data list is a clear error', async () => {
    allowOffContractReplies();
    api().get('/crm/companies').query(true).reply(200, { status_code: 200, status: 'OK', data: COMPANY });
    const err = await failureOf(run.search(findCompany, { name: 'SpaceX' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data/);
  });

  it('refuses a blank name before any request', async () => {
    const err = await failureOf(run.search(findCompany, { name: '  ' }));
    expect(err.message).toBe('Company Name: is required.');
    expectNothingSent();
  });
});
