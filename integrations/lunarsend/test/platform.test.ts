import { renderKey } from '@crm-zapier/kit/testing';
import App from '../index';
import { bundle, CONTACT_ID } from './helpers';

type Op = {
  operation: { throttle?: Record<string, unknown>; lock?: { key: string; scope?: string[]; timeout?: number } };
};
const kinds = { triggers: App.triggers, searches: App.searches, creates: App.creates } as unknown as Record<
  string,
  Record<string, Op>
>;
const all = Object.entries(kinds).flatMap(([kind, ops]) =>
  Object.entries(ops).map(([key, op]) => [`${kind}.${key}`, kind, op] as const),
);

describe('throttle: LunarSend’s documented 2 requests per second, per connection', () => {
  it.each(all)('%s carries the shared throttle', (_name, kind, op) => {
    const { retry, ...shared } = op.operation.throttle ?? {};
    // One configuration everywhere, scoped to the connection only: Zapier counts the runs of every
    // LunarSend action of one connection together (an "action" scope would give each its own 2/s).
    expect(shared).toEqual({ window: 1, limit: 2, key: 'lunarsend-api', scope: ['auth'] });
    // `retry` has no effect on polling triggers and should not be set there (schema).
    if (kind === 'triggers') expect(retry).toBeUndefined();
    else expect(retry).toBe(true);
  });

  it('renders the same key for every action, with no input needed', () => {
    const keys = new Set(all.map(([, , op]) => renderKey(String(op.operation.throttle!.key), bundle())));
    expect([...keys]).toEqual(['lunarsend-api']);
  });
});

describe('lock: no duplicates when two runs of a Zap race', () => {
  it('locks Create Contact per connection and email, keyed from the run’s input', () => {
    const lock = App.creates.create_contact.operation.lock!;
    expect(lock.scope).toEqual(['auth']);
    expect(lock.timeout).toBeLessThanOrEqual(180);
    const input = { first_name: 'Grace', email: 'grace@navy.example' };
    expect(renderKey(lock.key, bundle(input))).toBe('lunarsend:create_contact:grace@navy.example');
    // The email is a required input, so every real run can render the key.
    const email = (App.creates.create_contact.operation.inputFields as { key: string; required?: boolean }[]).find(
      (f) => f.key === 'email',
    );
    expect(email?.required).toBe(true);
    expect(() => renderKey(lock.key, bundle({ first_name: 'Grace' }))).toThrow(/bundle.inputData.email/);
  });

  it('gives Create Tag and Add Tag to Contact (which may create a tag) one connection-wide lock', () => {
    const create = App.creates.create_tag.operation.lock!;
    const add = App.creates.add_tag_to_contact.operation.lock!;
    expect(add).toEqual(create);
    expect(create.scope).toEqual(['auth']);
    expect(renderKey(add.key, bundle({ contact_id: CONTACT_ID, tag_name: 'Lead' }))).toBe('lunarsend:create_tag');
  });

  it('locks nothing else', () => {
    const locked = all.filter(([, , op]) => op.operation.lock).map(([name]) => name);
    expect(locked.sort()).toEqual(['creates.add_tag_to_contact', 'creates.create_contact', 'creates.create_tag']);
  });
});

describe('Find or Create Contact: find, update or create', () => {
  it('runs Update Contact on a hit, with the found contact as its Contact, unique by email', () => {
    expect(App.searchOrCreates!.find_contact).toMatchObject({
      key: 'find_contact',
      search: 'find_contact',
      create: 'create_contact',
      update: 'update_contact',
      updateInputFromSearchOutput: { contact_id: 'id' },
      searchUniqueInputToOutputConstraint: { search_term: 'email' },
    });
    const description = App.searchOrCreates!.find_contact!.display.description;
    expect(description).toMatch(/updates it/);
    expect(description).toMatch(/creates it if none matches/);
    expect(description).toMatch(/When several contacts match, the first/);
  });

  it('maps only real fields: the update takes contact_id, the search answers id and email', () => {
    const updateKeys = (App.creates.update_contact.operation.inputFields as { key: string }[]).map((f) => f.key);
    const searchIn = (App.searches.find_contact.operation.inputFields as { key: string }[]).map((f) => f.key);
    const searchOut = Object.keys(App.searches.find_contact.operation.sample!);
    expect(updateKeys).toContain('contact_id');
    expect(searchIn).toContain('search_term');
    expect(searchOut).toEqual(expect.arrayContaining(['id', 'email']));
  });

  it('pairs Find Tag with Create Tag (the tag field’s Find or Create Tag)', () => {
    expect(App.searchOrCreates!.find_tag).toMatchObject({ key: 'find_tag', search: 'find_tag', create: 'create_tag' });
    const tagField = (App.creates.add_tag_to_contact.operation.inputFields as { key: string; search?: string }[]).find(
      (f) => f.key === 'tag_id',
    );
    expect(tagField).toMatchObject({ dynamic: 'list_tags.id.name', search: 'find_tag.id' });
  });
});
