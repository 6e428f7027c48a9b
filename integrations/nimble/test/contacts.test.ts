import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { CONTACT } from '../src/samples';
import { CONTACT_ID, api, bundle, expectNoSecret, run, unmatchedRequests, useEnv } from './helpers';

useNock();
useEnv();
const unmatched = unmatchedRequests();

const listing = (resources: unknown[]) => ({
  meta: { page: 1, pages: 1, per_page: 50, total: resources.length },
  resources,
});
const UPDATED = { ...CONTACT, updated: '2024-05-01T10:00:00+0000' };
/** One field value as Nimble answers it (the contract requires the field id). */
const fv = (value: string, modifier = '') => ({ value, modifier, field_id: '5049f697a694620a07000043' });

describe('New Contact', () => {
  it('asks for the newest contacts, one request, and flattens their fields', async () => {
    api()
      .get('/api/v1/contacts')
      .query({ sort: 'created:desc', per_page: '50', page: '1' })
      .reply(200, listing([CONTACT]));
    const [first, ...rest] = (await run('triggers.new_contact.operation.perform', bundle())) as Record<
      string,
      unknown
    >[];
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      id: CONTACT_ID,
      contact_id: CONTACT_ID,
      record_type: 'person',
      name: 'Amayak Akopyan',
      first_name: 'Amayak',
      last_name: 'Akopyan',
      company_name: 'Nimble',
      title: 'Sales Director',
      email: 'amayak@nimble.com',
      emails: ['amayak@nimble.com', 'amayak@example.com'],
      email_work: 'amayak@nimble.com',
      email_other: 'amayak@example.com',
      phone_mobile: '+7 (917) 202-456-1111',
      phone_home: '+7 244 231 84 22',
      phone_work: null,
      address_city: 'Dushanbe',
      address_country: 'Farganistan',
      tags: ['csv import'],
      fields__source: 'csv',
    });
    for (const value of Object.values(first!)) {
      const flat = value === null || ['string', 'number', 'boolean'].includes(typeof value);
      expect(flat || (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))).toBe(true);
    }
  });

  it('filters by contact type with record_type', async () => {
    api()
      .get('/api/v1/contacts')
      .query({ sort: 'created:desc', per_page: '50', page: '1', record_type: 'company' })
      .reply(200, listing([]));
    expect(await run('triggers.new_contact.operation.perform', bundle({ record_type: 'company' }))).toEqual([]);
  });
});

describe('Updated Contact', () => {
  it('sorts by update time and gives each update its own id', async () => {
    api()
      .get('/api/v1/contacts')
      .query({ sort: 'updated:desc', per_page: '50', page: '1' })
      .reply(200, listing([UPDATED]));
    const [first] = (await run('triggers.updated_contact.operation.perform', bundle())) as Record<string, unknown>[];
    expect(first).toMatchObject({ id: `${CONTACT_ID}-${Date.parse('2024-05-01T10:00:00Z')}`, contact_id: CONTACT_ID });
  });
});

