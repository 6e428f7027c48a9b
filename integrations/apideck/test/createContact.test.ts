import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createContact from '../creates/createContact';
import { allowOffContractReplies } from './contract';
import { api, errorBody, idBody, run } from './helpers';

useNock();

const input = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  company_id: '23456',
  email: 'ada@example.com',
  email_type: 'work',
  phone_number: '+44 20 7946 0000',
  phone_type: 'mobile',
  address_line1: '12 St James Square',
  address_city: 'London',
  address_country: 'gb',
  tags: ['Engines', ' ', 'Maths'],
  description: '',
} as const;
const sent = {
  name: 'Ada Lovelace',
  first_name: 'Ada',
  last_name: 'Lovelace',
  company_id: '23456',
  emails: [{ email: 'ada@example.com', type: 'work' }],
  phone_numbers: [{ number: '+44 20 7946 0000', type: 'mobile' }],
  addresses: [{ type: 'primary', line1: '12 St James Square', city: 'London', country: 'GB' }],
  tags: ['Engines', 'Maths'],
};

describe('create_contact', () => {
  it('POSTs /crm/contacts with only what was given and outputs the contact flat, as the sample', async () => {
    api().post('/crm/contacts', sent).reply(201, idBody('contacts', '777'));
    const out = await run.create(createContact, { ...input, tags: [...input.tags] });
    expect(Object.keys(out)).toEqual(Object.keys(createContact.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '777',
      contact_id: '777',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      email_work: 'ada@example.com',
      email_primary: null,
      phone_number: '+44 20 7946 0000',
      phone_mobile: '+44 20 7946 0000',
      address: '12 St James Square, London, GB',
      address_city: 'London',
      tags: ['Engines', 'Maths'],
      created_at: null,
    });
  });

  it("shows Apideck's 400 with its type, message and the field it names", async () => {
    api()
      .post('/crm/contacts')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', { missing: [{ name: 'required' }] }));
    const err = await failureOf(run.create(createContact, { last_name: 'Lovelace' }));
    expect(err.message).toBe('Apideck rejected the request: RequestValidationError: Invalid Params — missing name');
  });

  it('an answer without the new id is a clear error', async () => {
    allowOffContractReplies();
    api().post('/crm/contacts').reply(201, { status_code: 201, status: 'Created', data: {} });
    const err = await failureOf(run.create(createContact, { last_name: 'Lovelace' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.id/);
  });

  it('refuses a contact without any name, or with a bad email, before any request', async () => {
    const noName = await failureOf(run.create(createContact, { email: 'ada@example.com' }));
    expect(noName.message).toMatch(/Enter a First Name, Last Name or Full Name/);
    const badEmail = await failureOf(run.create(createContact, { last_name: 'Lovelace', email: 'not-an-email' }));
    expect(badEmail.message).toMatch(/Email: must be an email address/);
    expectNothingSent();
  });

  it('a 500 after the POST is OutcomeUnknown, and the POST is not sent again', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/contacts')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(createContact, { last_name: 'Lovelace' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: UnexpectedError: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().post('/crm/contacts').reply(302, '', { Location: 'https://elsewhere.example/crm/contacts' });
    const err = await failureOf(run.create(createContact, { last_name: 'Lovelace' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});
