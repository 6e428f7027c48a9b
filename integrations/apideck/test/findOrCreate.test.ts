import { schemaErrorsOf } from '@crm-zapier/gate';
import { failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { COMPANY, LEAD } from '../src/samples';
import { api, bundle, listBody, run } from './helpers';
import contact from './fixtures/contact.json';

useNock();

type Op = { operation: { inputFields?: { key: string; group?: string }[]; inputFieldGroups?: { key: string }[] } };
const creates = App.creates as unknown as Record<
  string,
  Op & { operation: { lock?: { key: string; scope?: string[]; timeout?: number } } }
>;
const searches = App.searches as unknown as Record<string, Op & { display: { hidden?: boolean } }>;

describe('Find or Create (update when found)', () => {
  it.each([
    ['find_contact', 'find_contact_exact', 'create_contact', 'update_contact', { contact_id: 'id' }],
    ['find_company', 'find_company_exact', 'create_company', 'update_company', { company_id: 'id' }],
    ['find_lead', 'find_lead_exact', 'create_lead', 'update_lead', { lead_id: 'id' }],
  ])(
    '%s runs the hidden exact search %s, then %s on a miss or %s on the one exact match',
    (key, search, create, update, fromSearch) => {
      const pair = App.searchOrCreates![key]!;
      expect(pair).toEqual({
        key,
        display: expect.any(Object),
        search,
        create,
        update,
        updateInputFromSearchOutput: fromSearch,
      });
      // The visible search keeps its loose matching; the exact one is hidden from the editor's list.
      expect(searches[key]!.display.hidden).toBeUndefined();
      expect(searches[search]!.display.hidden).toBe(true);
      const updateKeys = creates[update]!.operation.inputFields!.map((f) => f.key);
      expect(updateKeys).toContain(Object.keys(fromSearch)[0]);
      expect(pair.display.description).toMatch(/^Finds the one \w+ with exactly this (email|name)/);
      expect(pair.display.description).toMatch(
        /When several \w+ have the (email|name), the step stops with an error\.$/,
      );
    },
  );

  it('passes Zapier schema validation, EXPERIMENTAL keys included', () => {
    expect(schemaErrorsOf(App)).toEqual([]);
  });
});

describe('the exact searches behind Find or Create', () => {
  const gwynne = { ...contact, id: '777', name: 'Gwynne', emails: [{ email: 'gwynne@spacex.com', type: 'work' }] };
  const exactQuery = (filter: string, value: string) => ({ [`filter[${filter}]`]: value, limit: '200' });

  it('contact: keeps only the contact that has the email (any case), whatever else the CRM matched', async () => {
    api()
      .get('/crm/contacts')
      .query(exactQuery('email', 'ELON@spacex.com'))
      .reply(200, listBody('contacts', [gwynne, contact]));
    const found = (await run(
      'searches.find_contact_exact.operation.perform',
      bundle({ email: ' ELON@spacex.com ', name: 'Gwynne' }),
    )) as { id: string; email_work: string }[];
    expect(found.map((c) => [c.id, c.email_work])).toEqual([['12345', 'elon@spacex.com']]);
  });

  it('contact: without an email nothing is searched and nothing is found, so Find or Create creates', async () => {
    await expect(
      run('searches.find_contact_exact.operation.perform', bundle({ name: 'Elon Musk', phone_number: '111' })),
    ).resolves.toEqual([]);
  });

  it('contact: two contacts with the email stop the step with a message naming the input', async () => {
    api()
      .get('/crm/contacts')
      .query(exactQuery('email', 'elon@musk.com'))
      .reply(200, listBody('contacts', [contact, { ...contact, id: '999' }]));
    const err = await failureOf(
      run('searches.find_contact_exact.operation.perform', bundle({ email: 'elon@musk.com' })),
    );
    expect(err.message).toBe(
      'More than one contact has the email elon@musk.com (Email). Find or Create Contact updates a contact only when exactly one matches, so nothing was created or updated. Merge the duplicates in your CRM, or pick the one you mean with a Find step and an Update step.',
    );
  });

  it('company: a name that is only part of the found names matches nothing (Find or Create creates)', async () => {
    api()
      .get('/crm/companies')
      .query(exactQuery('name', 'Space'))
      .reply(200, listBody('companies', [COMPANY]));
    await expect(run('searches.find_company_exact.operation.perform', bundle({ name: 'Space' }))).resolves.toEqual([]);
  });

  it('company: the whole name in another case is the match; two of them stop the step', async () => {
    api()
      .get('/crm/companies')
      .query(exactQuery('name', 'spacex'))
      .reply(200, listBody('companies', [{ ...COMPANY, id: '1', name: 'SpaceX Starbase' }, COMPANY]));
    const found = (await run('searches.find_company_exact.operation.perform', bundle({ name: 'spacex' }))) as {
      id: string;
    }[];
    expect(found.map((c) => c.id)).toEqual([COMPANY.id]);

    api()
      .get('/crm/companies')
      .query(exactQuery('name', 'SpaceX'))
      .reply(200, listBody('companies', [COMPANY, { ...COMPANY, id: '2', name: ' spacex ' }]));
    const err = await failureOf(run('searches.find_company_exact.operation.perform', bundle({ name: 'SpaceX' })));
    expect(err.message).toMatch(/^More than one company has the name SpaceX \(Company Name\)\. Find or Create Company/);
  });

  it('company: reads the next page while the CRM has more matches, until one exact match is certain', async () => {
    const others = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...COMPANY, id: `o${i}`, name: `SpaceX ${i}` }));
    api()
      .get('/crm/companies')
      .query(exactQuery('name', 'SpaceX'))
      .reply(200, listBody('companies', others(3), 'bmV4dA=='))
      .get('/crm/companies')
      .query({ ...exactQuery('name', 'SpaceX'), cursor: 'bmV4dA==' })
      .reply(200, listBody('companies', [COMPANY]));
    const found = (await run('searches.find_company_exact.operation.perform', bundle({ name: 'SpaceX' }))) as {
      id: string;
    }[];
    expect(found.map((c) => c.id)).toEqual([COMPANY.id]);
  });

  it('lead: keeps only the lead that has the email', async () => {
    api()
      .get('/crm/leads')
      .query(exactQuery('email', 'elon@musk.com'))
      .reply(
        200,
        listBody('leads', [{ ...LEAD, id: '5', emails: [{ email: 'elon@musk.co', type: 'primary' }] }, LEAD]),
      );
    const found = (await run('searches.find_lead_exact.operation.perform', bundle({ email: 'elon@musk.com' }))) as {
      id: string;
    }[];
    expect(found.map((l) => l.id)).toEqual([LEAD.id]);
  });
});

