import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createLead from '../creates/createLead';
import { allowOffContractReplies } from './contract';
import { api, COMPANY_PICKER, errorBody, fieldOf, idBody, run } from './helpers';
import { itShowsCustomFieldInputs } from './helpers';

useNock();

describe('create_lead', () => {
  it('POSTs /crm/leads with the name built from its parts and outputs the lead flat, as the sample', async () => {
    api()
      .post('/crm/leads', {
        name: 'Ada Lovelace',
        first_name: 'Ada',
        last_name: 'Lovelace',
        company_name: 'Analytical Engines',
        monetary_amount: 1200,
        currency: 'GBP',
        emails: [{ email: 'ada@example.com', type: 'primary' }],
      })
      .reply(201, idBody('leads', '67890'));
    const out = await run.create(createLead, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      company_name: 'Analytical Engines',
      monetary_amount: 1200,
      currency: 'gbp',
      email: 'ada@example.com',
    });
    expect(Object.keys(out)).toEqual(Object.keys(createLead.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '67890',
      name: 'Ada Lovelace',
      company_name: 'Analytical Engines',
      email: 'ada@example.com',
      email_work: null,
      emails: ['ada@example.com'],
      phone_number: null,
    });
  });

  it('402 is the Apideck plan limit, with what to do', async () => {
    api()
      .post('/crm/leads')
      .reply(402, errorBody(402, 'RequestLimitError', 'Request limit reached'));
    const err = await failureOf(run.create(createLead, { name: 'Ada' }));
    expect(err.message).toMatch(
      /^Apideck refused the request because of your Apideck plan: Request limit reached\. .*upgrade the plan/,
    );
    expect(err.raw).toContain('PlanLimit');
  });

  it('an answer whose id is empty is a clear error', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/leads')
      .reply(201, { ...idBody('leads', ''), data: { id: '' } });
    const err = await failureOf(run.create(createLead, { name: 'Ada' }));
    expect(err.message).toMatch(
      /^Apideck accepted the request but sent an answer of an unexpected shape: data\.id.*, so the change may or may not have been made in Apideck\./,
    );
  });

  it('refuses a lead without any name before any request', async () => {
    const err = await failureOf(run.create(createLead, { company_name: 'Analytical Engines' }));
    expect(err.message).toMatch(/Enter a First Name, Last Name or Full Name/);
    expectNothingSent();
  });

  it('a 500 after the POST is OutcomeUnknown, and the POST is not sent again', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/leads')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(createLead, { name: 'Ada' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().post('/crm/leads').reply(302, '', { Location: 'https://elsewhere.example/crm/leads' });
    const err = await failureOf(run.create(createLead, { name: 'Ada' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('createLead in the Zap editor', () => {
  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(createLead, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });
});

describe('createLead custom fields', () => {
  itShowsCustomFieldInputs(createLead, 'leads');
});
