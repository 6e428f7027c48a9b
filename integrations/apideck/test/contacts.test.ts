import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { api, bundle, idBody, listBody, queryOf, run } from './helpers';
import contact from './fixtures/contact.json';

useNock();

/** A GET that records its query, answering with `body`. */
const getWithQuery = (path: string, body: unknown) => {
  const seen: { query?: Record<string, string> } = {};
  api()
    .get(path)
    .query(true)
    .reply(function (uri) {
      seen.query = queryOf(uri);
      return [200, body];
    });
  return seen;
};

describe('find_contact', () => {
  it('sends each filled-in field as a documented filter and flattens the contacts', async () => {
    const seen = getWithQuery('/crm/contacts', listBody('contacts', [contact]));
    const result = (await run(
      'searches.find_contact.operation.perform',
      bundle({ email: ' elon@musk.com ', last_name: 'Musk', name: '', phone_number: null }),
    )) as Record<string, unknown>[];
    expect(seen.query).toEqual({ 'filter[email]': 'elon@musk.com', 'filter[last_name]': 'Musk', limit: '10' });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      id: '12345',
      contact_id: '12345',
      name: 'Elon Musk',
      email: 'elon@musk.com',
      email_work: 'elon@spacex.com',
      email_personal: null,
      emails: ['elon@musk.com', 'elon@spacex.com'],
      phone_number: '+1 323 111-111-1111 ext. 105',
      phone_mobile: '222-222-2222',
      phone_numbers: ['+1 323 111-111-1111 ext. 105', '222-222-2222'],
      address_city: 'San Francisco',
      address_country: 'US',
      address: '25 Main street, apt #, 94104 San Francisco, CA, US',
      website: 'https://example.com',
      social_links: ['https://www.twitter.com/apideck'],
      tags: ['New'],
    });
  });

  it('finds by phone number with filter[phone_number]', async () => {
    const seen = getWithQuery('/crm/contacts', listBody('contacts', []));
    await expect(
      run('searches.find_contact.operation.perform', bundle({ phone_number: '111-111-1111' })),
    ).resolves.toEqual([]);
    expect(seen.query).toEqual({ 'filter[phone_number]': '111-111-1111', limit: '10' });
  });

  it('rejects an empty search or a bad email before any request', async () => {
    const err = await failureOf(run('searches.find_contact.operation.perform', bundle({ email: '' })));
    expect(err.message).toMatch(/Please check your input: .*Enter at least one of Email/);
    const bad = await failureOf(run('searches.find_contact.operation.perform', bundle({ email: 'not-an-email' })));
    expect(bad.message).toMatch(/Email \(email\): must be an email address/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('create_contact', () => {
  it('POSTs the contact with typed emails, phone numbers, address and tags, and returns it flat', async () => {
    let sent: unknown;
    api()
      .post('/crm/contacts', (body) => ((sent = body), true))
      .reply(201, idBody('contacts', '777'));
    const result = (await run(
      'creates.create_contact.operation.perform',
      bundle({
        first_name: 'Ada',
        last_name: 'Lovelace',
        title: 'Analyst',
        company_id: '23456',
        owner_id: '54321',
        type: 'customer',
        email: 'ada@example.com',
        email_type: 'work',
        phone_number: '+44 20 7946 0000',
        phone_type: 'mobile',
        address_line1: '12 St James Square',
        address_city: 'London',
        address_country: 'gb',
        website: 'https://ada.example.com',
        tags: ['Engines', ' ', 'Maths'],
        description: '',
      }),
    )) as Record<string, unknown>;
    expect(sent).toEqual({
      name: 'Ada Lovelace',
      first_name: 'Ada',
      last_name: 'Lovelace',
      title: 'Analyst',
      company_id: '23456',
      owner_id: '54321',
      type: 'customer',
      emails: [{ email: 'ada@example.com', type: 'work' }],
      phone_numbers: [{ number: '+44 20 7946 0000', type: 'mobile' }],
      addresses: [{ type: 'primary', line1: '12 St James Square', city: 'London', country: 'GB' }],
      websites: [{ url: 'https://ada.example.com', type: 'primary' }],
      tags: ['Engines', 'Maths'],
    });
    expect(result).toMatchObject({
      id: '777',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      email_work: 'ada@example.com',
      phone_mobile: '+44 20 7946 0000',
      address_city: 'London',
      tags: ['Engines', 'Maths'],
      created_at: null,
    });
  });

  it('has the same keys as its sample', async () => {
    api().post('/crm/contacts').reply(201, idBody('contacts', '1'));
    const result = (await run('creates.create_contact.operation.perform', bundle({ last_name: 'Doe' }))) as object;
    expect(Object.keys(result).sort()).toEqual(Object.keys(App.creates!.create_contact!.operation.sample!).sort());
  });

  it('rejects a contact with no name, a bad type or a bad country before any request', async () => {
    const noName = await failureOf(run('creates.create_contact.operation.perform', bundle({ email: 'a@b.co' })));
    expect(noName.message).toMatch(/Enter a First Name, Last Name or Full Name/);
    const badType = await failureOf(
      run(
        'creates.create_contact.operation.perform',
        bundle({ last_name: 'Doe', phone_number: '1', phone_type: 'cell' }),
      ),
    );
    expect(badType.message).toMatch(/Phone Type \(phone_type\)/);
    const badCountry = await failureOf(
      run('creates.create_contact.operation.perform', bundle({ last_name: 'Doe', address_country: 'Germany' })),
    );
    expect(badCountry.message).toMatch(/Country Code \(address_country\): must be a two-letter country code/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('update_contact', () => {
  it('PATCHes only the fields filled in, then reads the contact back and returns all of it (2 requests)', async () => {
    const requests: string[] = [];
    const after = { ...contact, title: 'CTO', updated_at: '2024-05-10T12:00:00.000Z' };
    api()
      .patch('/crm/contacts/12345', { title: 'CTO', emails: [{ email: 'elon@x.com', type: 'primary' }] })
      .reply(function (uri) {
        requests.push(`PATCH ${uri}`);
        return [200, idBody('contacts', '12345', 'update')];
      })
      .get('/crm/contacts/12345')
      .reply(function (uri) {
        requests.push(`GET ${uri}`);
        return [
          200,
          { status_code: 200, status: 'OK', service: 'pipedrive', resource: 'contacts', operation: 'one', data: after },
        ];
      });
    const result = (await run(
      'creates.update_contact.operation.perform',
      // "Replace all": the email goes as the whole list, so there is no read before the PATCH.
      bundle({ contact_id: '12345', title: 'CTO', email: 'elon@x.com', first_name: '', channel_mode: 'replace' }),
    )) as Record<string, unknown>;
    expect(requests).toEqual(['PATCH /crm/contacts/12345', 'GET /crm/contacts/12345']);
    // What the CRM has, not what was sent: fields left empty keep their values instead of null.
    expect(result).toMatchObject({
      id: '12345',
      contact_id: '12345',
      title: 'CTO',
      first_name: 'Elon',
      email: 'elon@musk.com',
      email_work: 'elon@spacex.com',
      phone_mobile: '222-222-2222',
      website: 'https://example.com',
      created_at: contact.created_at,
      updated_at: '2024-05-10T12:00:00.000Z',
    });
    // The same flattening as Find Contact, and the same keys as the sample.
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(200, listBody('contacts', [after]));
    const [found] = (await run(
      'searches.find_contact.operation.perform',
      bundle({ email: 'elon@musk.com' }),
    )) as object[];
    expect(result).toEqual(found);
    // The sample's keys, and the contact's one custom field (apideck-crm.md §6.1).
    expect(Object.keys(result).sort()).toEqual(
      [...Object.keys(App.creates!.update_contact!.operation.sample!), 'custom_2389328923893298'].sort(),
    );
  });

  it('reads back the id Apideck answered the PATCH with', async () => {
    api()
      .patch('/crm/contacts/abc')
      .reply(200, idBody('contacts', 'ABC-1', 'update'))
      .get('/crm/contacts/ABC-1')
      .reply(200, {
        status_code: 200,
        status: 'OK',
        service: 'pipedrive',
        resource: 'contacts',
        operation: 'one',
        data: { ...contact, id: 'ABC-1' },
      });
    const result = (await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: 'abc', title: 'X' }),
    )) as Record<string, unknown>;
    expect(result.id).toBe('ABC-1');
  });

  it('names the contact when the read-back cannot find it', async () => {
    api()
      .patch('/crm/contacts/12345')
      .reply(200, idBody('contacts', '12345', 'update'))
      .get('/crm/contacts/12345')
      .reply(404, {
        status_code: 404,
        error: 'Not Found',
        type_name: 'EntityNotFoundError',
        message: 'Unknown Resource',
      });
    const err = await failureOf(
      run('creates.update_contact.operation.perform', bundle({ contact_id: '12345', title: 'X' })),
    );
    expect(err.message).toBe('Apideck could not find contact 12345: EntityNotFoundError: Unknown Resource');
  });

  it('names the contact when Apideck cannot find it', async () => {
    api().patch('/crm/contacts/nope').reply(404, {
      status_code: 404,
      error: 'Not Found',
      type_name: 'EntityNotFoundError',
      message: 'Unknown Resource',
    });
    const err = await failureOf(
      run('creates.update_contact.operation.perform', bundle({ contact_id: 'nope', title: 'X' })),
    );
    expect(err.message).toBe('Apideck could not find contact nope: EntityNotFoundError: Unknown Resource');
    // A failed PATCH is not followed by a read.
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('rejects an update with nothing to change, or an id with a slash, before any request', async () => {
    const nothing = await failureOf(run('creates.update_contact.operation.perform', bundle({ contact_id: '12345' })));
    expect(nothing.message).toMatch(/Fill in at least one field to change/);
    const slash = await failureOf(
      run('creates.update_contact.operation.perform', bundle({ contact_id: '1/2', title: 'X' })),
    );
    expect(slash.message).toMatch(/Contact \(contact_id\): must be an id/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('contact triggers', () => {
  const now = Date.parse('2024-05-10T12:00:00.000Z');
  beforeEach(() =>
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] }),
  );
  afterEach(() => jest.useRealTimers());

  it('new_contact: one request, sorted by created_at desc, created_since 7 days back', async () => {
    const seen = getWithQuery('/crm/contacts', listBody('contacts', [contact], 'bmV4dA=='));
    const result = (await run('triggers.new_contact.operation.perform', bundle())) as Record<string, unknown>[];
    expect(seen.query).toEqual({
      'filter[created_since]': '2024-05-03T12:00:00.000Z',
      'sort[by]': 'created_at',
      'sort[direction]': 'desc',
      limit: '100',
    });
    expect(result.map((r) => r.id)).toEqual(['12345']);
  });

  it('updated_contact: sorted by updated_at desc, updated_since 30 days back for a sample, id with the update time', async () => {
    const older = { ...contact, id: '2', updated_at: '2020-09-01T00:00:00.000Z' };
    const seen = getWithQuery('/crm/contacts', listBody('contacts', [older, contact]));
    const result = (await run(
      'triggers.updated_contact.operation.perform',
      bundle({}, { isLoadingSample: true }),
    )) as Record<string, unknown>[];
    expect(seen.query).toEqual({
      'filter[updated_since]': '2024-04-10T12:00:00.000Z',
      'sort[by]': 'updated_at',
      'sort[direction]': 'desc',
      limit: '100',
    });
    expect(result.map((r) => [r.id, r.contact_id])).toEqual([
      [`12345-${Date.parse(contact.updated_at)}`, '12345'],
      [`2-${Date.parse(older.updated_at)}`, '2'],
    ]);
  });
});
