import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findContact from '../searches/findContact';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';
import contact from './fixtures/contact.json';

useNock();

describe('find_contact', () => {
  it('sends each filled-in field as a documented filter and outputs the contacts flat, as the sample', async () => {
    api()
      .get('/crm/contacts')
      .query({ 'filter[email]': 'elon@musk.com', 'filter[last_name]': 'Musk', limit: '10' })
      .reply(200, listBody('contacts', [contact]));
    const out = await run.search(findContact, { email: ' elon@musk.com ', last_name: 'Musk', name: '' });
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]!).filter((k) => !k.startsWith('custom_'))).toEqual(
      Object.keys(findContact.operation.sample ?? {}),
    );
    expect(out[0]).toMatchObject({
      id: '12345',
      name: 'Elon Musk',
      email: 'elon@musk.com',
      email_work: 'elon@spacex.com',
      email_personal: null,
      emails: ['elon@musk.com', 'elon@spacex.com'],
      phone_number: '+1 323 111-111-1111 ext. 105',
      phone_mobile: '222-222-2222',
      phone_numbers: ['+1 323 111-111-1111 ext. 105', '222-222-2222'],
      address: '25 Main street, apt #, 94104 San Francisco, CA, US',
      address_line1: 'Main street',
      address_city: 'San Francisco',
      address_country: 'US',
      website: 'https://example.com',
      social_links: ['https://www.twitter.com/apideck'],
      tags: ['New'],
    });
  });

  it('outputs custom fields flat under custom_<id> (else its name): scalars as they are, objects as JSON, first key wins', async () => {
    const custom_fields = [
      { id: '2389328923893298', name: 'employee_level', value: 'Uses Salesforce and Marketo' },
      { id: null, name: 'Score__c', value: 7 },
      { id: ' ', name: null, value: 'orphan' },
      { id: 'tools', value: ['Salesforce', 10, false, null] },
      { id: 'settings', value: { foo: 'bar' } },
      { id: 'rows', value: [{ foo: 'bar' }] },
      { id: 'dup', value: 'first' },
      { id: 'dup', value: 'second' },
      { id: 'email', value: 'not the contact email' },
    ];
    api()
      .get('/crm/contacts')
      .query({ 'filter[email]': 'elon@musk.com', limit: '10' })
      .reply(200, listBody('contacts', [{ ...contact, custom_fields }]));
    const [out] = await run.search(findContact, { email: 'elon@musk.com' });
    expect(Object.fromEntries(Object.entries(out!).filter(([k]) => k.startsWith('custom_')))).toEqual({
      custom_2389328923893298: 'Uses Salesforce and Marketo',
      custom_Score__c: 7,
      custom_tools: ['Salesforce', 10, false, null],
      custom_settings: '{"foo":"bar"}',
      custom_rows: ['{"foo":"bar"}'],
      custom_dup: 'first',
      custom_email: 'not the contact email',
    });
    expect(out).toMatchObject({ email: 'elon@musk.com' });
  });

  it('finds nothing as an empty list', async () => {
    api()
      .get('/crm/contacts')
      .query({ 'filter[phone_number]': '111-111-1111', limit: '10' })
      .reply(200, listBody('contacts', []));
    await expect(run.search(findContact, { phone_number: '111-111-1111' })).resolves.toEqual([]);
  });

  it('a filter the connector does not support is shown with its type as the code (no fallback in a search)', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'phone_number is not supported'));
    const err = await failureOf(run.search(findContact, { phone_number: '111' }));
    expect(err.message).toBe(
      'Apideck rejected the request: Unsupported filters — phone_number is not supported. The connected CRM does not support this through Apideck',
    );
    expect(err.raw).toContain('"code":"UnsupportedFiltersError"');
  });

  it('a contact without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(200, listBody('contacts', [{ name: 'Elon Musk' }]));
    const err = await failureOf(run.search(findContact, { name: 'Elon Musk' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });

  it('refuses an empty search or a bad email before any request', async () => {
    const empty = await failureOf(run.search(findContact, { email: '' }));
    expect(empty.message).toBe('Email: Enter at least one of Email, Phone Number, Full Name, First Name or Last Name.');
    const bad = await failureOf(run.search(findContact, { email: 'not-an-email' }));
    expect(bad.message).toMatch(/Email: must be an email address/);
    expectNothingSent();
  });
});
