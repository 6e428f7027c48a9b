import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { CONTACT, CONTACT_FIELDS } from '../src/samples';
import newContact from '../triggers/newContact';
import { FLAT_CONTACT, api, listing, offContract, outputFieldsOf, runner, staticKeys, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const newest = (query: Record<string, string> = {}) =>
  api()
    .get('/api/v1/contacts')
    .query({ sort: 'created:desc', per_page: '50', page: '1', ...query });

describe('New Contact (new_contact)', () => {
  it("asks for the newest contacts, and once per connection the drop-down fields' options, labels beside ids", async () => {
    const connection = runner();
    newest()
      .times(2)
      .reply(200, listing([CONTACT]));
    // Read on the first run only: the labels are kept in the connection's z.cache.
    api().get('/api/v1/contacts/fields').once().reply(200, CONTACT_FIELDS);
    for (const _run of [1, 2]) {
      const out = await connection.trigger(newContact, {});
      expect(out).toEqual([FLAT_CONTACT]);
      expect(staticKeys(out[0]!)).toEqual(Object.keys(newContact.operation.sample ?? {}));
    }
  });

  it('reads no field options when no contact has fields of its own (one request)', async () => {
    const { source: _s, 'lead status': _l, ...standard } = CONTACT.fields;
    newest().reply(200, listing([{ ...CONTACT, fields: standard }]));
    const [out] = await runner().trigger(newContact, {});
    expect(Object.keys(out!).filter((k) => k.startsWith('fields__'))).toEqual([]);
  });

  it('filters by contact type with record_type', async () => {
    newest({ record_type: 'company' }).reply(200, listing([]));
    expect(await run.trigger(newContact, { record_type: 'company' })).toEqual([]);
  });

  it("shows Nimble's own text for a 403", async () => {
    api().get('/api/v1/contacts').query(true).reply(403, { message: 'email_verification_required' });
    const err = await failureOf(run.trigger(newContact, {}));
    expect(err.message).toBe(
      'Nimble refused access: Email verification required. Check that the user you connected with may do this in Nimble.',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get('/api/v1/contacts')
      .query(true)
      .reply(200, { resources: [{ record_type: 'person', fields: {} }] });
    const err = await failureOf(run.trigger(newContact, {}));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: resources[0].id is missing.');
  });

  it("labels the account's fields__<name> outputs, read-only ones included, from the fields metadata", async () => {
    api()
      .get('/api/v1/contacts/fields')
      .reply(200, {
        tabs: [
          {
            tab_name: 'Contact Info',
            members: [
              {
                type: 'group',
                name: 'Basic',
                fields: [
                  { type: 'field', name: 'first name', field_id: 'f1', field_type: { field_kind: 'string' } },
                  { type: 'field', name: 'source', field_id: 'f2', read_only: true },
                ],
              },
              {
                type: 'field',
                name: 'lead type',
                field_id: 'f3',
                field_type: { field_kind: 'choice', values: { ordering_type: 'ordinal', values: [] } },
              },
              { type: 'field', name: 'Social', field_id: 'f5', field_type: { field_kind: 'address' } },
              { type: 'field', name: 'source', field_id: 'f6' },
            ],
          },
        ],
      });
    const fields = await outputFieldsOf('triggers.new_contact');
    expect(fields.filter((f) => f.key.startsWith('fields__'))).toEqual([
      { key: 'fields__source', label: 'Source' },
      { key: 'fields__lead type__label', label: 'Lead Type' },
      { key: 'fields__lead type', label: 'Lead Type (Option ID)' },
      { key: 'fields__Social', label: 'Social' },
    ]);
  });
});
