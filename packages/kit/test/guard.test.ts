import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { z as zod } from 'zod';
import type { BeforeRequestMiddleware, ZObject } from 'zapier-platform-core';
import { APP_FLAGS, appRunner, crmErrors, guardApp, requestJson, secretForms } from '../src';

useNock();

const API = 'https://api.example-crm.test';
// Stored as pasted, with the whitespace around it: core trims header values, so the CRM sees the trimmed key.
const KEY = '  key-4f9a2c71e0  ';

const addKey: BeforeRequestMiddleware = (request, _z, bundle) => {
  request.headers = { ...request.headers, 'x-api-key': String(bundle.authData?.api_key ?? '') };
  return request;
};

const readContact = (z: ZObject) =>
  requestJson(z, { url: `${API}/contact`, schema: zod.object({ id: zod.string() }), crm: 'Example CRM' });

const app = guardApp(
  {
    version: '1.0.0',
    platformVersion: '19.1.0',
    flags: APP_FLAGS,
    authentication: { type: 'custom', fields: [{ key: 'api_key', label: 'API Key' }], test: readContact },
    beforeRequest: [addKey],
    afterResponse: [crmErrors({ crm: 'Example CRM', credentials: 'API key' })],
    searches: {
      find: {
        key: 'find',
        noun: 'Contact',
        display: { label: 'Find', description: 'Finds.' },
        operation: {
          perform: async (z: ZObject, bundle: { authData: Record<string, string> }) => {
            z.console.log(`looking up with ${bundle.authData.api_key!.trim()}`);
            return [await readContact(z)];
          },
        },
      },
    },
  },
  { crm: 'Example CRM' },
);
const run = appRunner(app);
const find = (apiKey = KEY) => run('searches.find.operation.perform', makeBundle({ api_key: apiKey }));

describe('guardApp: no credential in any message or console line', () => {
  it('scrubs the trimmed key a 400 echoes back', async () => {
    nock(API)
      .get('/contact')
      .reply(400, { message: `Invalid credential ${KEY.trim()}` });
    const err = await failureOf(find());
    expect(err.message).toBe('Example CRM rejected the request: Invalid credential :censored:');
  });

  it('scrubs the key from a 200 answer that is not JSON', async () => {
    nock(API).get('/contact').reply(200, `Invalid credential ${KEY.trim()}`, { 'Content-Type': 'text/plain' });
    const err = await failureOf(find());
    expect(err.message).toBe(
      'Example CRM sent an answer that is not JSON (text/plain): Invalid credential :censored:.',
    );
  });

  it('scrubs console lines', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      nock(API).get('/contact').reply(200, { id: '7' });
      await expect(find()).resolves.toEqual([{ id: '7' }]);
      const lines = log.mock.calls.map((args) => args.join(' ')).filter((line) => line.includes('looking up'));
      expect(lines).toEqual([expect.stringContaining('looking up with :censored:')]);
    } finally {
      log.mockRestore();
    }
  });

  it.each([
    ['a line break', 'key-1\r\nX-Evil: 1'],
    ['a NUL', 'key-1\u0000'],
    ['a character above U+00FF', 'key-1\u2028'],
  ])('refuses a key holding %s before any request, naming the field and not the value', async (_what, key) => {
    const err = await failureOf(find(key));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/^Your API Key holds a character that cannot be sent to Example CRM/);
    expect(err.raw).not.toContain('key-1');
  });
});

describe('secretForms', () => {
  it('covers a Basic header: the base64 of user:password, raw and trimmed', () => {
    const forms = secretForms([], { username: 'jane@example.com ', password: ' k3y' });
    expect(forms).toContain(Buffer.from('jane@example.com : k3y').toString('base64'));
    expect(forms).toContain(Buffer.from('jane@example.com:k3y').toString('base64'));
  });

  it('covers URL-encoded and JSON-escaped forms', () => {
    expect(secretForms(['a/b"c d'])).toEqual(expect.arrayContaining(['a/b"c d', 'a%2Fb%22c%20d', 'a/b\\"c d']));
  });
});
