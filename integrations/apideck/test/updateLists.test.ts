import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import App from '../index';
import { apideck } from '../src/client';
import { COMPANY, LEAD } from '../src/samples';
import { api, bundle, idBody, run } from './helpers';
import contact from './fixtures/contact.json';

useNock();

const one = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'pipedrive',
  resource,
  operation: 'one',
  data,
});

/**
 * The three requests of an update that merges: the read of the record, the PATCH (whose body the
 * test pins exactly), and the read-back. Returns the requests in the order they were made.
 */
const readPatchRead = (resource: string, id: string, record: object, patch: object) => {
  const requests: string[] = [];
  api()
    .get(`/crm/${resource}/${id}`)
    .reply(function (uri) {
      requests.push(`GET ${uri}`);
      return [200, one(resource, record)];
    })
    .patch(`/crm/${resource}/${id}`, patch as nock.RequestBodyMatcher)
    .reply(function (uri) {
      requests.push(`PATCH ${uri}`);
      return [200, idBody(resource, id, 'update')];
    })
    .get(`/crm/${resource}/${id}`)
    .reply(function (uri) {
      requests.push(`GET ${uri}`);
      return [200, one(resource, record)];
    });
  return requests;
};

describe('Update Contact: emails, phones, addresses and websites are added or changed by type', () => {
  it('a work email replaces only the work email: the primary email stays (GET, then PATCH the merged list)', async () => {
    const requests = readPatchRead('contacts', '12345', contact, {
      emails: [
        { id: '123', email: 'elon@musk.com', type: 'primary' },
        { id: '124', email: 'elon@tesla.com', type: 'work' },
      ],
    });
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: '12345', email: 'elon@tesla.com', email_type: 'work' }),
    );
    expect(requests).toEqual(['GET /crm/contacts/12345', 'PATCH /crm/contacts/12345', 'GET /crm/contacts/12345']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a new type of email is added to the list; an email the contact already has changes nothing', async () => {
    readPatchRead('contacts', '12345', contact, {
      emails: [
        { id: '123', email: 'elon@musk.com', type: 'primary' },
        { id: '124', email: 'elon@spacex.com', type: 'work' },
        { email: 'elon@home.example', type: 'personal' },
      ],
    });
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: '12345', email: 'elon@home.example', email_type: 'personal' }),
    );
    readPatchRead('contacts', '12345', contact, {
      emails: [
        { id: '123', email: 'elon@musk.com', type: 'primary' },
        { id: '124', email: 'elon@spacex.com', type: 'work' },
      ],
    });
    // Mapped into the default type (Primary), the contact's own work email does not replace its primary one.
    await run('creates.update_contact.operation.perform', bundle({ contact_id: '12345', email: 'ELON@spacex.com' }));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a mobile number keeps the primary number, with its country code, area code and extension', async () => {
    readPatchRead('contacts', '12345', contact, {
      phone_numbers: [
        {
          id: '12345',
          country_code: '1',
          area_code: '323',
          number: '111-111-1111',
          extension: '105',
          type: 'primary',
        },
        { id: '12346', number: '333-333-3333', type: 'mobile' },
      ],
    });
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: '12345', phone_number: '333-333-3333', phone_type: 'mobile' }),
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('City alone changes only the city: the street, postal code and every other part of that address stay', async () => {
    readPatchRead('contacts', '12345', contact, {
      addresses: [
        {
          id: '123',
          type: 'primary',
          name: 'HQ US',
          line1: 'Main street',
          line2: 'apt #',
          street_number: '25',
          city: 'Oakland',
          state: 'CA',
          postal_code: '94104',
          country: 'US',
          latitude: '40.759211',
          longitude: '-73.984638',
        },
      ],
    });
    await run('creates.update_contact.operation.perform', bundle({ contact_id: '12345', address_city: 'Oakland' }));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an address of another type is added beside the primary one', async () => {
    const [primary] = contact.addresses;
    const { string: _none, ...kept } = primary!;
    readPatchRead('contacts', '12345', contact, {
      addresses: [kept, { type: 'billing', city: 'Austin', country: 'US' }],
    });
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: '12345', address_type: 'billing', address_city: 'Austin', address_country: 'us' }),
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('"Replace all" sends only the given email as the whole list, without reading the contact first', async () => {
    const requests: string[] = [];
    api()
      .patch('/crm/contacts/12345', { emails: [{ email: 'elon@tesla.com', type: 'work' }] })
      .reply(function (uri) {
        requests.push(`PATCH ${uri}`);
        return [200, idBody('contacts', '12345', 'update')];
      })
      .get('/crm/contacts/12345')
      .reply(function (uri) {
        requests.push(`GET ${uri}`);
        return [200, one('contacts', contact)];
      });
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: '12345', email: 'elon@tesla.com', email_type: 'work', channel_mode: 'replace' }),
    );
    expect(requests).toEqual(['PATCH /crm/contacts/12345', 'GET /crm/contacts/12345']);
  });

  it('reads nothing first when no email, phone, address or website is given (tags are replaced as before)', async () => {
    const requests: string[] = [];
    api()
      .patch('/crm/contacts/12345', { title: 'CTO', tags: ['a', 'b'] })
      .reply(function (uri) {
        requests.push(`PATCH ${uri}`);
        return [200, idBody('contacts', '12345', 'update')];
      })
      .get('/crm/contacts/12345')
      .reply(function (uri) {
        requests.push(`GET ${uri}`);
        return [200, one('contacts', contact)];
      });
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: '12345', title: 'CTO', tags: ['a', 'b'], email_type: 'work', channel_mode: 'merge' }),
    );
    expect(requests).toEqual(['PATCH /crm/contacts/12345', 'GET /crm/contacts/12345']);
  });

  it('a type or the list mode alone is not a change: refused before any request', async () => {
    const err = await failureOf(
      run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: '12345', email_type: 'work', channel_mode: 'replace' }),
      ),
    );
    expect(err.message).toMatch(/Fill in at least one field to change/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('says which happens: the choice, its help text and the description', () => {
    for (const key of ['update_contact', 'update_company', 'update_lead'] as const) {
      const op = App.creates![key]!;
      const field = (op.operation.inputFields as { key: string; choices?: unknown; helpText?: string }[]).find(
        (f) => f.key === 'channel_mode',
      )!;
      expect(field.choices).toEqual([
        { value: 'merge', label: 'Add or change (default)', sample: 'merge' },
        { value: 'replace', label: 'Replace all', sample: 'replace' },
      ]);
      expect(field.helpText).toMatch(/replaces the one of the same type .* and the others are kept/);
      expect(field.helpText).toMatch(/\*\*Replace all\*\*: the record keeps only the ones you fill in/);
      expect(op.display.description).toMatch(/is added or changed by type, keeping the \w+'s others\.$/);
      const email = (op.operation.inputFields as { key: string; helpText?: string }[]).find((f) => f.key === 'email')!;
      expect(email.helpText).toContain("It replaces the record's email of the same **Email Type**, or is added");
    }
  });
});

