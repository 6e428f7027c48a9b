import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateContact from '../creates/updateContact';
import { CONTACT } from '../src/samples';
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

describe('update_contact', () => {
  it("merges an email into the contact's emails by type (one read), PATCHes, reads the contact back and outputs it flat", async () => {
    api().get('/crm/contacts/12345').reply(200, oneBody('contacts', CONTACT));
    api()
      .patch('/crm/contacts/12345', {
        title: 'CTO',
        emails: [
          { id: '123', email: 'ava@northwindaero.com', type: 'work' },
          { id: '124', email: 'ava.thompson@outlook.com', type: 'personal' },
        ],
      })
      .reply(200, idBody('contacts', '12345', 'update'));
    const now = {
      ...CONTACT,
      title: 'CTO',
      emails: [
        { id: '123', email: 'ava@northwindaero.com', type: 'work' },
        { id: '124', email: 'ava.thompson@outlook.com', type: 'personal' },
      ],
    };
    api().get('/crm/contacts/12345').reply(200, oneBody('contacts', now));
    // The contact names its owner by id: one read of the user list names them.
    usersAnswer();
    const out = await run.create(updateContact, {
      contact_id: '12345',
      title: 'CTO',
      email: 'ava@northwindaero.com',
      email_type: 'work',
    });
    expect(Object.keys(out)).toEqual(Object.keys(updateContact.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '12345',
      title: 'CTO',
      owner_id: '54321',
      owner_name: 'Jordan Rivera',
      email: 'ava@northwindaero.com',
      email_work: 'ava@northwindaero.com',
      email_personal: 'ava.thompson@outlook.com',
      emails: ['ava@northwindaero.com', 'ava.thompson@outlook.com'],
      phone_number: '+1 206 555-0142 ext. 105',
      phone_mobile: '+1 206-555-0199',
    });
  });

  it('"Replace all" sends the given items alone, without reading the lists first', async () => {
    api()
      .patch('/crm/contacts/12345', { phone_numbers: [{ number: '555-0100', type: 'mobile' }] })
      .reply(200, idBody('contacts', '12345', 'update'));
    api().get('/crm/contacts/12345').reply(200, oneBody('contacts', CONTACT));
    await run.create(updateContact, {
      contact_id: '12345',
      phone_number: '555-0100',
      phone_type: 'mobile',
      channel_mode: 'replace',
    });
  });

  it("a contact that is gone is a not-found error with Apideck's text", async () => {
    api()
      .patch('/crm/contacts/999')
      .reply(404, errorBody(404, 'EntityNotFoundError', 'Unknown Contact', 'Contact 999 not found'));
    const err = await failureOf(run.create(updateContact, { contact_id: '999', title: 'CTO' }));
    expect(err.message).toBe('Apideck could not find contact 999: Unknown Contact — Contact 999 not found');
  });

  it('a read-back of the wrong shape is a clear error', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/contacts/12345')
      .reply(200, idBody('contacts', '12345', 'update'));
    api()
      .get('/crm/contacts/12345')
      .reply(200, oneBody('contacts', { ...CONTACT, emails: 'elon@musk.com' }));
    const err = await failureOf(run.create(updateContact, { contact_id: '12345', title: 'CTO' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.emails/);
  });

  it('refuses an update that changes nothing, or an id that is a path, before any request', async () => {
    const nothing = await failureOf(run.create(updateContact, { contact_id: '12345', email_type: 'work' }));
    expect(nothing.message).toMatch(/Fill in at least one field to change/);
    const dots = await failureOf(run.create(updateContact, { contact_id: '..', title: 'CTO' }));
    expect(dots.message).toBe('Contact: must be an id, not dots.');
    expectNothingSent();
  });

  it('a 500 after the PATCH is OutcomeUnknown, and the PATCH is not sent again', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/contacts/12345')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(updateContact, { contact_id: '12345', title: 'CTO' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().patch('/crm/contacts/12345').reply(302, '', { Location: 'https://elsewhere.example/crm/contacts/12345' });
    const err = await failureOf(run.create(updateContact, { contact_id: '12345', title: 'CTO' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('updateContact in the Zap editor', () => {
  itShowsCustomFieldInputs(updateContact, 'contacts');

  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(updateContact, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });

  it('Contact is picked by name and email, with a Find Contact step beside it', () => {
    expect(fieldOf(updateContact, 'contact_id')).toMatchObject({
      label: 'Contact',
      dynamic: 'list_contacts.id.name',
      search: 'find_contact.id',
    });
  });
});
