/**
 * The benchmark's reference app (bench/README in RESULTS.md, "Cold invocation"): bare
 * zapier-platform-core, one trigger, no schema, no mapping. `bundle.inputData.requests` holds the
 * requests an integration's first operation made (method, url, headers), recorded by the
 * benchmark; the trigger makes the same ones with `z.request` and returns the list in the last
 * answer as it came.
 */
const { defineApp, defineTrigger, version } = require('zapier-platform-core');

const replay = defineTrigger({
  key: 'replay',
  noun: 'Record',
  display: { label: 'Replay', description: 'Triggers on the records of the requests it is given.' },
  operation: {
    perform: async (z, bundle) => {
      let data;
      for (const { method, url, headers } of bundle.inputData.requests) {
        const response = await z.request({ method, url, headers });
        data = response.data;
      }
      if (Array.isArray(data)) return data;
      return Object.values(data ?? {}).find(Array.isArray) ?? [data];
    },
    sample: { id: 1 },
  },
});

module.exports = defineApp({
  version: '1.0.0',
  platformVersion: version,
  triggers: { [replay.key]: replay },
});
