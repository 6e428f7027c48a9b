import { makeBundle } from '@crm-zapier/kit/testing';
import type { ZObject } from 'zapier-platform-core';
import { APP_FLAGS, appRunner, cachedForConnection } from '../src';

/** An app whose one create counts how often its value is loaded, and caches it under `key`. */
const counting = (value: unknown) => {
  const loads = { count: 0 };
  const perform = async (z: ZObject) => ({
    value: await cachedForConnection(z, 'Example CRM', 'the-key', 60, async () => {
      loads.count += 1;
      return value;
    }),
  });
  const app = {
    version: '1.0.0',
    platformVersion: '19.1.0',
    // As every app here: core must not patch node's http (nock intercepts it in the other test files).
    flags: APP_FLAGS,
    creates: {
      probe: {
        key: 'probe',
        noun: 'Probe',
        display: { label: 'Probe', description: 'Probe.' },
        operation: { perform },
      },
    },
  };
  return { loads, app };
};

const bundle = (api_key: string) => makeBundle({ api_key });

describe('cachedForConnection', () => {
  it('loads once while the value is kept (core keeps it per connection: scope auth)', async () => {
    const { loads, app } = counting({ names: ['Ada'] });
    const run = appRunner(app);
    expect(await run('creates.probe.operation.perform', bundle('one'))).toEqual({ value: { names: ['Ada'] } });
    expect(await run('creates.probe.operation.perform', bundle('one'))).toEqual({ value: { names: ['Ada'] } });
    expect(loads.count).toBe(1);
  });

  it('does not keep nothing: a null value is loaded again next time', async () => {
    const { loads, app } = counting(null);
    const run = appRunner(app);
    await run('creates.probe.operation.perform', bundle('one'));
    await run('creates.probe.operation.perform', bundle('one'));
    expect(loads.count).toBe(2);
  });

  it("asks for the connection's entry; loads the value as if uncached when the cache cannot be reached, and says so in the log", async () => {
    const { loads, app } = counting('fresh');
    const logs: string[] = [];
    const calls: unknown[][] = [];
    const perform = app.creates.probe.operation.perform;
    const withoutCache = (z: ZObject) => {
      const broken = async (...args: unknown[]) => {
        calls.push(args);
        return Promise.reject(new Error('rpc is not available'));
      };
      return perform({
        ...z,
        cache: { get: broken, set: broken, delete: broken },
        console: { ...z.console, log: (line: string) => logs.push(line) },
      } as unknown as ZObject);
    };
    const run = appRunner({
      ...app,
      creates: { probe: { ...app.creates.probe, operation: { perform: withoutCache } } },
    });
    expect(await run('creates.probe.operation.perform', bundle('one'))).toEqual({ value: 'fresh' });
    expect(loads.count).toBe(1);
    // Kept per connection (scope auth), for the time asked.
    expect(calls).toEqual([
      ['the-key', ['auth']],
      ['the-key', 'fresh', 60, ['auth']],
    ]);
    expect(logs).toEqual([
      'Example CRM: cache read of the-key failed: rpc is not available',
      'Example CRM: cache write of the-key failed: rpc is not available',
    ]);
  });
});
