import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateContact from '../creates/updateContact';
import { CONTACT } from './documented';
import { BASE, CONTACT_ID, api, lunarError, run } from './helpers';

useNock();

const changed = { ...CONTACT, job_title: 'Head of Sales', email: 'joe@new.example' };

describe('Update Contact', () => {
  it('sends PATCH /contacts with the id and only the changed fields inside data', async () => {
    api()
      .patch(`${BASE}/contacts`, { data: { id: CONTACT_ID, job_title: 'Head of Sales', email: 'joe@new.example' } })
      .matchHeader('content-type', 'application/json')
      .reply(200, [{ success: true, data: changed }]);
    const out = await run.create(updateContact, {
      contact_id: CONTACT_ID,
      job_title: 'Head of Sales',
      email: 'joe@new.example',
      company: '',
    });
    expect(out).toEqual({
      id: CONTACT_ID,
      first_name: 'Joe',
      last_name: 'Doe',
      full_name: 'Joe Doe',
      email: 'joe@new.example',
      phone: '+12025550123',
      company: null,
      job_title: 'Head of Sales',
      notes: '',
      user_id: CONTACT.user_id,
      owner: 'John',
      created_at: CONTACT.created_at,
      last_activity: null,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...updateContact.operation.sample }).sort());
  });

  it("help text: an empty Owner keeps the contact's owner (it does not make the connected account the owner)", () => {
    const owner = updateContact.operation.inputFields?.find((f) => f.key === 'user_id');
    expect(owner).toMatchObject({ label: 'Owner', dynamic: 'list_team_users.id.name' });
    expect(owner?.helpText).toBe(
      'The team member who owns this record from now on. Leave empty to keep its current owner.',
    );
  });

  it('outputs no Tags: the edit answer has none, and an empty list would say the contact has no tags', () => {
    expect(Object.keys({ ...updateContact.operation.sample })).not.toContain('tags');
    expect(updateContact.operation.outputFields?.map((f) => (typeof f === 'function' ? '' : f.key))).not.toContain(
      'tags',
    );
  });

  it('names the contact when LunarSend cannot find it (404)', async () => {
    api().patch(`${BASE}/contacts`).reply(404, lunarError('not_found', 'Contact not found'));
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, notes: 'x' }));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID}: Contact not found`);
  });

  it('refuses a success answer without the contact', async () => {
    api()
      .patch(`${BASE}/contacts`)
      .reply(200, [{ success: true }]);
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, notes: 'x' }));
    expect(err.message).toBe(
      'LunarSend accepted the request but sent an answer of an unexpected shape: [0].data is missing, so the change may or may not have been made in LunarSend. Check in LunarSend before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('a 500 may have changed the contact: OutcomeUnknown, not retried', async () => {
    api().patch(`${BASE}/contacts`).reply(500, lunarError('server_error', 'Internal error'));
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, notes: 'x' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
    api().patch(`${BASE}/contacts`).reply(302, '', { Location: 'https://elsewhere.example/contacts' });
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, notes: 'x' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 302 });
  });

  it.each([
    [{ contact_id: CONTACT_ID }, /^Please fill in at least one field to change on the contact\.$/],
    [{ contact_id: CONTACT_ID, first_name: '  ' }, /at least one field/],
    [{ job_title: 'CEO' }, /Contact is missing/],
    [{ contact_id: 'has space', job_title: 'CEO' }, /Contact: must be an id/],
    [{ contact_id: CONTACT_ID, email: 'not-an-email' }, /Email: must be an email address/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(updateContact, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
