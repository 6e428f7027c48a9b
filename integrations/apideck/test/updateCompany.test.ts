import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateCompany from '../creates/updateCompany';
import { COMPANY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import {
  api,
  COMPANY_PICKER,
  errorBody,
  fieldOf,
  idBody,
  oneBody,
  run,
  usersAnswer,
  itShowsCustomFieldInputs,
} from './helpers';

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
            line1: '2200 Alaskan Way',
            line2: 'Suite 400',
            city: 'Tacoma',
            state: 'WA',
            postal_code: '98121',
            country: 'US',
          },
        ],
      })
      .reply(200, idBody('companies', '23456', 'update'));
    api()
      .get('/crm/companies/23456')
      .reply(200, oneBody('companies', { ...COMPANY, industry: 'Space' }));
    usersAnswer();
    const out = await run.create(updateCompany, { company_id: '23456', industry: 'Space', address_city: 'Tacoma' });
    expect(Object.keys(out)).toEqual(Object.keys(updateCompany.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '23456',
      name: 'Northwind Aerospace',
      industry: 'Space',
      owner_id: '54321',
      owner_name: 'Jordan Rivera',
    });
  });

  it("shows Apideck's 400 with its type and message", async () => {
    api()
      .patch('/crm/companies/23456')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'name must not be empty'));
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', name: 'X' }));
    expect(err.message).toBe('Apideck rejected the request: Invalid Params — name must not be empty');
  });

  it('an update answer without the id is a clear error', async () => {
    allowOffContractReplies();
    api().patch('/crm/companies/23456').reply(200, { status_code: 200, status: 'OK', data: null });
    const err = await failureOf(run.create(updateCompany, { company_id: '23456', industry: 'Space' }));
    expect(err.message).toMatch(
      /^Apideck accepted the request but sent an answer of an unexpected shape: data.*, so the change may or may not have been made in Apideck\./,
    );
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
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
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

describe('updateCompany in the Zap editor', () => {
  itShowsCustomFieldInputs(updateCompany, 'companies');

  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(updateCompany, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: true });
  });
});
