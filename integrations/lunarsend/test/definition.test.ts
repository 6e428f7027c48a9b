import App from '../index';

type Field = { key: string; label?: string; helpText?: string; required?: boolean; dynamic?: string; search?: string };
type Op = {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { inputFields?: unknown[]; sample?: Record<string, unknown>; outputFields?: unknown[] };
};

const groups = { triggers: App.triggers, searches: App.searches, creates: App.creates } as unknown as Record<
  string,
  Record<string, Op>
>;
const all = Object.entries(groups).flatMap(([kind, ops]) => Object.values(ops).map((op) => [kind, op] as const));
const titleCase = /^([A-Z][a-zA-Z]*|Or|To|ID|IDs)( ([A-Z][a-zA-Z]*|or|to|by|ID|IDs|From|If))*$/;

describe('the app definition follows the house conventions', () => {
  it('registers every operation the issue asks for', () => {
    expect(Object.keys(App.searches ?? {}).sort()).toEqual([
      'find_contact',
      'find_contact_by_id',
      'find_deal',
      'find_deal_by_id',
      'find_tag',
    ]);
    expect(Object.keys(App.creates ?? {}).sort()).toEqual([
      'add_tag_to_contact',
      'create_contact',
      'create_deal',
      'create_tag',
      'delete_contact',
      'update_contact',
      'update_deal',
    ]);
    expect(Object.keys(App.triggers ?? {}).sort()).toEqual([
      'list_contacts',
      'list_deals',
      'list_tags',
      'list_team_users',
    ]);
    expect(App.searchOrCreates?.find_contact).toMatchObject({ search: 'find_contact', create: 'create_contact' });
    expect(App.searchOrCreates?.find_tag).toMatchObject({ search: 'find_tag', create: 'create_tag' });
  });

  it.each(all.map(([kind, op]) => [`${kind}.${op.key}`, kind, op] as const))('%s', (_name, kind, op) => {
    expect(op.key).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(op.display.label).toMatch(titleCase);
    expect(op.display.description).toMatch(/\.$/);
    if (kind === 'searches') expect(op.display.description).toMatch(/^Finds /);
    if (kind === 'creates') expect(op.display.description).toMatch(/^(Creates|Updates|Adds|Permanently deletes) /);
    if (kind === 'triggers') expect(op.display.hidden).toBe(true);

    const sample = op.operation.sample!;
    expect(typeof sample.id).toBe('string');
    const labelled = (op.operation.outputFields as { key: string; label?: string }[]).map((f) => f.key);
    expect(Object.keys(sample).sort()).toEqual([...labelled].sort());
    for (const f of op.operation.outputFields as { label?: string }[]) expect(f.label).toMatch(titleCase);

    for (const f of (op.operation.inputFields ?? []) as Field[]) {
      expect(f.key).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(f.label).toMatch(titleCase);
      if (f.dynamic) expect(Object.keys(App.triggers ?? {})).toContain(f.dynamic.split('.')[0]);
      if (f.search) expect(Object.keys(App.searches ?? {})).toContain(f.search.split('.')[0]);
      // Every user_id is an owner picked from the team's users.
      if (f.key === 'user_id') expect(f.dynamic).toBe('list_team_users.id.name');
    }
  });
});