describe('Find Contact', () => {
  const search = (query: Record<string, string>) =>
    api()
      .get('/api/v1/contacts')
      .query({ per_page: '10', ...query })
      .reply(200, listing([CONTACT]));

  it('finds by email with the query language', async () => {
    search({ query: JSON.stringify({ email: { is: 'amayak@nimble.com' } }) });
    const found = (await run('searches.find_contact.operation.perform', bundle({ email: 'amayak@nimble.com' }))) as {
      id: string;
    }[];
    expect(found.map((c) => c.id)).toEqual([CONTACT_ID]);
  });

  it('finds people by name, adding the record type clause in an "and"', async () => {
    search({
      query: JSON.stringify({ and: [{ names: { contain: 'Amayak' } }, { 'record type': { is: 'person' } }] }),
    });
    await run('searches.find_contact.operation.perform', bundle({ name: 'Amayak', record_type: 'person' }));
  });

  it('finds companies by company name', async () => {
    search({
      query: JSON.stringify({ and: [{ 'company name': { is: 'Nimble' } }, { 'record type': { is: 'company' } }] }),
    });
    await run('searches.find_contact.operation.perform', bundle({ company_name: 'Nimble' }));
  });

  it('searches free text with keyword (and record_type), never with query', async () => {
    search({ keyword: 'dushanbe', record_type: 'person' });
    await run('searches.find_contact.operation.perform', bundle({ keyword: 'dushanbe', record_type: 'person' }));
  });

  it('rejects free text combined with an email before any request', async () => {
    const err = await failureOf(
      run('searches.find_contact.operation.perform', bundle({ keyword: 'x', email: 'a@b.co' })),
    );
    expect(err.message).toMatch(/Free Text \(keyword\): can't be combined/);
    expect(unmatched).toEqual([]);
  });

  it('rejects an empty search and a malformed email before any request', async () => {
    expect((await failureOf(run('searches.find_contact.operation.perform', bundle({})))).message).toMatch(
      /Enter an Email, a Name/,
    );
    expect(
      (await failureOf(run('searches.find_contact.operation.perform', bundle({ email: 'not-an-email' })))).message,
    ).toMatch(/Email \(email\): must be an email address/);
    expect(unmatched).toEqual([]);
  });

  it("shows Nimble's 409 message", async () => {
    api()
      .get('/api/v1/contacts')
      .query(true)
      .reply(409, { message: 'You can specify either `keyword` or `query` parameter, not both!', code: 245 });
    const err = await failureOf(run('searches.find_contact.operation.perform', bundle({ name: 'x' })));
    expect(err.message).toBe(
      'Nimble rejected the request (HTTP 409): You can specify either `keyword` or `query` parameter, not both!',
    );
  });
});

describe('Find Contact by Exact Match (the search of Find or Create Contact)', () => {
  const person = (id: string, first: string, last: string, emails: string[] = []) => ({
    ...CONTACT,
    id,
    fields: {
      'first name': [fv(first)],
      'last name': [fv(last)],
      email: emails.map((value) => fv(value, 'work')),
    },
  });
  const JOHN = person('a'.repeat(24), 'John', 'Doe', ['john@example.com', 'jd@example.com']);
  const JANE = person('b'.repeat(24), 'Jane', 'Doe', ['jane@example.com']);
  const search = (query: unknown, resources: unknown[]) =>
    api()
      .get('/api/v1/contacts')
      .query({ per_page: '100', query: JSON.stringify(query) })
      .reply(200, listing(resources));
  const find = (inputData: Record<string, unknown>) =>
    run('searches.find_contact_exact.operation.perform', bundle(inputData)) as Promise<{ id: string }[]>;

  it('finds nothing by name "Doe" when Nimble answers John Doe and Jane Doe', async () => {
    search({ names: { contain: 'Doe' } }, [JOHN, JANE]);
    await expect(find({ name: 'Doe' })).resolves.toEqual([]);
  });

  it('finds the contact whose whole name is the name given, letter case and spaces aside', async () => {
    search({ names: { contain: 'jane  DOE' } }, [JOHN, JANE]);
    expect((await find({ name: 'jane  DOE' })).map((c) => c.id)).toEqual([JANE.id]);
  });

  it("finds by any of the contact's emails, letter case aside", async () => {
    search({ email: { is: 'JD@example.com' } }, [JOHN]);
    expect((await find({ email: 'JD@example.com' })).map((c) => c.id)).toEqual([JOHN.id]);
  });

  it('finds a company only by its exact name', async () => {
    const company = (id: string, name: string) => ({
      ...CONTACT,
      id,
      record_type: 'company',
      fields: { 'company name': [fv(name)] },
    });
    search({ and: [{ 'company name': { is: 'Nimble' } }, { 'record type': { is: 'company' } }] }, [
      company('c'.repeat(24), 'Nimble Inc'),
      company('d'.repeat(24), 'Nimble'),
    ]);
    expect((await find({ company_name: 'Nimble' })).map((c) => c.id)).toEqual(['d'.repeat(24)]);
  });

  it('stops with a clear error when several contacts match exactly', async () => {
    search({ names: { contain: 'John Doe' } }, [JOHN, { ...JOHN, id: 'e'.repeat(24) }, JANE]);
    const err = await failureOf(find({ name: 'John Doe' }));
    expect(err.message).toBe(
      '2 Nimble contacts have name "John Doe", so Find or Create Contact cannot tell which one to update. Search by a value only one contact has (like an email address), or update the contact by its ID with Update Contact.',
    );
  });

  it('stops when Nimble fills the page: an exact match may lie beyond it', async () => {
    const others = Array.from({ length: 99 }, (_, i) => person(String(i).padStart(24, '0'), 'Johnny', 'Doe'));
    search({ names: { contain: 'John Doe' } }, [JOHN, ...others]);
    const err = await failureOf(find({ name: 'John Doe' }));
    expect(err.message).toMatch(/^Nimble found 100 or more contacts for name "John Doe", too many to check/);
  });

  it('refuses free text before any request: it cannot say which contact to update', async () => {
    const err = await failureOf(find({ keyword: 'Doe' }));
    expect(err.message).toMatch(
      /^Please check your input: Free Text \(keyword\): can't be used to find the contact to update: free text can match several contacts/,
    );
    expect(unmatched).toEqual([]);
  });
});

describe('Create Contact', () => {
  it('sends the fields Nimble expects, with types as modifiers and tags as one string', async () => {
    api()
      .post('/api/v1/contact', {
        record_type: 'person',
        type: 'person',
        fields: {
          'first name': [{ value: 'Ada', modifier: '' }],
          'last name': [{ value: 'Lovelace', modifier: '' }],
          'contact employment': [{ value: '{"company_name":"Engines Ltd","title":"Analyst"}', modifier: '' }],
          email: [{ value: 'ada@example.com', modifier: 'personal' }],
          phone: [
            { value: '+44 1', modifier: 'mobile' },
            { value: '+44 2', modifier: 'work' },
          ],
          URL: [{ value: 'https://ada.example.com', modifier: 'work' }],
          address: [{ value: '{"street":"1 Main St","city":"London","country":"UK"}', modifier: 'home' }],
          'lead status': [{ value: '2', modifier: '' }],
        },
        tags: 'zapier,vip\\,gold',
        owner_id: '5049f696a694620a0700001c',
      })
      .reply(200, CONTACT);
    const out = await run(
      'creates.create_contact.operation.perform',
      bundle({
        record_type: 'person',
        first_name: 'Ada',
        last_name: 'Lovelace',
        company_name: 'Engines Ltd',
        title: 'Analyst',
        email: 'ada@example.com',
        email_type: 'personal',
        phone_mobile: '+44 1',
        phone_work: '+44 2',
        website: 'https://ada.example.com',
        address_street: '1 Main St',
        address_city: 'London',
        address_country: 'UK',
        address_type: 'home',
        tags: ['zapier', 'vip,gold'],
        owner_id: '5049f696a694620a0700001c',
        'fields__lead status': '2',
      }),
    );
    expect(out).toMatchObject({ id: CONTACT_ID, first_name: 'Amayak' });
  });

  it('puts a company\'s name in "company name"', async () => {
    api()
      .post('/api/v1/contact', {
        record_type: 'company',
        type: 'company',
        fields: {
          'company name': [{ value: 'Nimble', modifier: '' }],
          domain: [{ value: 'nimble.com', modifier: '' }],
        },
      })
      .reply(200, {
        ...CONTACT,
        record_type: 'company',
        fields: { 'company name': [{ value: 'Nimble', modifier: '', field_id: '5049f697a694620a07000045' }] },
      });
    const out = await run(
      'creates.create_contact.operation.perform',
      bundle({ record_type: 'company', company_name: 'Nimble', domain: 'nimble.com' }),
    );
    expect(out).toMatchObject({ record_type: 'company', name: 'Nimble', company_name: 'Nimble' });
  });

  it('rejects a person without a name, a company without a name and six tags before any request', async () => {
    const create = (input: Record<string, unknown>) =>
      failureOf(run('creates.create_contact.operation.perform', bundle(input)));
    expect((await create({ record_type: 'person', email: 'a@b.co' })).message).toMatch(
      /First Name \(first_name\): a person needs/,
    );
    expect((await create({ record_type: 'company', first_name: 'X' })).message).toMatch(
      /a company needs a Company Name/,
    );
    expect((await create({ first_name: 'X', tags: ['1', '2', '3', '4', '5', '6'] })).message).toMatch(/at most 5 tags/);
    expect((await create({ first_name: 'X', domain: 'https://nimble.com' })).message).toMatch(/bare domain/);
    expect(unmatched).toEqual([]);
  });

  it("names each field of Nimble's 409 validation answer", async () => {
    api()
      .post('/api/v1/contact')
      .reply(409, {
        message: 'Validation errors',
        code: 245,
        errors: {
          'first name': [
            { message: 'First name or last name field is required', field_id: '5049f697a694620a07000043' },
          ],
          email: [{ message: 'Not a valid email', field_id: '5049f697a694620a07000064' }],
        },
      });
    const err = await failureOf(run('creates.create_contact.operation.perform', bundle({ first_name: 'X' })));
    expect(err.message).toBe(
      'Nimble rejected the request (HTTP 409): first name: First name or last name field is required; email: Not a valid email (field: first name)',
    );
  });

  it('says a 402 is the plan limit', async () => {
    api().post('/api/v1/contact').reply(402, {
      message: 'You have created the maximum number of contact records allowed for your subscription.',
      code: 108,
    });
    const err = await failureOf(run('creates.create_contact.operation.perform', bundle({ first_name: 'X' })));
    expect(err.message).toMatch(/plan's limit is reached: You have created the maximum number of contact records/);
    expectNoSecret(err.raw);
  });

  it("reads the spec's payment error too", async () => {
    api()
      .post('/api/v1/contact')
      .reply(402, { payment_type: 'Resources/features usage exceeded', required_spec: {}, extra_usage: {} });
    const err = await failureOf(run('creates.create_contact.operation.perform', bundle({ first_name: 'X' })));
    expect(err.message).toMatch(/plan's limit is reached: Resources\/features usage exceeded/);
  });

  it('loads the account’s other contact fields as inputs, choices by id', async () => {
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
                  {
                    type: 'field',
                    name: 'source',
                    field_id: 'f2',
                    read_only: true,
                    field_type: { field_kind: 'string' },
                  },
                ],
              },
              {
                type: 'field',
                name: 'lead type',
                field_id: 'f3',
                field_type: { field_kind: 'choice', values: { values: [{ id: '5', value: 'Lead' }] } },
              },
              { type: 'field', name: 'Contract value', field_id: 'f4', field_type: { field_kind: 'number' } },
            ],
          },
        ],
      });
    const fields = (await run('creates.create_contact.operation.inputFields', bundle())) as { key: string }[];
    const dynamic = fields.filter((f) => f.key.startsWith('fields__'));
    expect(dynamic).toEqual([
      expect.objectContaining({
        key: 'fields__lead type',
        label: 'Lead Type',
        choices: [{ value: '5', label: 'Lead', sample: '5' }],
      }),
      expect.objectContaining({ key: 'fields__Contract value', label: 'Contract Value', type: 'number' }),
    ]);
  });
});

