import { useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { CONTACT } from '../src/samples';
import { CONTACT_ID, api, bundle, run, useEnv } from './helpers';

useNock();
useEnv();

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
    const out = await run(
      'triggers.list_contacts.operation.perform',
      bundle({}, { isFillingDynamicDropdown: true, page: 0 }),
    );
    expect(out).toEqual([
      { id: CONTACT_ID, name: 'Amayak Akopyan (amayak@nimble.com)' },
      { id: COMPANY.id, name: 'Nimble' },
      { id: BARE.id, name: BARE.id },
    ]);
  });

  it("maps Zapier's 0-based bundle.meta.page to Nimble's 1-based page", async () => {
    api().get('/api/v1/contacts').query({ sort: 'created:desc', per_page: '50', page: '3' }).reply(200, page(3, []));
    expect(
      await run('triggers.list_contacts.operation.perform', bundle({}, { isFillingDynamicDropdown: true, page: 2 })),
    ).toEqual([]);
  });

  it('is hidden, pages, and powers every contact-id input (single ones with Find Contact too)', () => {
    const trigger = App.triggers!.list_contacts!;
    expect(trigger.display.hidden).toBe(true);
    expect(trigger.operation).toMatchObject({ type: 'polling', canPaginate: true });
    const fieldOf = (create: 'update_contact' | 'create_note' | 'create_task' | 'create_deal', key: string) =>
      (App.creates![create]!.operation.inputFields as { key?: string }[]).find((f) => f.key === key);
    expect(fieldOf('update_contact', 'contact_id')).toMatchObject({
      dynamic: 'list_contacts.id.name',
      search: 'find_contact.id',
    });
    for (const create of ['create_note', 'create_task', 'create_deal'] as const) {
      const f = fieldOf(create, 'contact_ids');
      // A list: dropdown yes, search button no (Zapier only allows search-powered single values).
      expect(f).toMatchObject({ dynamic: 'list_contacts.id.name', list: true });
      expect(f).not.toHaveProperty('search');
    }
  });
});
