import { expectNothingSent, failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import createContact from '../creates/createContact';
import { CONTACT, MYSELF } from '../src/samples';
import {
  AUTH,
  FLAT_CONTACT,
  USER_ID,
  contactFieldsMeta,
  api,
  expectNoSecret,
  expectWriteSafety,
  inputFieldsOf,
  offContract,
  runner,
  staticKeys,
  useEnv,
} from './helpers';

useNock();
useEnv();
const run = runner({ ...AUTH, user_id: USER_ID });
/** Another user of the account, picked as the owner. */
const COLLEAGUE = '5049f696a694620a0700001c';

const COMPANY = {
  ...CONTACT,
  record_type: 'company',
  fields: { 'company name': [{ value: 'Nimble', modifier: '', field_id: '5049f697a694620a07000045' }] },
};

describe('Create Contact (create_contact)', () => {
  it('sends the fields Nimble expects, with types as modifiers and tags as one string', async () => {
    api()
      .post('/api/v1/contact', {
        record_type: 'person',
        type: 'person',
        fields: {
          'first name': [{ value: 'Ada', modifier: '' }],
          'last name': [{ value: 'Lovelace', modifier: '' }],
          'contact employment': [{ value: '{"company_name":"Engines Ltd","title":"Analyst"}', modifier: '' }],
          email: [{ value: 'ada@example.com', modifier: 'personal' }],
          phone: [
            { value: '+44 1', modifier: 'mobile' },
            { value: '+44 2', modifier: 'work' },
          ],
          URL: [{ value: 'https://ada.example.com', modifier: 'work' }],
          address: [{ value: '{"street":"1 Main St","city":"London","country":"UK"}', modifier: 'home' }],
          'lead status': [{ value: '2', modifier: '' }],
        },
        tags: 'zapier,vip\\,gold',
        owner_id: COLLEAGUE,
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, CONTACT);
    contactFieldsMeta();
    const out = await run.create(
      createContact,
      {
        record_type: 'person',
        first_name: 'Ada',
        last_name: 'Lovelace',
        company_name: 'Engines Ltd',
        title: 'Analyst',
        email: 'ada@example.com',
        email_type: 'personal',
        phone_mobile: '+44 1',
        phone_work: '+44 2',
        website: 'https://ada.example.com',
        address_street: '1 Main St',
        address_city: 'London',
        address_country: 'UK',
        address_type: 'home',
        tags: ['zapier', 'vip,gold'],
        owner_id: COLLEAGUE,
      },
      { extra: { 'fields__lead status': '2' } },
    );
    expect(out).toEqual(FLAT_CONTACT);
    expect(staticKeys(out)).toEqual(Object.keys(createContact.operation.sample ?? {}));
  });

  it('puts a company\'s name in "company name"', async () => {
    api()
      .post('/api/v1/contact', {
        record_type: 'company',
        type: 'company',
        fields: {
          'company name': [{ value: 'Nimble', modifier: '' }],
          domain: [{ value: 'nimble.com', modifier: '' }],
        },
        owner_id: USER_ID,
      })
      .reply(200, COMPANY);
    const out = await run.create(createContact, {
      record_type: 'company',
      company_name: 'Nimble',
      domain: 'nimble.com',
    });
    expect(out).toMatchObject({ record_type: 'company', name: 'Nimble', company_name: 'Nimble' });
  });

  it("names each field of Nimble's 409 validation answer by its label in the form", async () => {
    api()
      .post('/api/v1/contact')
      .reply(409, {
        message: 'Validation errors',
        code: 245,
        errors: {
          'first name': [
            { message: 'First name or last name field is required', field_id: '5049f697a694620a07000043' },
          ],
          email: [{ message: 'Not a valid email', field_id: '5049f697a694620a07000064' }],
          'lead source': [{ message: 'Unknown choice', field_id: '5049f697a694620a0700008e' }],
        },
      });
    const err = await failureOf(run.create(createContact, { first_name: 'X' }));
    expect(err.message).toBe(
      'Nimble rejected the request: First Name: First name or last name field is required; Email: Not a valid email; Lead Source: Unknown choice',
    );
  });

  it('Owner left empty (or mapped blank) is the connected user; a connection without a stored user id asks /myself once', async () => {
    api().get('/api/v1/myself').reply(200, MYSELF);
    api()
      .post('/api/v1/contact', {
        record_type: 'person',
        type: 'person',
        fields: { 'first name': [{ value: 'Ada', modifier: '' }] },
        owner_id: USER_ID,
      })
      .reply(200, { ...CONTACT, fields: { 'first name': CONTACT.fields['first name'] } });
    await runner().create(createContact, { first_name: 'Ada', owner_id: '', last_name: ' ', email: '' });
  });

  it('outputs the contact even when the drop-down labels cannot be read (the contact was made): without the labels', async () => {
    api().post('/api/v1/contact').reply(200, CONTACT);
    api().get('/api/v1/contacts/fields').reply(500, { message: 'Internal error handling request', code: 107 });
    const out = await runner({ ...AUTH, user_id: USER_ID }).create(createContact, { first_name: 'Maria' });
    const { 'fields__lead status__label': _label, ...rest } = FLAT_CONTACT;
    expect(out).toEqual(rest);
  });

  it('Owner is a dropdown of users labelled by name, not a typed user id', () => {
    const field = createContact.operation.inputFields?.find((f) => 'key' in f && f.key === 'owner_id');
    expect(field).toMatchObject({ label: 'Owner', dynamic: 'list_users.id.name' });
  });

  it('says a 402 is the plan limit', async () => {
    api().post('/api/v1/contact').reply(402, {
      message: 'You have created the maximum number of contact records allowed for your subscription.',
      code: 108,
    });
    const err = await failureOf(run.create(createContact, { first_name: 'X' }));
    expect(err.message).toMatch(/plan's limit is reached: You have created the maximum number of contact records/);
    expectNoSecret(err.raw);
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().post('/api/v1/contact').reply(200, { id: CONTACT.id });
    const err = await failureOf(run.create(createContact, { first_name: 'X' }));
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: fields is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().post('/api/v1/contact'),
      () => run.create(createContact, { first_name: 'X' }),
    );
  });

  it.each([
    [{ record_type: 'person', email: 'a@b.co' }, /First Name: a person needs/],
    [{ record_type: 'company', first_name: 'X' }, /a company needs a Company Name/],
    [{ first_name: 'X', tags: ['1', '2', '3', '4', '5', '6'] }, /Tags: takes at most 5 tags/],
    [{ first_name: 'X', domain: 'https://nimble.com' }, /Domain: must be a bare domain/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createContact, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it("locks per email and connection, the key rendered from a run's input", () => {
    const lock = createContact.operation.lock!;
    expect(lock).toMatchObject({ scope: ['auth'], timeout: 60 });
    expect(renderKey(lock.key, { inputData: { first_name: 'Ada', email: 'ada@example.com' } })).toBe(
      'nimble:create_contact:ada@example.com',
    );
  });

  it("loads the account's other contact fields as inputs: choices by id, users from the user dropdown, social ones in their own section", async () => {
    api()
      .get('/api/v1/contacts/fields')
      .reply(200, {
        tabs: [
          {
            tab_name: 'Contact Info',
            members: [
              {
                type: 'group',
                name: 'Basic',
                fields: [
                  { type: 'field', name: 'first name', field_id: 'f1', field_type: { field_kind: 'string' } },
                  {
                    type: 'field',
                    name: 'source',
                    field_id: 'f2',
                    read_only: true,
                    field_type: { field_kind: 'string' },
                  },
                ],
              },
              {
                type: 'field',
                name: 'lead type',
                field_id: 'f3',
                field_type: { field_kind: 'choice', values: { values: [{ id: '5', value: 'Lead' }] } },
              },
              { type: 'field', name: 'Contract value', field_id: 'f4', field_type: { field_kind: 'number' } },
              { type: 'field', name: 'linkedin', field_id: 'f5', field_type: { field_kind: 'string' } },
              { type: 'field', name: 'Office', field_id: 'f6', field_type: { field_kind: 'address' } },
              { type: 'field', name: 'Account manager', field_id: 'f7', field_type: { field_kind: 'user' } },
            ],
          },
        ],
      });
    const fields = await inputFieldsOf('creates.create_contact');
    expect(fields.filter((f) => f.key.startsWith('fields__'))).toEqual([
      {
        key: 'fields__lead type',
        label: 'Lead Type',
        required: false,
        group: 'custom',
        choices: [{ value: '5', label: 'Lead', sample: '5' }],
        helpText: 'The contact\'s "Lead Type" in Nimble. Leave empty to skip it.',
      },
      {
        key: 'fields__Contract value',
        label: 'Contract Value',
        required: false,
        group: 'custom',
        type: 'number',
        helpText: 'The contact\'s "Contract Value" in Nimble. Leave empty to skip it.',
      },
      {
        key: 'fields__linkedin',
        label: 'Linkedin',
        required: false,
        group: 'social',
        helpText: 'The contact\'s "Linkedin" in Nimble. Leave empty to skip it.',
      },
      {
        // A user field is picked like an owner, never typed as a user id.
        key: 'fields__Account manager',
        label: 'Account Manager',
        required: false,
        group: 'custom',
        dynamic: 'list_users.id.name',
        helpText: 'The contact\'s "Account Manager" in Nimble. Leave empty to skip it.',
      },
    ]);
  });
});
