import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import { z as zod } from 'zod';
import type { ZObject } from 'zapier-platform-core';
import { appRunner, crmErrors, requestJson } from '../src';

// Real sockets on loopback (nock cannot break a connection the way a network does).
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/reset') req.socket.destroy();
    else if (req.url === '/slow') setTimeout(() => res.end('{}'), 2000).unref();
    else res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.CRM_REQUEST_TIMEOUT_MS = '200';
});
afterAll(async () => {
  delete process.env.CRM_REQUEST_TIMEOUT_MS;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const probe = (path: string) => {
  const perform = (z: ZObject) =>
    requestJson(z, { url: `${base}${path}`, schema: zod.object({}), crm: 'Example CRM' }).then(() => ({ id: '1' }));
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

describe('network failures', () => {
  it.each([
    ['/reset', 'ECONNRESET'],
    ['/slow', 'ETIMEDOUT'],
  ])('%s becomes a retryable error naming the CRM, without the URL', async (path, code) => {
    const err = await failureOf(probe(path));
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toEqual({
      message: `Could not reach Example CRM (${code}); Zapier will retry.`,
      delay: 60,
    });
  });

  it('still answers normally when the CRM does', async () => {
    await expect(probe('/ok')).resolves.toEqual({ id: '1' });
  });
});
