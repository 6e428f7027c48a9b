import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateContact from '../creates/updateContact';
import { CONTACT } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, idBody, oneBody, run } from './helpers';

useNock();

describe('update_contact', () => {
  it("merges an email into the contact's emails by type (one read), PATCHes, reads the contact back and outputs it flat", async () => {
    api().get('/crm/contacts/12345').reply(200, oneBody('contacts', CONTACT));
    api()
      .patch('/crm/contacts/12345', {
        title: 'CTO',
        emails: [
          { id: '123', email: 'elon@musk.com', type: 'primary' },
          { id: '124', email: 'elon@tesla.com', type: 'work' },
        ],
      })
      .reply(200, idBody('contacts', '12345', 'update'));
    const now = {
      ...CONTACT,
      title: 'CTO',
      emails: [
        { id: '123', email: 'elon@musk.com', type: 'primary' },
        { id: '124', email: 'elon@tesla.com', type: 'work' },
      ],
    };
    api().get('/crm/contacts/12345').reply(200, oneBody('contacts', now));
    const out = await run.create(updateContact, {
      contact_id: '12345',
      title: 'CTO',
      email: 'elon@tesla.com',
      email_type: 'work',
    });
    expect(Object.keys(out)).toEqual(Object.keys(updateContact.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '12345',
      title: 'CTO',
      email: 'elon@musk.com',
      email_work: 'elon@tesla.com',
      phone_number: '+1 323 111-111-1111 ext. 105',
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
    expect(err.message).toBe(
      'Apideck could not find contact 999: EntityNotFoundError: Unknown Contact — Contact 999 not found',
    );
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
    expect(dots.message).toMatch(/Contact/);
    expectNothingSent();
  });

  it('a 500 after the PATCH is OutcomeUnknown, and the PATCH is not sent again', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/contacts/12345')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(updateContact, { contact_id: '12345', title: 'CTO' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: UnexpectedError: Something broke');
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
