import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../index';
import listCompanies from '../triggers/listCompanies';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, bundle, queryOf, run } from './helpers';

useNock();

describe('list_companies', () => {
  it('page 1 follows meta.cursors.next from page 0 (no cursor store here), sorted by name', async () => {
    api()
      .get('/crm/companies')
      .query({ 'sort[by]': 'name', 'sort[direction]': 'asc', limit: '200' })
      .reply(200, listBody('companies', [{ id: 'a', name: 'SpaceX' }], 'cGFnZTI='));
    api()
      .get('/crm/companies')
      .query({ 'sort[by]': 'name', 'sort[direction]': 'asc', limit: '200', cursor: 'cGFnZTI=' })
      .reply(
        200,
        listBody('companies', [
          { id: 'b', name: 'Tesla' },
          { id: 'c', name: ' ' },
        ]),
      );
    await expect(run.trigger(listCompanies, {}, { meta: { page: 1 } })).resolves.toEqual([
      { id: 'b', name: 'Tesla' },
      { id: 'c', name: 'c' },
    ]);
  });

  it('a page past the last one is empty', async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(200, listBody('companies', [{ id: 'a', name: 'SpaceX' }], null));
    await expect(run.trigger(listCompanies, {}, { meta: { page: 3 } })).resolves.toEqual([]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listCompanies, {}));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — cursor is invalid',
    );
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/companies')
      .query(true)
      .reply(200, listBody('companies', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(listCompanies, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
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
