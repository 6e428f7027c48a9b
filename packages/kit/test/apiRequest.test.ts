import { expectNothingSent, failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import { appRunner, crmErrors, defineApiRequest, guardApp } from '../src';

useNock();

const ORIGIN = 'https://crm.example.com';
const BASE = `${ORIGIN}/api/v2`;
const KEY = 'kit-SENTINEL-key-5e7a';

const apiRequest = defineApiRequest({
  crm: 'Example CRM',
  baseUrl: () => BASE,
  docsUrl: 'https://crm.example.com/docs',
  examplePath: '/contacts',
  authHeaders: /^x-api-key$/i,
});

const addKey: BeforeRequestMiddleware = (request, _z, bundle) => {
  request.headers = { ...request.headers, 'X-Api-Key': String(bundle.authData.api_key) };
  return request;
};

const app = guardApp(
  {
    version: '1.0.0',
    platformVersion: '19.1.0',
    flags: { throwForThrottlingEarly: false, skipHttpPatch: true },
    authentication: { type: 'custom', fields: [{ key: 'api_key', label: 'API Key' }], test: () => ({}) },
    beforeRequest: [addKey],
    afterResponse: [crmErrors({ crm: 'Example CRM', credentials: 'API key' })],
    triggers: {},
    searches: {},
    creates: { [apiRequest.key]: apiRequest },
  },
  { crm: 'Example CRM' },
);

const run = (input: Record<string, unknown>) =>
  appRunner(app)('creates.api_request.operation.perform', makeBundle({ api_key: KEY }, input)) as Promise<
    Record<string, unknown>
  >;

describe('API Request (Beta)', () => {
  it('sends the method, path, query, headers and JSON body with the connection key, and flattens the answer', async () => {
    nock(BASE, { reqheaders: { 'x-api-key': KEY, 'x-trace': 'zap-1', 'content-type': 'application/json' } })
      .patch('/contacts/42', { name: 'Ada', tags: ['vip'] })
      .query({ expand: 'owner', fields: 'name' })
      .reply(
        200,
        { id: '42', name: 'Ada', owner: { name: 'Bo' }, tags: ['vip'], emails: [{ type: 'work', email: 'ada@x.io' }] },
        { 'Set-Cookie': 'session=abc', 'X-Api-Key': KEY, 'X-Request-Id': 'r-1' },
      );
    const out = await run({
      method: 'PATCH',
      path: '/contacts/42',
      query: { expand: 'owner', fields: 'name' },
      headers: { 'X-Trace': 'zap-1' },
      body: '{"name": "Ada", "tags": ["vip"]}',
    });
    expect(out).toEqual({
      status: 200,
      'headers__content-type': 'application/json',
      'headers__x-request-id': 'r-1',
      body__id: '42',
      body__name: 'Ada',
      body__owner__name: 'Bo',
      body__tags: ['vip'],
      'body__emails[]type': ['work'],
      'body__emails[]email': ['ada@x.io'],
      body_text:
        '{"id":"42","name":"Ada","owner":{"name":"Bo"},"tags":["vip"],"emails":[{"type":"work","email":"ada@x.io"}]}',
    });
  });

  it('stops on an error status by default, with the CRM words, and outputs it when told not to', async () => {
    nock(BASE).get('/deals').reply(422, { message: 'limit too big' });
    expect((await failureOf(run({ method: 'GET', path: 'deals' }))).message).toBe(
      'Example CRM rejected the request: limit too big',
    );
    nock(BASE).get('/deals').reply(422, { message: 'limit too big' });
    const out = await run({ method: 'GET', path: 'deals', fail_on_error: 'no' });
    expect(out).toMatchObject({ status: 422, body__message: 'limit too big' });
  });

  it('treats a 401 as the connection failing even when error statuses are output', async () => {
    nock(BASE).get('/me').reply(401, { message: 'bad key' });
    const err = await failureOf(run({ path: '/me', fail_on_error: 'no' }));
    expect(err.name).toBe('ExpiredAuthError');
  });

  it('outputs a deeply nested answer as keys down to eight levels, and JSON text below', async () => {
    nock(BASE)
      .get('/deep')
      .reply(200, { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } });
    const out = await run({ path: '/deep' });
    expect(out.body__a__b__c__d__e__f__g__h).toBe('{"i":1}');
  });

  it('never outputs the key the CRM echoes', async () => {
    nock(BASE).get('/me').reply(200, { key: KEY });
    const out = await run({ path: '/me' });
    expect(JSON.stringify(out)).not.toContain(KEY);
    expect(out.body__key).toBe(':censored:');
  });

  it('follows no redirect, so the key goes nowhere else', async () => {
    nock(BASE).get('/old').reply(302, '', { Location: 'https://elsewhere.example/new' });
    const err = await failureOf(run({ path: '/old' }));
    expect(err.message).toMatch(/^Example CRM answered with a redirect to elsewhere\.example\./);
  });

  it('does not retry a write the CRM failed with a 500', async () => {
    nock(BASE).post('/deals').reply(500, { message: 'oops' });
    const err = await failureOf(run({ method: 'POST', path: '/deals', body: '{}' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
    expect(err.message).toMatch(
      /^Example CRM had a problem on its side: oops, so the change may or may not have been made/,
    );
  });

  it.each([
    [{ path: 'https://elsewhere.example/x' }, 'Path: must be a path under'],
    [{ path: '//elsewhere.example/x' }, 'Path: must be a path under'],
    [{ path: 'javascript:alert(1)' }, 'Path: must be a path under'],
    [{ path: '/contacts/../../admin' }, 'Path: must stay under'],
    [{ path: '/contacts/%2e%2e/%2E%2E/admin' }, 'Path: must stay under'],
    [{ path: '/contacts%2F..%2F..%2Fadmin' }, 'Path: must stay under'],
    [{ path: '/contacts?x=1' }, 'Path: must not contain "?" or "#"'],
    [{ path: '\\\\elsewhere.example' }, 'Path: must not contain a backslash'],
    [{ path: ' ' }, 'Path: is required'],
    [{ path: '/me', headers: { Authorization: 'Bearer x' } }, 'Headers: "Authorization" is set by the connection'],
    [{ path: '/me', headers: { 'x-api-key': 'other' } }, 'Headers: "x-api-key" is set by the connection'],
    [{ path: '/me', headers: { 'Bad Name': 'x' } }, 'Headers: "Bad Name" is not a header name'],
    [
      { path: '/me', headers: { 'X-Note': 'a\r\nX-Api-Key: other' } },
      'Headers: the value of "X-Note" holds a line break',
    ],
    [{ path: '/me', method: 'POST', body: '{name: 1}' }, 'Body (JSON): is not JSON'],
    [{ path: '/me', method: 'GET', body: '{}' }, 'Body (JSON): a GET request has no body'],
    [{ path: '/me', method: 'TRACE' }, 'HTTP Method: must be one of GET, POST, PUT, PATCH, DELETE'],
  ])('refuses %j before any request, naming the field', async (input, message) => {
    const err = await failureOf(run(input));
    expect(err.message).toContain(message);
    expectNothingSent();
  });
});
