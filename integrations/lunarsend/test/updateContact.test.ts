import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { CONTACT } from '../src/samples';
import { BASE, CONTACT_ID, api, bundle, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'creates.update_contact.operation.perform';

describe('Update Contact', () => {
  it('sends PATCH /contacts with the id and only the changed fields inside data', async () => {
    api()
      .patch(`${BASE}/contacts`, { data: { id: CONTACT_ID, job_title: 'Head of Sales', email: 'joe@new.example' } })
      .matchHeader('content-type', 'application/json')
      .reply(200, [{ success: true, data: { ...CONTACT, job_title: 'Head of Sales', email: 'joe@new.example' } }]);
    const out = (await run(
      perform,
      bundle({ contact_id: CONTACT_ID, job_title: 'Head of Sales', email: 'joe@new.example', company: '' }),
    )) as Record<string, unknown>;
    expect(out).toMatchObject({
      id: CONTACT_ID,
      job_title: 'Head of Sales',
      email: 'joe@new.example',
      last_name: 'Doe',
    });
    expect(keysOf(out)).toEqual(keysOf(App.creates.update_contact.operation.sample));
  });

  it('offers the contact as a dropdown backed by list_contacts, or a Find Contact search', () => {
    const [field] = App.creates.update_contact.operation.inputFields as { dynamic?: string; search?: string }[];
    expect(field).toMatchObject({ dynamic: 'list_contacts.id.name', search: 'find_contact.id' });
  });

  it('names the contact when LunarSend cannot find it (404)', async () => {
    api().patch(`${BASE}/contacts`).reply(404, { error: 'not_found', message: 'Contact not found' });
    const err = await failureOf(run(perform, bundle({ contact_id: CONTACT_ID, notes: 'x' })));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID}: Contact not found [not_found]`);
  });

  it.each([
    [{ contact_id: CONTACT_ID }, /at least one field/],
    [{ contact_id: CONTACT_ID, first_name: '  ' }, /at least one field/],
    [{ job_title: 'CEO' }, /Contact \(contact_id\) is missing/],
    [{ contact_id: 'has space', job_title: 'CEO' }, /Contact \(contact_id\): must be an id/],
    [{ contact_id: CONTACT_ID, email: 'not-an-email' }, /Email \(email\): must be an email address/],
  ])('rejects %j before any request', async (bad, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle(bad)));
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
