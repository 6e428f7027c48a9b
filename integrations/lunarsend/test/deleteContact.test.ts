import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { DELETE_CONTACT_PATH } from '../src/constants';
import { BASE, CONTACT_ID, api, bundle, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'creates.delete_contact.operation.perform';

describe('Delete Contact', () => {
  it('sends DELETE /contacts with { contact_id } (the v1 body) and accepts the plain-text answer', async () => {
    expect(DELETE_CONTACT_PATH).toBe('/contacts');
    api()
      .delete(`${BASE}/contacts`, { contact_id: CONTACT_ID })
      .matchHeader('content-type', 'application/json')
      .reply(200, 'Document deleted successfully', { 'content-type': 'text/plain' });
    const out = await run(perform, bundle({ contact_id: CONTACT_ID }));
    expect(out).toEqual({ id: CONTACT_ID, deleted: true, message: 'Document deleted successfully' });
    expect(keysOf(out)).toEqual(keysOf(App.creates.delete_contact.operation.sample));
  });

  it.each([
    ['a JSON string', JSON.stringify('Document deleted successfully'), 'Document deleted successfully'],
    ['a JSON message', JSON.stringify({ success: true, message: 'Deleted' }), 'Deleted'],
    ['an empty body', '', 'Document deleted successfully'],
  ])('accepts %s as the answer', async (_name, body, message) => {
    api().delete(`${BASE}/contacts`).reply(200, body);
    await expect(run(perform, bundle({ contact_id: CONTACT_ID }))).resolves.toMatchObject({ deleted: true, message });
  });

  it('says which contact could not be found (404)', async () => {
    api().delete(`${BASE}/contacts`).reply(404, { error: 'not_found', message: 'Contact not found' });
    const err = await failureOf(run(perform, bundle({ contact_id: CONTACT_ID })));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID}: Contact not found [not_found]`);
  });

  it('makes the consequence plain in its label and help text', () => {
    const op = App.creates.delete_contact;
    expect(op.display.description).toMatch(/permanently/i);
    const [field] = op.operation.inputFields as { helpText?: string }[];
    expect(field?.helpText).toMatch(/deleted permanently/);
  });

  it('rejects a missing contact id before any request', async () => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle({})));
      expect(err.message).toMatch(/Contact To Delete \(contact_id\) is missing/);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
