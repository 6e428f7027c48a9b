import { expectNothingSent, failureOf, operationRunner, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { defineApp, defineCreate, defineTrigger } from 'zapier-platform-core';
import { APP_FLAGS } from '../src';

useNock();

const greet = defineCreate({
  key: 'greet',
  noun: 'Greeting',
  display: { label: 'Greet', description: 'Creates a greeting.' },
  operation: {
    inputFields: [
      { key: 'name', label: 'Name', required: true },
      { key: 'times', label: 'Times', type: 'integer' },
    ] as const,
    perform: async (z, bundle) => {
      if (!bundle.inputData.name) throw new z.errors.Error('Name is missing', 'InvalidInput', 400);
      const response = await z.request({
        url: 'https://api.example.com/greet',
        params: { name: bundle.inputData.name },
      });
      return { id: String(response.json.id), text: `Hello ${bundle.inputData.name}` };
    },
    sample: { id: '1', text: 'Hello Ada' },
  },
});

const listNames = defineTrigger({
  key: 'list_names',
  noun: 'Name',
  display: { label: 'New Name', description: 'Triggers when a name is added.' },
  operation: {
    inputFields: [{ key: 'prefix', label: 'Prefix' }] as const,
    perform: async (_z, bundle) => [{ id: '1', name: `${bundle.inputData.prefix ?? ''}Ada` }],
    sample: { id: '1', name: 'Ada' },
  },
});

const App = defineApp({
  version: '1.0.0',
  platformVersion: '19.1.0',
  flags: APP_FLAGS,
  triggers: { [listNames.key]: listNames },
  creates: { [greet.key]: greet },
});

const run = operationRunner(App, { api_key: 'k' });

describe('operationRunner', () => {
  it("runs the operation with input typed from its fields, through the app's runtime", async () => {
    nock('https://api.example.com').get('/greet').query({ name: 'Ada' }).reply(200, { id: 7 });
    const out = await run.create(greet, { name: 'Ada' });
    expect(out).toEqual({ id: '7', text: 'Hello Ada' });
    // @ts-expect-error an input key the operation does not have
    void (() => run.create(greet, { nmae: 'Ada' }));
  });

  it('runs a trigger (core types its operation as a union of polling and hook operations)', async () => {
    await expect(run.trigger(listNames, { prefix: 'Dr ' })).resolves.toEqual([{ id: '1', name: 'Dr Ada' }]);
    // @ts-expect-error an input key the trigger does not have
    void (() => run.trigger(listNames, { prefx: 'Dr ' }));
  });

  it('expectNothingSent holds when bad input stops the operation before any request', async () => {
    const err = await failureOf(run.create(greet, {}, { extra: { times: 'x' } }));
    expect(err.message).toBe('Name is missing');
    expectNothingSent();
  });

  it('expectNothingSent fails when the operation did try to send a request', async () => {
    await failureOf(run.create(greet, { name: 'Ada' }));
    expect(() => expectNothingSent()).toThrow();
  });
});
