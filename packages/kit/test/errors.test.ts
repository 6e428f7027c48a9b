import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { z as zod } from 'zod';
import {
  appRunner,
  crmErrors,
  guardApp,
  appErrorOf,
  isNotFound,
  orNotFound,
  requestJson,
  retryAfterSeconds,
  readCommonError,
  withoutSecrets,
} from '../src';
import type { ZObject } from 'zapier-platform-core';

useNock();

const ORIGIN = 'https://crm.example.com';
const SECRET = 'kit-SENTINEL-secret-91b2';
const ItemSchema = zod.object({ id: zod.string(), name: zod.string() });

const app = {
  version: '1.0.0',
  platformVersion: '19.1.0',
  flags: { throwForThrottlingEarly: false, skipHttpPatch: true },
  afterResponse: [crmErrors({ crm: 'Example CRM', credentials: 'API key' })],
  triggers: {},
  searches: {},
  creates: {},
};
const oauthApp = { ...app, afterResponse: [crmErrors({ crm: 'Example CRM', credentials: 'connection', oauth: true })] };

const getItem = (z: ZObject) =>
  requestJson(z, { url: `${ORIGIN}/items/42`, schema: ItemSchema, crm: 'Example CRM', resource: 'item 42' });

const run = (target: object = app, perform: (z: ZObject) => Promise<unknown> = getItem) =>
  appRunner(
    guardApp(
      {
        ...target,
        creates: {
          probe: {
            key: 'probe',
            noun: 'Probe',
            display: { label: 'Probe', description: 'Probe.' },
            operation: { perform },
          },
        },
      },
      { crm: 'Example CRM' },
    ),
  )('creates.probe.operation.perform', makeBundle({ api_key: SECRET }));

describe('crmErrors', () => {
  it.each([
    [
      400,
      { message: 'Name is required', field: 'name' },
      'Example CRM rejected the request: Name is required',
      'AppError',
    ],
    [
      409,
      { error: { message: 'Email already exists', field: 'email' } },
      'Example CRM rejected the request: Email already exists',
      'AppError',
    ],
    [
      422,
      { errors: [{ message: 'must be a date', path: 'close_date' }] },
      'Example CRM rejected the request: must be a date (close_date)',
      'AppError',
    ],
    [
      403,
      { message: 'No access to folder' },
      'Example CRM refused access: No access to folder. Check that the user you connected with may do this in Example CRM.',
      'AppError',
    ],
    [404, { message: 'gone' }, 'Example CRM could not find item 42: gone', 'AppError'],
  ])('maps %s to the CRM message', async (status, body, message, name) => {
    nock(ORIGIN).get('/items/42').reply(status, body);
    const err = await failureOf(run());
    expect(err).toMatchObject({ name, message });
  });

  it('names the field the CRM blames by its Zap-editor label', async () => {
    const labelled = {
      ...app,
      afterResponse: [
        crmErrors({ crm: 'Example CRM', credentials: 'API key', fieldLabels: { close_date: 'Expected Close Date' } }),
      ],
    };
    nock(ORIGIN)
      .get('/items/42')
      .reply(422, { errors: [{ message: 'must be a date', path: 'close_date' }] });
    const err = await failureOf(run(labelled));
    expect(err.message).toBe('Example CRM rejected the request: must be a date (Expected Close Date)');
  });

  it('maps 401 to an auth error naming the credential, never echoing the secret', async () => {
    nock(ORIGIN)
      .get('/items/42')
      .reply(401, { message: `bad key ${SECRET}` });
    const err = await failureOf(run());
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/did not accept your API key \(bad key :censored:\)/);
    expect(err.raw).not.toContain(SECRET);
  });

  it('asks core to refresh on a 401 for OAuth2 apps', async () => {
    nock(ORIGIN).get('/items/42').reply(401, {});
    const err = await failureOf(run(oauthApp));
    expect(err.name).toBe('RefreshAuthError');
  });

  it.each([
    ['120', 120],
    [undefined, undefined],
  ])('maps 429 (Retry-After %s) to a throttled error with that delay', async (retryAfter, delay) => {
    nock(ORIGIN)
      .get('/items/42')
      .reply(429, { message: 'Slow down' }, retryAfter ? { 'Retry-After': retryAfter } : {});
    const err = await failureOf(run());
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toEqual({
      message: expect.stringContaining('Example CRM is rate limiting requests (Slow down)'),
      delay,
    });
  });

  it.each([500, 502, 503])('maps %s to a retryable error with the request id', async (status) => {
    nock(ORIGIN)
      .get('/items/42')
      .reply(status, '<html>Bad gateway</html>', { 'x-request-id': 'req-77', 'content-type': 'text/html' });
    const err = await failureOf(run());
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toEqual({
      message: `Example CRM had a temporary problem (request id req-77); Zapier will retry.`,
      delay: 60,
    });
  });
});

