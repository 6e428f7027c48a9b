import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { CONTACT } from '../src/samples';
import listContacts from '../triggers/listContacts';
import { CONTACT_ID, api, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const page = (n: number, resources: unknown[]) => ({
  meta: { page: n, pages: 2, per_page: 50, total: 50 + resources.length },
  resources,
});
// Whole contacts in the spec's shape (every answer is checked against it), with their own fields.
const COMPANY = {
  ...CONTACT,
  id: '5049fb849b85f669e40000dd',
  record_type: 'company',
  fields: { 'company name': [{ value: 'Nimble', modifier: '', field_id: '5049f697a694620a07000045' }] },
};
const BARE = { ...CONTACT, id: '5049fb849b85f669e40000de', record_type: 'person', fields: {} };

describe('Contact dropdown (list_contacts)', () => {
  it('asks for the first page, newest first, in one request, labelled "name (email)"', async () => {
    api()
      .get('/api/v1/contacts')
      .query({ sort: 'created:desc', per_page: '50', page: '1' })
      .reply(200, page(1, [CONTACT, COMPANY, BARE]));
    const out = await run.trigger(listContacts, {}, { meta: { isFillingDynamicDropdown: true, page: 0 } });
    expect(out).toEqual([
      { id: CONTACT_ID, name: 'Maria Lopez (maria.lopez@brightwave.io)' },
      { id: COMPANY.id, name: 'Nimble' },
      { id: BARE.id, name: BARE.id },
    ]);
  });

  it("maps Zapier's 0-based bundle.meta.page to Nimble's 1-based page", async () => {
    api().get('/api/v1/contacts').query({ sort: 'created:desc', per_page: '50', page: '3' }).reply(200, page(3, []));
    expect(await run.trigger(listContacts, {}, { meta: { isFillingDynamicDropdown: true, page: 2 } })).toEqual([]);
  });

  it("shows Nimble's text for a 400", async () => {
    api().get('/api/v1/contacts').query(true).reply(400, { message: 'Invalid sort field', code: 400 });
    const err = await failureOf(run.trigger(listContacts, {}));
    expect(err.message).toBe('Nimble rejected the request: Invalid sort field');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().get('/api/v1/contacts').query(true).reply(200, { meta: {} });
    const err = await failureOf(run.trigger(listContacts, {}));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: resources is missing.');
  });
});
