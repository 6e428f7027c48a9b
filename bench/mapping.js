/**
 * Mapping throughput: each integration's flattener over 100,000 generated records shaped like the
 * API documents' examples (the raw samples in src/samples.ts, with ids and values varied), against
 * `JSON.parse` of the same records' JSON text. Measured in-process with tinybench.
 */
const path = require('node:path');
const { Buffer } = require('node:buffer');

const ROOT = path.resolve(__dirname, '..');
const load = (crm, file) => require(path.join(ROOT, 'integrations', crm, 'dist', 'src', file));

const hex = (i, width) => i.toString(16).padStart(width, '0');
const uuid = (i, salt) =>
  `${hex(salt, 8)}-${hex(i % 0xffff, 4)}-4${hex(i % 0xfff, 3)}-a${hex(i % 0xfff, 3)}-${hex(i, 12)}`;
const names = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken'];
const surnames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Doe',
  'Hamilton',
  'Thompson',
];
const first = (i) => names[i % names.length];
const last = (i) => surnames[(i * 7) % surnames.length];
const day = (i) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();

/** One generator per integration: record i, in the shape its list/search answers carry. */
const GENERATORS = {
  nethunt: () => {
    const { RECORD } = load('nethunt', 'samples.js');
    return {
      label: 'NetHunt record (`flattenRecord`)',
      flatten: load('nethunt', 'map.js').flattenRecord,
      make: (i) => ({
        ...RECORD,
        id: `5${hex(i, 23)}`,
        recordId: `5${hex(i, 23)}`,
        createdAt: day(i),
        updatedAt: day(i + 90),
        fields: {
          ...RECORD.fields,
          Name: `${first(i)} ${last(i)}`,
          Employed: i % 3 !== 0,
          Salary: 50_000 + (i % 1000) * 100,
          'Primary Email Address': `${first(i)} ${last(i)} <${first(i).toLowerCase()}.${i}@example.com>`,
          'Co-workers': [`5${hex(i + 1, 23)}`, `5${hex(i + 2, 23)}`],
        },
      }),
    };
  },
  lunarsend: () => {
    const { SEARCH_CONTACT } = load('lunarsend', 'samples.js');
    return {
      label: 'LunarSend contact (`flattenContact`, search-answer shape)',
      flatten: load('lunarsend', 'map.js').flattenContact,
      make: (i) => ({
        ...SEARCH_CONTACT,
        contact_id: uuid(i, 0x1c92f8a3),
        first_name: first(i),
        last_name: last(i),
        email: `${first(i).toLowerCase()}.${i}@example.com`,
        phone: `415-${hex(i % 4096, 3)}-${String(i % 10000).padStart(4, '0')}`,
        last_activity: day(i),
        tags: SEARCH_CONTACT.tags.map((t) => ({ ...t, id: uuid(i, 0xa41a203d) })),
      }),
    };
  },
  nimble: () => {
    const { CONTACT } = load('nimble', 'samples.js');
    return {
      label: 'Nimble contact (`flattenContact`)',
      flatten: load('nimble', 'map.js').flattenContact,
      make: (i) => ({
        ...CONTACT,
        id: `5${hex(i, 23)}`,
        created: day(i),
        updated: day(i + 90),
        fields: {
          ...CONTACT.fields,
          'first name': [{ ...CONTACT.fields['first name'][0], value: first(i) }],
          'last name': [{ ...CONTACT.fields['last name'][0], value: last(i) }],
          email: [
            { ...CONTACT.fields.email[0], value: `${first(i).toLowerCase()}.${i}@nimble.com` },
            { ...CONTACT.fields.email[1], value: `${first(i).toLowerCase()}.${i}@example.com` },
          ],
        },
      }),
    };
  },
  apideck: () => {
    const { CONTACT } = load('apideck', 'samples.js');
    return {
      label: 'Apideck contact (`flattenContact`)',
      flatten: load('apideck', 'map.js').flattenContact,
      make: (i) => ({
        ...CONTACT,
        id: String(10_000 + i),
        name: `${first(i)} ${last(i)}`,
        first_name: first(i),
        last_name: last(i),
        emails: [
          { id: String(i * 2), email: `${first(i).toLowerCase()}.${i}@example.com`, type: 'primary' },
          { id: String(i * 2 + 1), email: `${first(i).toLowerCase()}.${i}@work.example`, type: 'work' },
        ],
        updated_at: day(i),
        created_at: day(i),
      }),
    };
  },
};

/**
 * For each integration: records/s of the flattener over `count` records and the ratio of its time
 * to `JSON.parse` of the same records' JSON. Records are built once and then parsed from JSON, so
 * the flattener sees objects exactly as a parsed API answer gives them.
 */
const measureMapping = async ({ count = 100_000, time = 1500 } = {}) => {
  const { Bench } = await import('tinybench');
  const out = [];
  for (const [crm, gen] of Object.entries(GENERATORS)) {
    try {
      out.push(await measureOne(Bench, crm, gen(), count, time));
    } catch (err) {
      // A sample or flattener changed shape under the generator: report it, measure the others.
      out.push({ crm, error: err.message });
    }
  }
  return out;
};

/** One integration: its records built and parsed once, then flatten vs JSON.parse under tinybench. */
const measureOne = async (Bench, crm, g, count, time) => {
  const text = JSON.stringify(Array.from({ length: count }, (_, i) => g.make(i)));
  const records = JSON.parse(text);
  const check = g.flatten(records[0]);
  if (!check || typeof check.id !== 'string') throw new Error(`${crm}: flattener returned no id`);
  let sink = 0;
  const bench = new Bench({ time, iterations: 3, warmupIterations: 1 });
  bench.add('flatten', () => {
    for (let i = 0; i < records.length; i++) sink += g.flatten(records[i]).id.length;
  });
  bench.add('JSON.parse', () => {
    sink += JSON.parse(text).length;
  });
  await bench.run();
  const [flat, parse] = bench.tasks.map((t) => {
    if (t.result.state !== 'completed') throw new Error(`${crm} ${t.name}: ${t.result.state}`);
    return t.result;
  });
  return {
    crm,
    label: g.label,
    count,
    bytesPerRecord: Buffer.byteLength(text) / count,
    keys: Object.keys(check).length,
    flattenMs: flat.latency.p50,
    parseMs: parse.latency.p50,
    recordsPerSec: count / (flat.latency.p50 / 1000),
    parseRecordsPerSec: count / (parse.latency.p50 / 1000),
    ratio: flat.latency.p50 / parse.latency.p50,
    samples: flat.latency.samplesCount,
    rme: flat.latency.rme,
    sink,
  };
};

module.exports = { measureMapping, GENERATORS };
