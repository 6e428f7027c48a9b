import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createContact from '../creates/createContact';
import createLead from '../creates/createLead';
import { api, fieldOf, idBody, run } from './helpers';

useNock();

/**
 * Several emails and numbers as Zapier sends line items: a list of objects keyed by the children's
 * keys. A number mapped from an earlier step may arrive as a number (off the typed input: `extra`).
 */
const lines = {
  email: 'ada@example.com',
  phone_number: '+44 20 7946 0000',
  phone_type: 'mobile',
  more_emails: [
    { more_email: ' ada@engines.example.com ', more_email_type: 'work' },
    { more_email: 'ada.lovelace@example.org' },
    { more_email: 'ADA@example.com', more_email_type: 'personal' },
    { more_email: '', more_email_type: 'other' },
  ],
  more_phones: [
    { more_phone: '+44 20 7946 0001', more_phone_type: 'direct-dial-in' },
    { more_phone: '+44 (20) 7946-0000', more_phone_type: 'work' },
  ],
};
const numberLine = { more_phone: 4420794600, more_phone_type: 'fax' };
/** The single ones first (the primary by default), then each line in order, repeats left out. */
const sentChannels = {
  emails: [
    { email: 'ada@example.com', type: 'primary' },
    { email: 'ada@engines.example.com', type: 'work' },
    { email: 'ada.lovelace@example.org' },
  ],
  phone_numbers: [
    { number: '+44 20 7946 0000', type: 'mobile' },
    { number: '+44 20 7946 0001', type: 'direct-dial-in' },
    { number: '4420794600', type: 'fax' },
  ],
};

describe('Create Contact and Create Lead: other emails and phone numbers as line items', () => {
  it('Create Contact sends every line after the single email and number, each with its type', async () => {
    api()
      .post('/crm/contacts', { name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace', ...sentChannels })
      .reply(201, idBody('contacts', '777'));
    const out = await run.create(
      createContact,
      { first_name: 'Ada', last_name: 'Lovelace', ...lines },
      { extra: { more_phones: [...lines.more_phones, numberLine] } },
    );
    expect(out).toMatchObject({
      id: '777',
      email: 'ada@example.com',
      email_work: 'ada@engines.example.com',
      email_personal: null,
      emails: ['ada@example.com', 'ada@engines.example.com', 'ada.lovelace@example.org'],
      phone_number: '+44 20 7946 0000',
      phone_work: null,
      phone_mobile: '+44 20 7946 0000',
      phone_numbers: ['+44 20 7946 0000', '+44 20 7946 0001', '4420794600'],
    });
    expect(Object.keys(out)).toEqual(Object.keys(createContact.operation.sample ?? {}));
  });

  it('Create Lead sends the same lists; without a single email the lines alone are sent', async () => {
    api()
      .post('/crm/leads', {
        name: 'Charles Babbage',
        first_name: 'Charles',
        last_name: 'Babbage',
        company_name: 'Analytical Engines Ltd',
        emails: [
          { email: 'charles@engines.example.com', type: 'work' },
          { email: 'cb@example.org', type: 'personal' },
        ],
        phone_numbers: [{ number: '+44 20 7946 0002', type: 'mobile' }],
      })
      .reply(201, idBody('leads', '888'));
    // One line may come as an object rather than a list of one.
    const out = await run.create(
      createLead,
      {
        first_name: 'Charles',
        last_name: 'Babbage',
        company_name: 'Analytical Engines Ltd',
        more_emails: [
          { more_email: 'charles@engines.example.com', more_email_type: 'work' },
          { more_email: 'cb@example.org', more_email_type: 'personal' },
        ],
      },
      { extra: { more_phones: { more_phone: '+44 20 7946 0002', more_phone_type: 'mobile' } } },
    );
    expect(out).toMatchObject({
      id: '888',
      email: 'charles@engines.example.com',
      email_work: 'charles@engines.example.com',
      email_personal: 'cb@example.org',
      emails: ['charles@engines.example.com', 'cb@example.org'],
      phone_number: '+44 20 7946 0002',
      phone_mobile: '+44 20 7946 0002',
    });
  });

  it('a line that is not an email, or whose type is not one of the list (primary is not), stops the step before any request, naming the line', async () => {
    const badEmail = await failureOf(
      run.create(createContact, {
        first_name: 'Ada',
        more_emails: [{ more_email: 'ada@example.com' }, { more_email: 'not an email', more_email_type: 'work' }],
      }),
    );
    expect(badEmail.message).toBe('Other Emails: line 2: Other Email must be an email address.');
    const badType = await failureOf(
      run.create(createLead, {
        first_name: 'Charles',
        more_phones: [{ more_phone: '+44 20 7946 0002', more_phone_type: 'pager' }],
      }),
    );
    expect(badType.message).toBe(
      'Other Phone Numbers: line 1: Other Phone Type must be one of secondary, home, work, office, mobile, assistant, fax, direct-dial-in, personal, billing or other.',
    );
    const badEmailType = await failureOf(
      run.create(createLead, {
        first_name: 'Charles',
        more_emails: [{ more_email: 'cb@example.org', more_email_type: 'primary' }],
      }),
    );
    // The primary one is Email: a line cannot be a second primary.
    expect(badEmailType.message).toBe(
      'Other Emails: line 1: Other Email Type must be one of secondary, work, personal, billing or other.',
    );
    const notALine = await failureOf(
      run.create(createContact, { first_name: 'Ada' }, { extra: { more_phones: ['+1 555'] } }),
    );
    expect(notALine.message).toBe(
      'Other Phone Numbers: line 1 must be a line with Other Phone Number and Other Phone Type.',
    );
    expectNothingSent();
  });

  it('the line items sit with Email and Phone Number, each type a dropdown of the documented types but primary', () => {
    for (const op of [createContact, createLead]) {
      expect(fieldOf(op, 'more_emails')).toMatchObject({ label: 'Other Emails', group: 'channels' });
      expect(fieldOf(op, 'more_phones')).toMatchObject({ label: 'Other Phone Numbers', group: 'channels' });
      const emailTypes = (fieldOf(op, 'more_emails')!.children as { key: string; choices?: { value: string }[] }[])
        .find((c) => c.key === 'more_email_type')!
        .choices!.map((c) => c.value);
      expect(emailTypes).toEqual(['secondary', 'work', 'personal', 'billing', 'other']);
    }
  });
});
