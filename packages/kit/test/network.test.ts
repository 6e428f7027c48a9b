import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import { z as zod } from 'zod';
import type { ZObject } from 'zapier-platform-core';
import { appRunner, crmErrors, requestJson } from '../src';

// Real sockets on loopback (nock cannot break a connection the way a network does).
let server: Server;
let base = '';
// A second host, where a redirect points: anything that reaches it is recorded.
let foreign: Server;
let foreignHost = '';
const reachedForeign: { url?: string; headers: Record<string, unknown> }[] = [];

const listen = async (s: Server): Promise<string> => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  foreign = createServer((req, res) => {
    reachedForeign.push({ url: req.url, headers: req.headers });
    res.end('{}');
  });
  foreignHost = await listen(foreign);
  server = createServer((req, res) => {
    if (req.url === '/reset') req.socket.destroy();
    else if (req.url === '/slow') setTimeout(() => res.end('{}'), 5000).unref();
    else if (req.url === '/redirect') res.writeHead(307, { Location: `http://${foreignHost}/stolen?x=1` }).end();
    else res.end('{}');
  });
  base = `http://${await listen(server)}`;
});
afterAll(async () => {
  for (const s of [server, foreign]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const probe = (path: string, method: 'GET' | 'POST' = 'GET', origin = base) => {
  const perform = (z: ZObject) =>
    requestJson(z, {
      method,
      url: `${origin}${path}`,
      headers: { 'x-api-key': 'SECRET-KEY' },
      schema: zod.object({}),
      crm: 'Example CRM',
    }).then(() => ({ id: '1' }));
  const app = {
    version: '1.0.0',
    platformVersion: '19.1.0',
    flags: { skipHttpPatch: true },
    afterResponse: [crmErrors({ crm: 'Example CRM', credentials: 'API key' })],
    triggers: {},
    searches: {},
    creates: {
      probe: {
        key: 'probe',
        noun: 'Probe',
        display: { label: 'Probe', description: 'Probe.' },
        operation: { perform },
      },
    },
  };
  return appRunner(app)('creates.probe.operation.perform', makeBundle({}));
};

/** Only the timeout cases wait for a short timeout; every other request has the normal one. */
const withShortTimeout = async <T>(run: () => Promise<T>): Promise<T> => {
  process.env.CRM_REQUEST_TIMEOUT_MS = '300';
  try {
    return await run();
  } finally {
    delete process.env.CRM_REQUEST_TIMEOUT_MS;
  }
};

describe('network failures', () => {
  it.each([
    ['/reset', 'ECONNRESET'],
    ['/slow', 'ETIMEDOUT'],
  ])('a read of %s becomes a retryable error naming the CRM, without the URL', async (path, code) => {
    const err = await failureOf(withShortTimeout(() => probe(path)));
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toEqual({
      message: `Could not reach Example CRM (${code}); Zapier will retry.`,
      delay: 60,
    });
  });

  it.each([
    ['/reset', 'ECONNRESET'],
    ['/slow', 'ETIMEDOUT'],
  ])('a write broken at %s is not retried, and says the change may have been made', async (path, code) => {
    const err = await failureOf(withShortTimeout(() => probe(path, 'POST')));
    expect(err.name).toBe('AppError');
    expect(err.message).toBe(
      `The connection to Example CRM broke (${code}) after the request was sent, so the change may or may not ` +
        'have been made in Example CRM. Check in Example CRM before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('a write that never connected is retried: nothing reached the CRM', async () => {
    const closed = createServer();
    const host = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const err = await failureOf(probe('/x', 'POST', `http://${host}`));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toBe('Could not reach Example CRM (ECONNREFUSED); Zapier will retry.');
  });

  it.each(['GET', 'POST'] as const)('a %s redirected to another host is not followed', async (method) => {
    reachedForeign.length = 0;
    const err = await failureOf(probe('/redirect', method));
    expect(err.message).toBe(
      `Example CRM answered with a redirect to ${foreignHost}. It was not followed, so your credentials ` +
        'were not sent there; check that the Example CRM API address is right.',
    );
    expect(err.raw).not.toContain('SECRET-KEY');
    expect(reachedForeign).toEqual([]);
  });

  it('still answers normally when the CRM does', async () => {
    await expect(probe('/ok')).resolves.toEqual({ id: '1' });
  });
});