describe('contact outputs', () => {
  it('labels every fields__<name> output, read-only ones included, from the fields metadata', async () => {
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
              { type: 'field', name: 'lead type', field_id: 'f3', field_type: { field_kind: 'choice' } },
              { type: 'field', name: 'Social', field_id: 'f5', field_type: { field_kind: 'address' } },
            ],
          },
        ],
      });
    const fields = (await run('triggers.new_contact.operation.outputFields', bundle())) as { key: string }[];
    expect(fields.filter((f) => f.key.startsWith('fields__'))).toEqual([
      { key: 'fields__source', label: 'Source' },
      { key: 'fields__lead type', label: 'Lead Type' },
      { key: 'fields__Social', label: 'Social' },
    ]);
  });

  it('keeps account-specific fields__ keys out of every static sample', () => {
    const samples = [
      App.triggers!.new_contact!.operation.sample,
      App.triggers!.updated_contact!.operation.sample,
      App.triggers!.new_deal!.operation.sample,
      App.searches!.find_contact!.operation.sample,
      App.creates!.create_contact!.operation.sample,
      App.creates!.update_contact!.operation.sample,
      App.creates!.create_deal!.operation.sample,
    ];
    for (const sample of samples) {
      expect(Object.keys(sample!).filter((k) => k.startsWith('fields__'))).toEqual([]);
      expect(sample).toMatchObject({ id: expect.any(String) });
    }
  });
});

