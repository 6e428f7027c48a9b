import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import deleteContact from '../creates/deleteContact';
import { BASE, CONTACT_ID, api, lunarError, run } from './helpers';

useNock();

const remove = () =>
  api().delete(`${BASE}/contacts`, { contact_id: CONTACT_ID }).matchHeader('content-type', 'application/json');

describe('Delete Contact', () => {
  it('help text says what happens to the contact, and nothing about the call behind it', () => {
    const [contact] = deleteContact.operation.inputFields ?? [];
    expect(contact).toMatchObject({ key: 'contact_id', label: 'Contact To Delete', dynamic: 'list_contacts.id.name' });
    expect(contact?.helpText).toBe(
      'The contact. Pick one from the list, or map a Contact ID from a **Find Contact** step or another earlier step. **The contact is deleted permanently** and cannot be restored; its deals stay.',
    );
  });

  it('sends DELETE /contacts with { contact_id } (the v1 body) and reads the plain-text answer', async () => {
    remove().reply(200, 'Document deleted successfully', { 'content-type': 'text/plain' });
    const out = await run.create(deleteContact, { contact_id: CONTACT_ID });
    expect(out).toEqual({ id: CONTACT_ID, deleted: true, message: 'Document deleted successfully' });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...deleteContact.operation.sample }).sort());
  });

  it.each([
    ['a JSON string', JSON.stringify('Contact removed'), 'Contact removed'],
    ['a JSON message', JSON.stringify({ success: true, message: 'Deleted' }), 'Deleted'],
    ['an empty body', '', 'Document deleted successfully'],
    ['an HTML page', '<html>ok</html>', 'Document deleted successfully'],
  ])('reads %s as the answer', async (_name, body, message) => {
    remove().reply(200, body);
    await expect(run.create(deleteContact, { contact_id: CONTACT_ID })).resolves.toEqual({
      id: CONTACT_ID,
      deleted: true,
      message,
    });
  });

  it.each([
    ['{ status: "error" }', { status: 'error', error: 'delete_failed', message: 'The contact has open deals.' }],
    ['{ success: false }', { success: false, error: 'delete_failed', message: 'The contact has open deals.' }],
  ])('an error envelope answered with HTTP 200 (%s) is an error, not `deleted: true`', async (_name, envelope) => {
    remove().reply(200, envelope);
    const err = await failureOf(run.create(deleteContact, { contact_id: CONTACT_ID }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'ErrorEnvelope', status: 200 });
    expect(err.message).toBe('LunarSend answered with an error: The contact has open deals.');
  });

  it('says which contact could not be found (404)', async () => {
    remove().reply(404, lunarError('not_found', 'Contact not found'));
    const err = await failureOf(run.create(deleteContact, { contact_id: CONTACT_ID }));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID}: Contact not found`);
  });

  it('a 500 may have deleted the contact: OutcomeUnknown, not retried', async () => {
    remove().reply(500, lunarError('server_error', 'Internal error'));
    const err = await failureOf(run.create(deleteContact, { contact_id: CONTACT_ID }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
    remove().reply(302, '', { Location: 'https://elsewhere.example/contacts' });
    const err = await failureOf(run.create(deleteContact, { contact_id: CONTACT_ID }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 302 });
  });

  it.each([
    [{}, /Contact To Delete is missing/],
    [{ contact_id: '..' }, /Contact To Delete: must be an id/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(deleteContact, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
