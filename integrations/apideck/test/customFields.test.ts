import { useNock } from '@crm-zapier/kit/testing';
import { flattenCompany, flattenContact, flattenLead, flattenOpportunity } from '../src/map';
import { COMPANY, CONTACT, LEAD, OPPORTUNITY } from '../src/samples';
import type { CustomField } from '../src/schemas';
import { api, bundle, errorBody, listBody, run } from './helpers';

useNock();

/**
 * `custom_fields` as Apideck's examples give them (apideck-crm.openapi.yml): the text field every
 * record example carries, and the `CustomField.value` schema's number example.
 */
const TEXT: CustomField = {
  id: '2389328923893298',
  name: 'employee_level',
  description: 'Employee Level',
  value: 'Uses Salesforce and Marketo',
};
const NUMBER: CustomField = { id: '10001', name: 'employee_count', value: 10 };

/** A list answer whose one page of records comes back for any query. */
const listing = (path: string, resource: string, data: unknown[]) => {
  const uris: string[] = [];
  api()
    .get(path)
    .query(true)
    .reply(function (uri) {
      uris.push(uri);
      return [200, listBody(resource, data)];
    });
  return uris;
};

describe('custom fields come out flat, one key each (apideck-crm.md §6.1 and the CustomField schema)', () => {
  it.each([
    ['contact', () => flattenContact({ ...CONTACT, custom_fields: [TEXT, NUMBER] })],
    ['company', () => flattenCompany({ ...COMPANY, custom_fields: [TEXT, NUMBER] })],
    ['lead', () => flattenLead({ ...LEAD, custom_fields: [TEXT, NUMBER] })],
    ['deal', () => flattenOpportunity({ ...OPPORTUNITY, custom_fields: [TEXT, NUMBER] })],
  ])("a %s keeps the example's text value and number value under custom_<id>", (_name, flatten) => {
    expect(flatten()).toMatchObject({ custom_2389328923893298: 'Uses Salesforce and Marketo', custom_10001: 10 });
  });

  it('every documented value type is flattened like the rest of the app: scalars as they are, lists of scalars, objects as JSON', () => {
    const out = flattenContact({
      ...CONTACT,
      custom_fields: [
        { id: 'flag', value: true },
        { id: 'nothing', value: null },
        { id: 'missing' } as CustomField,
        { id: 'tools', value: ['Salesforce', 10, false, null] },
        { id: 'settings', value: { foo: 'bar' } },
        { id: 'rows', value: [{ foo: 'bar' }] },
      ],
    });
    expect(out).toMatchObject({
      custom_flag: true,
      custom_nothing: null,
      custom_missing: null,
      custom_tools: ['Salesforce', 10, false, null],
      custom_settings: '{"foo":"bar"}',
      custom_rows: ['{"foo":"bar"}'],
    });
  });

  it('a field without an id is keyed by its name; one with neither is left out; the first of two keys wins; no app key is taken', () => {
    const out = flattenContact({
      ...CONTACT,
      custom_fields: [
        { id: null, name: 'Score__c', value: 7 },
        { id: ' ', name: null, value: 'orphan' },
        { id: 'dup', value: 'first' },
        { id: 'dup', value: 'second' },
        { id: 'email', value: 'not the contact email' },
      ],
    });
    expect(out).toMatchObject({
      custom_Score__c: 7,
      custom_dup: 'first',
      custom_email: 'not the contact email',
      email: 'elon@musk.com',
    });
    expect(Object.keys(out).filter((k) => k.startsWith('custom_'))).toEqual([
      'custom_Score__c',
      'custom_dup',
      'custom_email',
    ]);
  });

  it("New Deal outputs the example record's custom fields (they were dropped before)", async () => {
    listing('/crm/opportunities', 'opportunities', [{ ...OPPORTUNITY, custom_fields: [TEXT, NUMBER] }]);
    const [deal] = (await run('triggers.new_deal.operation.perform', bundle())) as Record<string, unknown>[];
    expect(deal).toMatchObject({ custom_2389328923893298: 'Uses Salesforce and Marketo', custom_10001: 10 });
  });

  it('Find Company and Find Lead output them too', async () => {
    listing('/crm/companies', 'companies', [{ ...COMPANY, custom_fields: [TEXT] }]);
    const [company] = (await run('searches.find_company.operation.perform', bundle({ name: 'SpaceX' }))) as object[];
    expect(company).toMatchObject({ custom_2389328923893298: 'Uses Salesforce and Marketo' });
    listing('/crm/leads', 'leads', [{ ...LEAD, custom_fields: [NUMBER] }]);
    const [lead] = (await run('searches.find_lead.operation.perform', bundle({ email: 'elon@musk.com' }))) as object[];
    expect(lead).toMatchObject({ custom_10001: 10 });
  });
});

describe('custom fields are labelled with their names (apideck-crm.md §6.1)', () => {
  it('labels come from one plain listing of the resource (no filter, sort or limit): name, else description, else id', async () => {
    const uris = listing('/crm/contacts', 'contacts', [
      { ...CONTACT, custom_fields: [TEXT, NUMBER] },
      {
        ...CONTACT,
        id: '2',
        custom_fields: [TEXT, { id: 'described', description: 'Described Only', value: 1 }, { id: 'bare', value: 2 }],
      },
    ]);
    const fields = (await run('triggers.new_contact.operation.outputFields', bundle())) as {
      key: string;
      label: string;
    }[];
    expect(uris).toEqual(['/crm/contacts']);
    expect(fields.filter((f) => f.key.startsWith('custom_'))).toEqual([
      { key: 'custom_2389328923893298', label: 'employee_level' },
      { key: 'custom_10001', label: 'employee_count' },
      { key: 'custom_described', label: 'Described Only' },
      { key: 'custom_bare', label: 'bare' },
    ]);
    // The static labels are still there.
    expect(fields).toContainEqual({ key: 'email', label: 'Email' });
  });

  it('every contact, company, deal and lead operation labels them from its own resource', async () => {
    const cases: [string, string, object][] = [
      ['searches.find_company.operation.outputFields', 'companies', COMPANY],
      ['triggers.updated_deal.operation.outputFields', 'opportunities', OPPORTUNITY],
      ['creates.create_lead.operation.outputFields', 'leads', LEAD],
      ['triggers.new_company_instant.operation.outputFields', 'companies', COMPANY],
      ['creates.update_contact.operation.outputFields', 'contacts', CONTACT],
    ];
    for (const [method, resource, record] of cases) {
      listing(`/crm/${resource}`, resource, [{ ...record, custom_fields: [TEXT] }]);
      const fields = (await run(method, bundle())) as { key: string; label: string }[];
      expect([method, fields.filter((f) => f.key.startsWith('custom_'))]).toEqual([
        method,
        [{ key: 'custom_2389328923893298', label: 'employee_level' }],
      ]);
    }
  });

  it('a listing that fails gives no labels rather than an error (the values still come through)', async () => {
    api()
      .get('/crm/contacts')
      .reply(500, errorBody(500, 'UnexpectedError', 'boom'));
    const fields = (await run('searches.find_contact.operation.outputFields', bundle())) as { key: string }[];
    expect(fields.filter((f) => f.key.startsWith('custom_'))).toEqual([]);
    expect(fields.length).toBeGreaterThan(10);
  });
});
