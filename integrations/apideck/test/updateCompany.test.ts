import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateCompany from '../creates/updateCompany';
import { COMPANY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, idBody, oneBody, run } from './helpers';

useNock();

describe('update_company', () => {
  it("merges an address's parts into the address of that type, PATCHes, reads back and outputs it flat", async () => {
    api().get('/crm/companies/23456').reply(200, oneBody('companies', COMPANY));
    api()
      .patch('/crm/companies/23456', {
        industry: 'Space',
        addresses: [
          {
            id: '123',
            type: 'primary',
            line1: 'Main street',
            city: 'Hawthorne',
            state: 'CA',
            postal_code: '94104',
            country: 'US',
          },
        ],
      })
      .reply(200, idBody('companies', '23456', 'update'));
    api()
      .get('/crm/companies/23456')
      .reply(200, oneBody('companies', { ...COMPANY, industry: 'Space' }));
    const out = await run.create(updateCompany, { company_id: '23456', industry: 'Space', address_city: 'Hawthorne' });
    expect(Object.keys(out)).toEqual(Object.keys(updateCompany.operation.sample ?? {}));
    expect(out).toMatchObject({ id: '23456', company_id: '23456', name: 'SpaceX', industry: 'Space' });
  });

  it("shows Apideck's 400 with its type and message", async () => {
    api()
      .patch('/crm/companies/23456')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'name must not be empty'));
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', name: 'X' }));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — name must not be empty',
    );
  });

  it('an update answer without the id is a clear error', async () => {
    allowOffContractReplies();
    api().patch('/crm/companies/23456').reply(200, { status_code: 200, status: 'OK', data: null });
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', industry: 'Space' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data/);
  });

  it('refuses an update that changes nothing before any request', async () => {
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', channel_mode: 'merge' }));
    expect(err.message).toMatch(/Fill in at least one field to change/);
    expectNothingSent();
  });

  it('a 500 after the PATCH is OutcomeUnknown, and the PATCH is not sent again', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/companies/23456')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', industry: 'Space' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: UnexpectedError: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().patch('/crm/companies/23456').reply(302, '', { Location: 'https://elsewhere.example/crm/companies/23456' });
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', industry: 'Space' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});