describe('Update Company and Update Lead merge the same way', () => {
  it('a company website of the primary type replaces the primary website and keeps the others', async () => {
    const company = {
      ...COMPANY,
      websites: [...COMPANY.websites!, { id: '9', url: 'https://x.example', type: 'work' }],
    };
    readPatchRead('companies', '23456', company, {
      websites: [
        { id: '12345', url: 'https://spacex.example', type: 'primary' },
        { id: '9', url: 'https://x.example', type: 'work' },
      ],
    });
    await run(
      'creates.update_company.operation.perform',
      bundle({ company_id: '23456', website: 'https://spacex.example' }),
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a lead's work email is added beside its primary email", async () => {
    readPatchRead('leads', '67890', LEAD, {
      status: 'Qualified',
      emails: [
        { id: '123', email: 'elon@musk.com', type: 'primary' },
        { email: 'elon@spacex.com', type: 'work' },
      ],
    });
    await run(
      'creates.update_lead.operation.perform',
      bundle({ lead_id: '67890', status: 'Qualified', email: 'elon@spacex.com', email_type: 'work' }),
    );
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('bad input stops before any request', () => {
  it.each([
    ['creates.update_lead.operation.perform', { lead_id: '1', monetary_amount: '1e999' }],
    ['creates.create_lead.operation.perform', { name: 'A', monetary_amount: '-Infinity' }],
    ['creates.create_deal.operation.perform', { title: 'A', monetary_amount: '1e999' }],
  ])('%s refuses an amount that is not a finite number, naming the field', async (method, input) => {
    const err = await failureOf(run(method, bundle(input)));
    expect(err.message).toMatch(/Amount \(monetary_amount\): must be a number/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    ['update_contact', 'contact_id', 'Contact'],
    ['update_company', 'company_id', 'Company'],
    ['update_lead', 'lead_id', 'Lead'],
    ['update_deal', 'opportunity_id', 'Deal'],
  ])(
    '%s refuses the ids "." and "..", which would change the endpoint, naming the field',
    async (key, idKey, label) => {
      for (const id of ['.', '..', ' .. ']) {
        const err = await failureOf(
          run(`creates.${key}.operation.perform`, bundle({ [idKey]: id, description: 'X', title: 'X' })),
        );
        expect(err.message).toContain(`${label} (${idKey}): must be an id, not dots`);
      }
      expect(nock.pendingMocks()).toEqual([]);
    },
  );

  it('the client refuses an empty or dot-only id from anywhere before building the path, naming the field', () => {
    class InvalidInput extends Error {}
    const client = apideck({ errors: { Error: InvalidInput } } as unknown as ZObject);
    for (const id of ['', '.', '..', ' .. '])
      expect(() => client.updateContact(id, {})).toThrow(
        `Please check your input: Contact (contact_id): must be an id, not "${id.trim()}".`,
      );
    expect(() => client.lead('..')).toThrow(/Lead \(lead_id\): must be an id/);
  });
});
