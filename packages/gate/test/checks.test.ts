import {
  compareOutput,
  definitionOf,
  lintDefinition,
  schemaErrorsOf,
  waiverFor,
  type Action,
  type Finding,
} from '../src';

const perform = async () => [{ id: '1' }];

/** A small app that passes every check; each test breaks one thing. */
const goodApp = () => ({
  version: '1.0.0',
  platformVersion: '19.1.0',
  flags: { cleanInputData: false },
  authentication: {
    type: 'custom',
    fields: [
      {
        key: 'api_key',
        label: 'API Key',
        type: 'password',
        required: true,
        helpText: 'Find it under [Settings → API](https://example.com/settings/api).',
      },
    ],
    test: perform,
    connectionLabel: '{{email}}',
  },
  triggers: {
    new_contact: {
      key: 'new_contact',
      noun: 'Contact',
      display: { label: 'New Contact', description: 'Triggers when a contact is created.' },
      operation: {
        perform,
        inputFields: [{ key: 'list_id', label: 'List', dynamic: 'list_lists.id.name', helpText: 'The list to watch.' }],
        sample: { id: '1', created_at: '2024-05-01T14:30:00Z' },
        outputFields: [
          { key: 'id', label: 'Contact ID', type: 'string' },
          { key: 'created_at', label: 'Created At', type: 'datetime' },
        ],
      },
    },
    list_lists: {
      key: 'list_lists',
      noun: 'List',
      display: { label: 'List Lists', description: 'Lists lists.', hidden: true },
      operation: { perform, sample: { id: '1', name: 'All' } },
    },
  },
  searches: {
    find_contact: {
      key: 'find_contact',
      noun: 'Contact',
      display: { label: 'Find Contact', description: 'Finds a contact by email.' },
      operation: {
        perform,
        inputFields: [{ key: 'email', label: 'Email', required: true, helpText: 'The address to look for.' }],
        sample: { id: '1' },
      },
    },
  },
  creates: {
    create_contact: {
      key: 'create_contact',
      noun: 'Contact',
      display: { label: 'Create Contact', description: 'Creates a contact.' },
      operation: {
        perform: async () => ({ id: '1' }),
        inputFields: [{ key: 'email', label: 'Email', required: true, helpText: 'Their email address.' }],
        sample: { id: '1' },
      },
    },
  },
  searchOrCreates: {
    find_contact: {
      key: 'find_contact',
      display: { label: 'Find or Create Contact', description: 'Finds or creates a contact.' },
      search: 'find_contact',
      create: 'create_contact',
    },
  },
});

type App = ReturnType<typeof goodApp>;
const lint = (app: object): Finding[] => lintDefinition(definitionOf(app), { latestCoreVersion: '19.1.0' });
const checksOf = (app: object) => [...new Set(lint(app).map((f) => f.check))].sort();
const broken = (change: (app: App) => void): App => {
  const app = goodApp();
  change(app);
  return app;
};

