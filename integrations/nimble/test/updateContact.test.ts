import type nock from 'nock';
import { expectNothingSent, failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import updateContact from '../creates/updateContact';
import { CONTACT } from '../src/samples';
import {
  CONTACT_ID,
  FLAT_CONTACT,
  api,
  contactFieldsMeta,
  expectWriteSafety,
  offContract,
  runner,
  staticKeys,
  useEnv,
} from './helpers';

useNock();
useEnv();
const run = runner();

/** One field value as Nimble answers it (the contract requires the field id). */
const fv = (value: string) => ({ value, modifier: '', field_id: '5049f697a694620a07000043' });
const COMPANY = { ...CONTACT, record_type: 'company', fields: { 'company name': [fv('Nimble')] } };
const put = (body: nock.RequestBodyMatcher, mode: '0' | '1' = '0') =>
  api().put(`/api/v1/contact/${CONTACT_ID}`, body).query({ type: mode, replace: mode });

describe('Update Contact (update_contact)', () => {
  it('nimble.md §7.4 C6: replaces with PUT ?type=1&replace=1 (both flag names) and only the fields given', async () => {
    put({ fields: { email: [{ value: 'new@example.com', modifier: 'work' }] } }, '1').reply(200, CONTACT);
    contactFieldsMeta();
    const out = await run.create(updateContact, { contact_id: CONTACT_ID, mode: 'replace', email: 'new@example.com' });
    expect(out).toEqual(FLAT_CONTACT);
    expect(staticKeys(out)).toEqual(Object.keys(updateContact.operation.sample ?? {}));
  });

  it('nimble.md §7.4 C6: extends with ?type=0&replace=0 by default', async () => {
    put({ fields: { phone: [{ value: '+1 555', modifier: 'main' }] } }).reply(200, CONTACT);
    contactFieldsMeta();
    expect(await run.create(updateContact, { contact_id: CONTACT_ID, phone_main: '+1 555' })).toEqual(FLAT_CONTACT);
  });

  it("reads a company's type, then sends its Company Name as the company's name (2 requests)", async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [COMPANY] });
    put({ fields: { 'company name': [{ value: 'Nimble Inc', modifier: '' }] } }).reply(200, {
      ...COMPANY,
      fields: { 'company name': [fv('Nimble Inc')] },
    });
    const out = await run.create(updateContact, { contact_id: CONTACT_ID, company_name: 'Nimble Inc' });
    expect(out).toMatchObject({ record_type: 'company', name: 'Nimble Inc', company_name: 'Nimble Inc' });
  });

  it("nimble.md §7.2: a Job Title alone merges into the person's current employment (company and dates stay)", async () => {
    // CONTACT works at Brightwave Analytics as Sales Director (`is_present`), its primary employment.
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [CONTACT] });
    put({
      fields: {
        'contact employment': [
          { value: '{"company_name":"Brightwave Analytics","title":"VP Sales","is_present":true}', modifier: '' },
        ],
      },
    }).reply(200, CONTACT);
    contactFieldsMeta();
    await run.create(updateContact, { contact_id: CONTACT_ID, title: 'VP Sales' });
  });

  it('an address part merges into the current address of its type (the other parts stay); another type starts empty', async () => {
    // CONTACT's work address: 500 Howard St, Suite 300, San Francisco, CA 94105, United States.
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .times(2)
      .reply(200, { resources: [CONTACT] });
    const work =
      '{"street":"500 Howard St, Suite 300","city":"Oakland","state":"CA","zip":"94612","country":"United States"}';
    put({ fields: { address: [{ value: work, modifier: 'work' }] } }).reply(200, CONTACT);
    put({ fields: { address: [{ value: '{"city":"Oakland"}', modifier: 'home' }] } }).reply(200, CONTACT);
    contactFieldsMeta();
    await run.create(updateContact, { contact_id: CONTACT_ID, address_city: 'Oakland', address_zip: '94612' });
    await run.create(updateContact, { contact_id: CONTACT_ID, address_city: 'Oakland', address_type: 'home' });
  });

  it("with no Address Type, changes the main address, read in Python's quoting too (a street holding a quote)", async () => {
    const home = `{'street': "St John's Rd", 'city': 'Leeds', 'zip': 'LS1 4AP', 'country': 'United Kingdom'}`;
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, {
        resources: [{ ...CONTACT, fields: { ...CONTACT.fields, address: [{ ...fv(home), modifier: 'home' }] } }],
      });
    const merged = '{"street":"St John\'s Rd","city":"Bristol","zip":"LS1 4AP","country":"United Kingdom"}';
    put({ fields: { address: [{ value: merged, modifier: 'home' }] } }).reply(200, CONTACT);
    contactFieldsMeta();
    await run.create(updateContact, { contact_id: CONTACT_ID, address_city: 'Bristol' });
  });

  it('refuses to change some parts of an address it cannot read, naming the fields, before changing anything', async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, {
        resources: [{ ...CONTACT, fields: { ...CONTACT.fields, address: [{ ...fv('Leeds, UK'), modifier: 'work' }] } }],
      });
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, address_city: 'Bristol' }));
    expect(err.message).toBe(
      "Address: Nimble holds this contact's work address in a form that cannot be read, so changing only some of its parts would erase the others. Fill in Street, City, State, ZIP Code and Country.",
    );
  });

  it('refuses a Job Title for a company, naming the field, before changing anything', async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [{ ...CONTACT, record_type: 'company', fields: {} }] });
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, title: 'CEO', phone_work: '1' }));
    expect(err.message).toBe('Job Title: this contact is a company, and only people have a job title. Leave it empty.');
  });

  it('names the contact Nimble could not find', async () => {
    api()
      .put(`/api/v1/contact/${CONTACT_ID}`)
      .query(true)
      .reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, first_name: 'X' }));
    expect(err.message).toBe(
      'Nimble could not find this contact: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .put(`/api/v1/contact/${CONTACT_ID}`)
      .query(true)
      .reply(200, { resources: [CONTACT] });
    const err = await failureOf(run.create(updateContact, { contact_id: CONTACT_ID, first_name: 'X' }));
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: id is missing; fields is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().put(`/api/v1/contact/${CONTACT_ID}`).query(true),
      () => run.create(updateContact, { contact_id: CONTACT_ID, first_name: 'X' }),
    );
  });

  it.each([
    [{ contact_id: CONTACT_ID }, /^Please fill in at least one field to update the contact\.$/],
    [{ contact_id: '../x', first_name: 'X' }, /Contact: must be an id/],
    [{ contact_id: CONTACT_ID, mode: 'merge', first_name: 'X' }, /How To Change Fields/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(updateContact, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('locks per connection and contact: a merge reads the contact, so two runs on it go one at a time', () => {
    const lock = updateContact.operation.lock!;
    expect(lock.scope).toEqual(['auth']);
    expect(renderKey(lock.key, { inputData: { contact_id: CONTACT_ID } })).toBe(`nimble:update_contact:${CONTACT_ID}`);
  });
});
