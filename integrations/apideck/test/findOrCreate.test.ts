import { schemaErrorsOf } from '@crm-zapier/gate';
import { renderKey } from '@crm-zapier/kit/testing';
import App from '../index';
import { bundle } from './helpers';

type Op = { operation: { inputFields?: { key: string; group?: string }[]; inputFieldGroups?: { key: string }[] } };
const creates = App.creates as unknown as Record<
  string,
  Op & { operation: { lock?: { key: string; scope?: string[]; timeout?: number } } }
>;
const searches = App.searches as unknown as Record<string, Op>;

describe('Find or Create (update when found)', () => {
  it.each([
    ['find_contact', 'create_contact', 'update_contact', { contact_id: 'id' }, { email: 'email' }],
    ['find_company', 'create_company', 'update_company', { company_id: 'id' }, { name: 'name' }],
    ['find_lead', 'create_lead', 'update_lead', { lead_id: 'id' }, { email: 'email' }],
  ])('%s pairs the search with %s, and %s on a hit with the found id', (search, create, update, fromSearch, unique) => {
    const pair = App.searchOrCreates![search]!;
    expect(pair).toMatchObject({
      key: search,
      search,
      create,
      update,
      updateInputFromSearchOutput: fromSearch,
      searchUniqueInputToOutputConstraint: unique,
    });
    // The update takes the id key the mapping fills; the search has the constrained input and output.
    const updateKeys = creates[update]!.operation.inputFields!.map((f) => f.key);
    expect(updateKeys).toContain(Object.keys(fromSearch)[0]);
    const searchKeys = searches[search]!.operation.inputFields!.map((f) => f.key);
    expect(searchKeys).toContain(Object.keys(unique)[0]);
    expect(pair.display.description).toMatch(
      /or creates one if none matches\. When several match, the first is updated\./,
    );
  });

  it('passes Zapier schema validation, EXPERIMENTAL keys included', () => {
    expect(schemaErrorsOf(App)).toEqual([]);
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