describe('locks on the creates paired with a search', () => {
  it.each([
    ['create_contact', { first_name: 'Ada', email: 'ada@example.com' }, 'apideck:create_contact:ada@example.com'],
    ['create_company', { name: 'SpaceX', industry: 'Aerospace' }, 'apideck:create_company:SpaceX'],
    ['create_lead', { name: 'Ada', email: 'ada@example.com' }, 'apideck:create_lead:ada@example.com'],
  ])("%s is locked per connection, keyed from the run's unique value", (create, input, key) => {
    const lock = creates[create]!.operation.lock!;
    expect(lock.scope).toEqual(['auth']);
    expect(lock.timeout).toBeLessThanOrEqual(180);
    expect(renderKey(lock.key, bundle(input))).toBe(key);
  });

  it('the company lock needs the required name, so every create has a key', () => {
    const lock = App.creates!.create_company!.operation.lock!;
    expect(() => renderKey(lock.key, bundle({ industry: 'X' }))).toThrow(/bundle\.inputData\.name/);
  });
});

describe('input field groups', () => {
  it.each(['create_contact', 'update_contact', 'create_lead', 'update_lead', 'create_company', 'update_company'])(
    '%s shows its long form in sections, every group declared and used',
    (key) => {
      const op = creates[key]!.operation;
      const declared = op.inputFieldGroups!.map((g) => g.key);
      const used = new Set(op.inputFields!.map((f) => f.group).filter(Boolean));
      expect(op.inputFields!.length).toBeGreaterThan(10);
      expect([...used].sort()).toEqual([...declared].sort());
    },
  );
});