describe('Update Contact', () => {
  it('nimble.md §7.4 C6: replaces with PUT ?type=1&replace=1 (both flag names) and only the fields given', async () => {
    api()
      .put(`/api/v1/contact/${CONTACT_ID}`, { fields: { email: [{ value: 'new@example.com', modifier: 'work' }] } })
      .query({ type: '1', replace: '1' })
      .reply(200, CONTACT);
    const out = await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: CONTACT_ID, mode: 'replace', email: 'new@example.com' }),
    );
    expect(out).toMatchObject({ id: CONTACT_ID });
  });

  it('nimble.md §7.4 C6: extends with ?type=0&replace=0 by default', async () => {
    api()
      .put(`/api/v1/contact/${CONTACT_ID}`, { fields: { phone: [{ value: '+1 555', modifier: 'main' }] } })
      .query({ type: '0', replace: '0' })
      .reply(200, CONTACT);
    await run('creates.update_contact.operation.perform', bundle({ contact_id: CONTACT_ID, phone_main: '+1 555' }));
  });

  it("has no Contact Type input: the type is the contact's own", () => {
    const keys = (App.creates.update_contact.operation.inputFields as { key?: string }[]).map((f) => f.key);
    expect(keys).not.toContain('record_type');
    expect(keys).toEqual(expect.arrayContaining(['contact_id', 'company_name', 'title']));
  });

  it("reads a company's type, then sends its Company Name as the company's name and no type", async () => {
    const COMPANY = {
      ...CONTACT,
      record_type: 'company',
      fields: { 'company name': [fv('Nimble')] },
    };
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [COMPANY] })
      .put(`/api/v1/contact/${CONTACT_ID}`, { fields: { 'company name': [{ value: 'Nimble Inc', modifier: '' }] } })
      .query({ type: '0', replace: '0' })
      .reply(200, { ...COMPANY, fields: { 'company name': [fv('Nimble Inc')] } });
    const out = await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: CONTACT_ID, company_name: 'Nimble Inc', record_type: 'person' }),
    );
    expect(out).toMatchObject({
      id: CONTACT_ID,
      record_type: 'company',
      name: 'Nimble Inc',
      company_name: 'Nimble Inc',
    });
  });

  it("reads a person's type, then sends Company Name and Job Title as the employment", async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [{ ...CONTACT, fields: { 'first name': [fv('Amayak')] } }] })
      .put(`/api/v1/contact/${CONTACT_ID}`, {
        fields: { 'contact employment': [{ value: '{"company_name":"Acme","title":"CEO"}', modifier: '' }] },
      })
      .query({ type: '0', replace: '0' })
      .reply(200, CONTACT);
    await run(
      'creates.update_contact.operation.perform',
      bundle({ contact_id: CONTACT_ID, company_name: 'Acme', title: 'CEO' }),
    );
  });

  it("nimble.md §7.2: a Job Title alone merges into the person's current employment (company and dates stay)", async () => {
    // CONTACT works at Nimble as Sales Director (`is_present`), its primary employment.
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [CONTACT] })
      .put(`/api/v1/contact/${CONTACT_ID}`, {
        fields: {
          'contact employment': [
            { value: '{"company_name":"Nimble","title":"VP Sales","is_present":true}', modifier: '' },
          ],
        },
      })
      .query({ type: '0', replace: '0' })
      .reply(200, CONTACT);
    await run('creates.update_contact.operation.perform', bundle({ contact_id: CONTACT_ID, title: 'VP Sales' }));
  });

  it('refuses a Job Title for a company, naming the field, before changing anything', async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [{ ...CONTACT, record_type: 'company', fields: {} }] });
    const err = await failureOf(
      run(
        'creates.update_contact.operation.perform',
        bundle({ contact_id: CONTACT_ID, title: 'CEO', phone_work: '1' }),
      ),
    );
    expect(err.message).toBe(
      'Please check your input: Job Title (title): this contact is a company, and only people have a job title. Leave it empty.',
    );
    expect(unmatched).toEqual([]);
  });

  it('names the contact Nimble could not find', async () => {
    api()
      .put(`/api/v1/contact/${CONTACT_ID}`)
      .query(true)
      .reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(
      run('creates.update_contact.operation.perform', bundle({ contact_id: CONTACT_ID, first_name: 'X' })),
    );
    expect(err.message).toBe(
      `Nimble could not find the contact with ID ${CONTACT_ID}. Check the ID, or map it from a trigger or a Find step.`,
    );
  });

  it('rejects an update with nothing to change, or a contact ID with a slash, before any request', async () => {
    expect(
      (await failureOf(run('creates.update_contact.operation.perform', bundle({ contact_id: CONTACT_ID })))).message,
    ).toMatch(/at least one field/);
    expect(
      (
        await failureOf(
          run('creates.update_contact.operation.perform', bundle({ contact_id: '../x', first_name: 'X' })),
        )
      ).message,
    ).toMatch(/Contact ID \(contact_id\): must be an id/);
    expect(unmatched).toEqual([]);
  });
});