describe("crmErrors' classify hook", () => {
  const seen: { status: number; body: unknown; said?: string }[] = [];
  const classified = {
    ...app,
    afterResponse: [
      crmErrors({
        crm: 'Example CRM',
        credentials: 'API key',
        classify: (status, body, { z, said }) => {
          seen.push({ status, body, said });
          if (body && typeof body === 'object' && 'failed' in body)
            return new z.errors.Error(`Said: ${said}`, 'Envelope', status);
          return undefined;
        },
      }),
    ],
  };
  beforeEach(() => {
    seen.length = 0;
  });

  it('sees a 2xx with its body parsed, and its error is what the user gets', async () => {
    nock(ORIGIN).get('/items/42').reply(200, { failed: true, message: 'Quota used up' });
    const err = await failureOf(run(classified));
    expect(err).toMatchObject({ name: 'AppError', message: 'Said: Quota used up' });
    expect(seen).toEqual([{ status: 200, body: { failed: true, message: 'Quota used up' }, said: 'Quota used up' }]);
  });

  it('gets plain text as text; undefined leaves the status table to decide; the user sees no credential', async () => {
    nock(ORIGIN).get('/items/42').reply(400, `Key ${SECRET} is not valid`, { 'content-type': 'text/plain' });
    const err = await failureOf(run(classified));
    expect(err.message).toBe('Example CRM rejected the request: Key :censored: is not valid');
    expect(seen).toEqual([{ status: 400, body: `Key ${SECRET} is not valid`, said: `Key ${SECRET} is not valid` }]);
  });

  it('lets a good answer through untouched', async () => {
    nock(ORIGIN).get('/items/42').reply(200, { id: '42', name: 'Ada' });
    await expect(run(classified)).resolves.toEqual({ id: '42', name: 'Ada' });
    expect(seen).toHaveLength(1);
  });
});

describe('requestJson', () => {
  it.each([
    ['', 'Example CRM sent an empty answer where data was expected.'],
    ['<html><body>Login</body></html>', /not JSON \(text\/html\): <html><body>Login/],
    ['{"id": "42", "na', /not JSON/],
    [
      '{"id": 42}',
      'Example CRM sent an answer of an unexpected shape: id: Invalid input: expected string, received number; name is missing.',
    ],
  ])('turns the answer %j into a clear error', async (body, message) => {
    nock(ORIGIN)
      .get('/items/42')
      .reply(200, body, { 'content-type': body.startsWith('<') ? 'text/html' : 'application/json' });
    const err = await failureOf(run());
    expect(err.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect(err.raw).not.toMatch(/SyntaxError/);
  });
  it('after a write the CRM accepted, says the change may have been made, and is not retried', async () => {
    nock(ORIGIN).post('/items', { name: 'Ada' }).reply(201, { id: 42 });
    const postItem = (z: ZObject) =>
      requestJson(z, {
        method: 'POST',
        url: `${ORIGIN}/items`,
        body: { name: 'Ada' },
        schema: ItemSchema,
        crm: 'Example CRM',
      });
    const err = await failureOf(run(app, postItem));
    expect(err.message).toBe(
      'Example CRM accepted the request but sent an answer of an unexpected shape: id: Invalid input: expected string, received number; name is missing, ' +
        'so the change may or may not have been made in Example CRM. Check in Example CRM before running this step again; Zapier will not retry it on its own.',
    );
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(retryAfterSeconds('5', now)).toBe(5);
    expect(retryAfterSeconds('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });

  it('reads the common error shapes', () => {
    expect(readCommonError('plain')).toEqual({ message: 'plain' });
    expect(readCommonError({ error: 'Bad Request', detail: 'email is invalid' })).toEqual({
      message: 'email is invalid',
      field: undefined,
    });
    expect(readCommonError([{ message: 'first' }])).toEqual({ message: 'first', field: undefined });
    expect(readCommonError(42)).toEqual({});
  });
});

describe('not found as nothing found', () => {
  const caught = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: unknown) => err,
    );

  it('recognises the 404 crmErrors throws, and only that', async () => {
    nock(ORIGIN).get('/items/42').reply(404, { message: 'gone' });
    expect(isNotFound(await caught(run()))).toBe(true);
    nock(ORIGIN).get('/items/42').reply(400, { message: 'bad' });
    expect(isNotFound(await caught(run()))).toBe(false);
    expect(isNotFound(new Error('{"status":404}'))).toBe(false);
  });

  it('appErrorOf reads the message, code and status of the error crmErrors throws, and of nothing else', async () => {
    nock(ORIGIN).get('/items/42').reply(422, { message: 'Email is invalid' });
    expect(appErrorOf(await caught(run()))).toEqual({
      message: 'Example CRM rejected the request: Email is invalid',
      code: 'InvalidInput',
      status: 422,
    });
    expect(appErrorOf(new Error('{"status":422}'))).toBeUndefined();
    expect(appErrorOf('{"status":422}')).toBeUndefined();
  });

  it('orNotFound turns that 404 into undefined and lets other errors through', async () => {
    nock(ORIGIN).get('/items/42').reply(404, {});
    const notFound = await caught(run());
    await expect(orNotFound(Promise.reject(notFound))).resolves.toBeUndefined();
    await expect(orNotFound(Promise.resolve(1))).resolves.toBe(1);
    await expect(orNotFound(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('withoutSecrets censors secrets of four characters or more', () => {
    expect(withoutSecrets('key abcd and abc', ['abcd', 'abc', undefined])).toBe('key :censored: and abc');
  });
});