describe('publishing lint', () => {
  it('passes a good app, and Zapier schema validation agrees', () => {
    expect(lint(goodApp())).toEqual([]);
    expect(schemaErrorsOf(goodApp())).toEqual([]);
  });

  it.each<[string, (app: App) => void]>([
    [
      'D001',
      (a) =>
        a.creates.create_contact.operation.inputFields.push({
          key: 'api_token',
          label: 'Token',
          required: false,
          helpText: 'x y',
        }),
    ],
    ['D002', (a) => (a.authentication.fields[0]!.helpText = 'Find it in settings.')],
    ['D003', (a) => (a.authentication.connectionLabel = '{{api_key}}')],
    ['D003', (a) => (a.authentication.connectionLabel = 'My CRM')],
    [
      'D004',
      (a) =>
        a.creates.create_contact.operation.inputFields.push({
          key: 'owner_id',
          label: 'Owner',
          required: false,
          helpText: 'Who owns it.',
        }),
    ],
    ['D005', (a) => (a.triggers.new_contact.operation.inputFields[0]!.dynamic = 'missing.id.name')],
    ['D007', (a) => (a.creates.create_contact.display.description = 'Creates a contact at `x` http://example.com.')],
    [
      'D008',
      (a) => (a.creates.create_contact.display.description = 'Creates a contact, see https://example.com/docs.'),
    ],
    ['D008', (a) => (a.creates.create_contact.display.description = 'Creates a contact, see [docs](example.com).')],
    ['D009', (a) => (a.searches.find_contact.operation.inputFields = [])],
    ['D010', (a) => (a.triggers.new_contact.operation.sample = { created_at: '2024-05-01T14:30:00Z' } as never)],
    ['D011', (a) => (a.searches.find_contact.operation.inputFields[0]!.helpText = 'Email.')],
    ['D012', (a) => delete (a.creates.create_contact.operation as { sample?: unknown }).sample],
    [
      'D013',
      (a) =>
        a.creates.create_contact.operation.inputFields.push({
          key: 'contact',
          label: 'Contact',
          search: 'nope.id',
          dynamic: 'list_lists.id.name',
          required: false,
          helpText: 'Pick one.',
        } as never),
    ],
    [
      'D014',
      (a) =>
        a.creates.create_contact.operation.inputFields.push({
          key: 'contact',
          label: 'Contact',
          search: 'find_contact.id',
          dynamic: 'list_lists.id.name',
          list: true,
          required: false,
          helpText: 'Pick one.',
        } as never),
    ],
    ['D015', (a) => (a.searchOrCreates.find_contact.create = 'nope')],
    ['D018', (a) => (a.triggers.new_contact.display.label = 'new contact')],
    ['D021', (a) => (a.triggers.new_contact.display.description = 'Fires on new contacts')],
    ['D022', (a) => (a.creates.create_contact.operation.inputFields = [(async () => []) as never])],
    ['D023', (a) => (a.triggers.new_contact.operation.sample = { id: '1', created_at: '05/01/2024' })],
    ['D023', (a) => (a.triggers.new_contact.operation.sample = { id: '1', created_at: '2024-05-01T14:30:00' })],
    ['D024', (a) => (a.triggers.new_contact.operation.sample = { id: 1 as never, created_at: '2024-05-01T14:30:00Z' })],
    ['D025', (a) => (a.creates.create_contact.display.description = 'Creates a contact. [x](javascript:alert(1))')],
    ['D027', (a) => (a.platformVersion = '18.0.0')],
    ['D028', (a) => (a.flags = { cleanInputData: true })],
  ])('catches %s', (check, change) => {
    expect(checksOf(broken(change))).toContain(check);
  });

  it('catches a hook trigger without subscribe/unsubscribe or performList (D017, D006)', () => {
    const app = broken((a) => {
      (a.triggers.new_contact.operation as Record<string, unknown>).type = 'hook';
    });
    expect(checksOf(app)).toEqual(expect.arrayContaining(['D006', 'D017']));
  });

  it('reads Title Case the way editors write it', () => {
    const app = broken((a) => (a.triggers.new_contact.display.label = 'Find or Create Contact (Instant)'));
    expect(checksOf(app)).toEqual([]);
  });
});

describe('sample/output consistency', () => {
  const action = {
    key: 'new_contact',
    noun: 'Contact',
    display: { label: 'New Contact', description: 'Triggers when a contact is created.' },
    operation: {
      sample: { id: '1', created_at: '2024-05-01T14:30:00Z', nickname: 'Al' },
      outputFields: [
        { key: 'id', label: 'Contact ID', type: 'string' },
        { key: 'created_at', label: 'Created At', type: 'datetime' },
        { key: 'score', label: 'Score', type: 'number' },
      ],
    },
  } as unknown as Action;

  it('finds sample keys never returned, unlabelled keys, wrong types, bad dates and nesting', () => {
    const findings = compareOutput(
      'x',
      action,
      [{ id: '1', created_at: '2024/05/01', score: 'high', extra: { a: 1 } }],
      [],
    );
    expect(findings.map((f) => [f.check, f.message])).toEqual(
      expect.arrayContaining([
        ['T004', 'sample key "nickname" is never returned for real'],
        ['X001', 'output key "extra" has no label'],
        ['X002', '"extra" is a nested object'],
        ['T005', '"score" is string "high", declared number'],
        ['T003', '"created_at" = "2024/05/01" is not ISO 8601 with a time zone'],
      ]),
    );
  });

  it('accepts output that matches, with dynamic labels', () => {
    const ok = compareOutput(
      'x',
      action,
      [{ id: '1', created_at: '2024-05-01T14:30:00Z', score: 3, nickname: 'Al' }],
      [{ key: 'nickname', label: 'Nickname' }],
    );
    expect(ok).toEqual([]);
  });
});

describe('waivers', () => {
  it('waive only the listed judgement calls', () => {
    expect(waiverFor('nimble', 'D004', 'creates.create_contact.inputFields.owner_id')).toBeDefined();
    // NetHunt's record ids are picked from a dropdown now: nothing of NetHunt's is waived for D004.
    expect(waiverFor('nethunt', 'D004', 'creates.create_comment.inputFields.record_id')).toBeUndefined();
    expect(waiverFor('nethunt', 'D012', 'creates.create_comment.operation.sample')).toBeUndefined();
  });
});
