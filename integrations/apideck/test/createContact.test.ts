import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createContact from '../creates/createContact';
import { allowOffContractReplies } from './contract';
import { api, COMPANY_PICKER, errorBody, fieldOf, idBody, run } from './helpers';
import { itShowsCustomFieldInputs } from './helpers';

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
    // One id; the primary email and phone, the work/personal emails and work/mobile numbers, and
    // every email and number in a list: no key per type the record does not have.
    expect(out).toEqual({
      id: '777',
      name: 'Ada Lovelace',
      first_name: 'Ada',
      middle_name: null,
      last_name: 'Lovelace',
      prefix: null,
      suffix: null,
      title: null,
      department: null,
      company_id: '23456',
      company_name: null,
      owner_id: null,
      owner_name: null,
      lead_id: null,
      type: null,
      gender: null,
      birthday: null,
      language: null,
      lead_source: null,
      status: null,
      active: null,
      description: null,
      photo_url: null,
      email_domain: null,
      email: 'ada@example.com',
      email_work: 'ada@example.com',
      email_personal: null,
      emails: ['ada@example.com'],
      phone_number: '+44 20 7946 0000',
      phone_work: null,
      phone_mobile: '+44 20 7946 0000',
      phone_numbers: ['+44 20 7946 0000'],
      address: '12 St James Square, London, GB',
      address_line1: '12 St James Square',
      address_line2: null,
      address_city: 'London',
      address_state: null,
      address_postal_code: null,
      address_country: 'GB',
      addresses: ['12 St James Square, London, GB'],
      website: null,
      websites: [],
      social_links: [],
      tags: ['Engines', 'Maths'],
      last_activity_at: null,
      created_at: null,
      updated_at: null,
    });
  });

  it("shows Apideck's 400 with its type, message and the field it names", async () => {
    api()
      .post('/crm/contacts')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', { missing: [{ name: 'required' }] }));
    const err = await failureOf(run.create(createContact, { last_name: 'Lovelace' }));
    expect(err.message).toBe('Apideck rejected the request: Invalid Params — missing name');
  });

  it('an answer without the new id is a clear error', async () => {
    allowOffContractReplies();
    api().post('/crm/contacts').reply(201, { status_code: 201, status: 'Created', data: {} });
    const err = await failureOf(run.create(createContact, { last_name: 'Lovelace' }));
    expect(err.message).toMatch(
      /^Apideck accepted the request but sent an answer of an unexpected shape: data\.id.*, so the change may or may not have been made in Apideck\./,
    );
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
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
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

describe('createContact in the Zap editor', () => {
  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(createContact, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });
});

describe('createContact custom fields', () => {
  itShowsCustomFieldInputs(createContact, 'contacts');
});
