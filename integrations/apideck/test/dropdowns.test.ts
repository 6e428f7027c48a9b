import { useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../index';
import { api, bundle, listBody, queryOf, run } from './helpers';

useNock();

const PIPELINES = [
  {
    id: 'default',
    name: 'Sales Pipeline',
    stages: [
      { id: 'contractsent', name: 'Contract Sent', display_order: 2 },
      { id: 'appointment', name: 'Appointment', display_order: 1 },
    ],
  },
  { id: 'renewals', name: 'Renewals', stages: [{ id: 'due', name: 'Due', display_order: 1 }] },
];

describe('dropdowns', () => {
  it('list_users: page 0 is one request, labelled by name, then username, then email', async () => {
    const queries: Record<string, string>[] = [];
    api()
      .get('/crm/users')
      .query(true)
      .reply(function (uri) {
        queries.push(queryOf(uri));
        return [
          200,
          listBody('users', [
            { id: '1', first_name: 'Elon', last_name: 'Musk', emails: [] },
            { id: '2', username: 'gwynne', emails: [] },
            { id: '3', emails: [{ email: 'x@y.co', type: 'primary' }] },
          ]),
        ];
      });
    const result = await run('triggers.list_users.operation.perform', bundle());
    expect(queries).toEqual([{ limit: '200' }]);
    expect(result).toEqual([
      { id: '1', name: 'Elon Musk' },
      { id: '2', name: 'gwynne' },
      { id: '3', name: 'x@y.co' },
    ]);
  });

  it('list_companies: page 1 follows meta.cursors.next from page 0, sorted by name', async () => {
    const queries: Record<string, string>[] = [];
    api()
      .get('/crm/companies')
      .query(true)
      .times(2)
      .reply(function (uri) {
        const q = queryOf(uri);
        queries.push(q);
        return q.cursor
          ? [200, listBody('companies', [{ id: 'b', name: 'Tesla' }])]
          : [200, listBody('companies', [{ id: 'a', name: 'SpaceX' }], 'cGFnZTI=')];
      });
    const result = await run('triggers.list_companies.operation.perform', bundle({}, { page: 1 }));
    expect(queries).toEqual([
      { 'sort[by]': 'name', 'sort[direction]': 'asc', limit: '200' },
      { 'sort[by]': 'name', 'sort[direction]': 'asc', limit: '200', cursor: 'cGFnZTI=' },
    ]);
    expect(result).toEqual([{ id: 'b', name: 'Tesla' }]);
  });

  it('list_companies: a page past the last one is empty', async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(200, listBody('companies', [{ id: 'a', name: 'SpaceX' }], null));
    await expect(run('triggers.list_companies.operation.perform', bundle({}, { page: 3 }))).resolves.toEqual([]);
  });

  it('list_pipelines and list_pipeline_stages (only the chosen pipeline, in display order)', async () => {
    api().get('/crm/pipelines').query({ limit: '200' }).times(2).reply(200, listBody('pipelines', PIPELINES));
    await expect(run('triggers.list_pipelines.operation.perform', bundle())).resolves.toEqual([
      { id: 'default', name: 'Sales Pipeline' },
      { id: 'renewals', name: 'Renewals' },
    ]);
    const stages = (await run(
      'triggers.list_pipeline_stages.operation.perform',
      bundle({ pipeline_id: 'default' }),
    )) as {
      id: string;
      label: string;
    }[];
    expect(stages.map((s) => [s.id, s.label])).toEqual([
      ['appointment', 'Sales Pipeline › Appointment'],
      ['contractsent', 'Sales Pipeline › Contract Sent'],
    ]);
  });

  it('list_contacts: newest first, labelled with name and email; page 1 follows the cursor', async () => {
    const queries: Record<string, string>[] = [];
    api()
      .get('/crm/contacts')
      .query(true)
      .times(2)
      .reply(function (uri) {
        const q = queryOf(uri);
        queries.push(q);
        return q.cursor
          ? [
              200,
              listBody('contacts', [
                { id: 'c3', first_name: 'Gwynne', last_name: 'Shotwell', emails: [] },
                {
                  id: 'c4',
                  emails: [
                    { email: ' ', type: 'primary' },
                    { email: 'kim@x.co', type: 'work' },
                  ],
                },
                { id: 'c5' },
              ]),
            ]
          : [
              200,
              listBody(
                'contacts',
                [
                  {
                    id: 'c1',
                    name: 'Elon Musk',
                    emails: [
                      { email: 'elon@spacex.com', type: 'work' },
                      { email: 'elon@musk.com', type: 'primary' },
                    ],
                  },
                ],
                'cGFnZTI=',
              ),
            ];
      });
    const result = await run('triggers.list_contacts.operation.perform', bundle({}, { page: 1 }));
    expect(queries).toEqual([
      { 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' },
      { 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200', cursor: 'cGFnZTI=' },
    ]);
    expect(result).toEqual([
      { id: 'c3', name: 'Gwynne Shotwell' },
      { id: 'c4', name: 'kim@x.co' },
      { id: 'c5', name: 'c5' },
    ]);
  });

  it('list_contacts: page 0 is one request, "Name (primary email)"', async () => {
    api()
      .get('/crm/contacts')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' })
      .reply(
        200,
        listBody(
          'contacts',
          [
            {
              id: 'c1',
              name: 'Elon Musk',
              emails: [
                { email: 'elon@spacex.com', type: 'work' },
                { email: 'elon@musk.com', type: 'primary' },
              ],
            },
          ],
          'bmV4dA==',
        ),
      );
    await expect(run('triggers.list_contacts.operation.perform', bundle())).resolves.toEqual([
      { id: 'c1', name: 'Elon Musk (elon@musk.com)' },
    ]);
  });

  it('list_deals: newest first, labelled by title; a page past the last one is empty', async () => {
    const query = { 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' };
    api()
      .get('/crm/opportunities')
      .query(query)
      .reply(
        200,
        listBody('opportunities', [
          { id: 'd2', title: 'New Rocket' },
          { id: 'd1', title: ' ' },
        ]),
      );
    await expect(run('triggers.list_deals.operation.perform', bundle())).resolves.toEqual([
      { id: 'd2', name: 'New Rocket' },
      { id: 'd1', name: 'd1' },
    ]);
    api()
      .get('/crm/opportunities')
      .query(query)
      .reply(200, listBody('opportunities', [{ id: 'd2', title: 'X' }]));
    await expect(run('triggers.list_deals.operation.perform', bundle({}, { page: 1 }))).resolves.toEqual([]);
  });

  it('every contact and deal input offers its dropdown; contact inputs also offer Find Contact', () => {
    type F = { key: string; type?: string; dynamic?: string; search?: string; list?: boolean };
    const creates = App.creates as unknown as Record<string, { operation: { inputFields: F[] } }>;
    const fieldsOf = (key: string) => creates[key]!.operation.inputFields;
    const contactInputs: [string, string][] = [
      ['update_contact', 'contact_id'],
      ['create_deal', 'primary_contact_id'],
      ['create_note', 'contact_id'],
      ['log_activity', 'contact_id'],
    ];
    for (const [create, key] of contactInputs) {
      expect([create, fieldsOf(create).find((f) => f.key === key)]).toEqual([
        create,
        expect.objectContaining({ type: 'string', dynamic: 'list_contacts.id.name', search: 'find_contact.id' }),
      ]);
    }
    for (const create of ['create_note', 'log_activity']) {
      expect(fieldsOf(create).find((f) => f.key === 'opportunity_id')).toMatchObject({
        type: 'string',
        dynamic: 'list_deals.id.name',
      });
    }
    expect(App.triggers!.list_contacts!.display.hidden).toBe(true);
    expect(App.triggers!.list_deals!.display.hidden).toBe(true);
  });
});

describe('dropdown pages keep the next cursor in z.cursor (issue 17): page n costs one request', () => {
  /**
   * Zapier's cursor store, as core's RPC client reaches it (`POST <rpc_base>` with
   * `{ id, storeKey, method, params }`, answered `{ id, result }`), kept in a Map per store key.
   */
  const RPC = 'https://rpc.zapier.test';
  // Core's lambda handler, which createAppTester wraps (untyped in core's declarations).
  const { createAppHandler } = zapier as unknown as {
    createAppHandler: (app: object) => (event: object) => Promise<{ results: unknown }>;
  };
  const handler = createAppHandler(App);
  const store = new Map<string, string>();
  const rpcCalls: string[] = [];
  const cursorStore = (times: number) =>
    nock(RPC, { reqheaders: { 'x-deploy-key': 'test-deploy-key' } })
      .post('/cli')
      .times(times)
      .reply(function (_uri, body) {
        const { id, storeKey, method, params } = (typeof body === 'string' ? JSON.parse(body) : body) as {
          id: string;
          storeKey: string;
          method: string;
          params: string[];
        };
        rpcCalls.push(params.length ? `${method} ${params.join(' ')}` : method);
        if (method === 'set_cursor') store.set(storeKey, params[0]!);
        return [200, { id, result: method === 'get_cursor' ? (store.get(storeKey) ?? null) : null }];
      });
  const page = async (n: number) =>
    (
      await handler({
        command: 'execute',
        method: 'triggers.list_companies.operation.perform',
        bundle: bundle({}, { page: n }),
        storeKey: 'zap-1-list_companies',
        rpc_base: `${RPC}/cli`,
      })
    ).results;
  const companies = (queries: Record<string, string>[]) =>
    api()
      .get('/crm/companies')
      .query(true)
      .reply(function (uri) {
        const q = queryOf(uri);
        queries.push(q);
        return q.cursor
          ? [200, listBody('companies', [{ id: 'b', name: 'Tesla' }], null)]
          : [200, listBody('companies', [{ id: 'a', name: 'SpaceX' }], 'cGFnZTI=')];
      });
  // Core's RPC client authenticates with the deploy key when the event has no token (a token would
  // also turn on core's log streaming to Zapier).
  beforeAll(() => {
    process.env.ZAPIER_DEPLOY_KEY = 'test-deploy-key';
  });
  afterAll(() => {
    delete process.env.ZAPIER_DEPLOY_KEY;
  });
  beforeEach(() => {
    store.clear();
    rpcCalls.length = 0;
  });

  it('page 0 keeps the cursor of page 1; page 1 is one request from it; past the last page no request', async () => {
    const queries: Record<string, string>[] = [];
    companies(queries);
    cursorStore(1);
    expect(await page(0)).toEqual([{ id: 'a', name: 'SpaceX' }]);
    companies(queries);
    cursorStore(2);
    expect(await page(1)).toEqual([{ id: 'b', name: 'Tesla' }]);
    cursorStore(1);
    expect(await page(2)).toEqual([]);
    expect(queries).toEqual([
      { 'sort[by]': 'name', 'sort[direction]': 'asc', limit: '200' },
      { 'sort[by]': 'name', 'sort[direction]': 'asc', limit: '200', cursor: 'cGFnZTI=' },
    ]);
    expect(rpcCalls).toEqual(['set_cursor 1:cGFnZTI=', 'get_cursor', 'set_cursor 2:', 'get_cursor']);
  });

  it('a kept cursor is used only for the page it leads to: another page walks from the start', async () => {
    store.set('zap-1-list_companies', '5:c29tZXdoZXJl');
    const queries: Record<string, string>[] = [];
    companies(queries);
    companies(queries);
    cursorStore(2);
    expect(await page(1)).toEqual([{ id: 'b', name: 'Tesla' }]);
    expect(queries.map((q) => q.cursor)).toEqual([undefined, 'cGFnZTI=']);
  });
});
