import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { CONTACT } from '../src/samples';
import updatedContact from '../triggers/updatedContact';
import {
  CONTACT_ID,
  FLAT_CONTACT,
  api,
  contactFieldsMeta,
  listing,
  offContract,
  runner,
  staticKeys,
  useEnv,
} from './helpers';

useNock();
useEnv();
const run = runner();
// The drop-down labels of the contact output (read once, then kept in the runner's z.cache).
beforeEach(() => contactFieldsMeta());

const UPDATED = { ...CONTACT, updated: '2024-05-01T10:00:00+0000' };

describe('Updated Contact (updated_contact)', () => {
  it('asks for the most recently updated contacts and gives each update its own id', async () => {
    api()
      .get('/api/v1/contacts')
      .query({ sort: 'updated:desc', per_page: '50', page: '1', record_type: 'person' })
      .reply(200, listing([UPDATED]));
    const out = await run.trigger(updatedContact, { record_type: 'person' });
    expect(out).toEqual([
      {
        ...FLAT_CONTACT,
        id: `${CONTACT_ID}-${Date.parse('2024-05-01T10:00:00Z')}`,
        // The contact's own id beside the change's.
        contact_id: CONTACT_ID,
        updated: '2024-05-01T10:00:00+0000',
      },
    ]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(updatedContact.operation.sample ?? {}));
  });

  it('waits as long as Nimble says on a 429', async () => {
    api()
      .get('/api/v1/contacts')
      .query(true)
      .reply(429, { message: 'Too many requests', code: 429 }, { 'Retry-After': '30' });
    const err = await failureOf(run.trigger(updatedContact, {}));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toBe('Nimble is rate limiting requests (Too many requests); Zapier will retry in 30 s.');
  });

  it('says what is wrong in an answer of the wrong shape', async () => {
    offContract()
      .get('/api/v1/contacts')
      .query(true)
      .reply(200, { resources: [{ id: CONTACT_ID, fields: [] }] });
    const err = await failureOf(run.trigger(updatedContact, {}));
    expect(err.message).toMatch(/^Nimble sent an answer of an unexpected shape: resources\[0\]\.fields: /);
  });
});
