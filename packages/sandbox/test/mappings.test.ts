/**
 * Property-based tests of every mapping from vendor records to Zapier output (`flattenX`, `toX` and
 * dropdown `xChoice` functions in each `integrations/<crm>/src/map.ts`): any record the vendor's zod
 * schema allows maps to a flat object without throwing, keeps the record's id, and holds no
 * `undefined` and no nested object. Mappers are paired with schemas by name (`flattenDeal` ↔
 * `DealSchema`), so new ones are picked up; irregular names are listed below.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import * as apideckMap from '../../../integrations/apideck/src/map';
import * as apideckSchemas from '../../../integrations/apideck/src/schemas';
import * as lunarsendMap from '../../../integrations/lunarsend/src/map';
import * as lunarsendSchemas from '../../../integrations/lunarsend/src/schemas';
import * as nethuntMap from '../../../integrations/nethunt/src/map';
import * as nethuntSchemas from '../../../integrations/nethunt/src/schemas';
import * as nimbleMap from '../../../integrations/nimble/src/map';
import * as nimbleSchemas from '../../../integrations/nimble/src/schemas';
import { parsedRecords } from './zodArbitrary';

type Module = Record<string, unknown>;
const INTEGRATIONS: [string, Module, Module][] = [
  ['nethunt', nethuntMap, nethuntSchemas],
  ['lunarsend', lunarsendMap, lunarsendSchemas],
  ['nimble', nimbleMap, nimbleSchemas],
  ['apideck', apideckMap, apideckSchemas],
];

/** Mappers whose schema is not `<Noun>Schema`, by `<crm>.<function>`. */
const SCHEMAS_OF: Record<string, string[]> = {
  'nethunt.flattenRecord': ['RecordSchema', 'CreatedRecordSchema', 'UpdatedRecordSchema'],
  'nethunt.flattenUpdate': ['RecordSchema'],
  'nethunt.flattenChange': ['RecordChangeSchema'],
  'nethunt.flattenChangedRecord': ['RecordChangeSchema'],
  'lunarsend.flattenContact': ['ContactSchema', 'SearchContactSchema'],
  'lunarsend.flattenDeal': ['DealSchema', 'SearchDealSchema'],
  'lunarsend.contactChoice': ['SearchContactSchema'],
  'lunarsend.dealChoice': ['SearchDealSchema'],
  'lunarsend.flattenListedContact': ['SearchContactSchema'],
  'lunarsend.flattenDealInStage': ['SearchDealSchema'],
  'apideck.flattenChannels': ['ContactSchema', 'CompanySchema'],
  'apideck.flattenOpportunityUpdate': ['OpportunitySchema'],
  'apideck.dealChoice': ['OpportunitySchema'],
};

/** Not vendor → Zapier mappings (they build request bodies from inputs), or not one record per call. */
const NOT_OUTPUT_MAPPERS: Record<string, string> = {
  'nimble.toContactFields': 'Zapier input → Nimble request body',
  'nimble.toTagList': 'Zapier input → Nimble request body',
  'nethunt.flattenFields': 'the fields part of a record: covered through flattenRecord',
  'apideck.stageChoices': 'a pipeline → many choices: covered through pipelineChoice',
};

/** Mappers that promise no `id` (parts of a record, merged into an output that has one). */
const NO_ID = new Set(['apideck.flattenChannels']);

const MAPPER = /^(flatten[A-Z]\w*|to[A-Z]\w*|\w+Choices?)$/;
const nounOf = (name: string) =>
  name
    .replace(/^(flatten|to)/, '')
    .replace(/Choices?$/, '')
    .replace(/Update$/, '')
    .replace(/^./, (c) => c.toUpperCase());

interface Case {
  key: string;
  fn: (record: unknown, extra: string) => unknown;
  schemaName: string;
  schema: z.ZodType;
}

const cases: Case[] = [];
const unpaired: string[] = [];
for (const [crm, map, schemas] of INTEGRATIONS) {
  for (const [name, fn] of Object.entries(map)) {
    const key = `${crm}.${name}`;
    if (typeof fn !== 'function' || !MAPPER.test(name) || NOT_OUTPUT_MAPPERS[key]) continue;
    const names = (SCHEMAS_OF[key] ?? [`${nounOf(name)}Schema`]).filter((s) => schemas[s]);
    if (names.length === 0) unpaired.push(key);
    for (const schemaName of names) {
      cases.push({ key, fn: fn as Case['fn'], schemaName, schema: schemas[schemaName] as z.ZodType });
    }
  }
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** What is wrong with an output: nested objects, undefined, a lost id. Empty when nothing is. */
const problemsOf = (out: unknown, record: unknown, needsId: boolean): string[] => {
  if (!out || typeof out !== 'object' || Array.isArray(out)) return [`not an object: ${JSON.stringify(out)}`];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(out)) {
    if (v === undefined) problems.push(`${k} is undefined`);
    else if (Array.isArray(v)) {
      if (!v.every(isScalar)) problems.push(`${k} is a list of non-scalars`);
    } else if (!isScalar(v)) problems.push(`${k} is a nested ${typeof v}`);
    else if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`${k} is ${v}`);
  }
  if (needsId) {
    const id = (out as { id?: unknown }).id;
    const ids = Object.entries(record as Record<string, unknown>)
      .filter(([k, v]) => /(^|_)id$|Id$/.test(k) && (typeof v === 'string' || typeof v === 'number'))
      .map(([, v]) => String(v));
    if (typeof id !== 'string' && typeof id !== 'number') problems.push(`id is ${JSON.stringify(id)}`);
    else if (ids.length && !ids.some((r) => String(id).startsWith(r))) problems.push(`id ${id} is none of ${ids}`);
  }
  return problems;
};

const RUNS = 150;

describe('vendor record → Zapier output mappings', () => {
  test('every mapper is paired with a schema', () => {
    expect(unpaired).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases.map((c) => [`${c.key} ← ${c.schemaName}`, c] as const))(
    '%s: flat, no undefined, keeps id',
    (_title, c) => {
      fc.assert(
        fc.property(parsedRecords(c.schema), (record) => {
          const out = c.fn(record, 'abc123');
          expect(problemsOf(out, record, !NO_ID.has(c.key))).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );

  afterAll(() => {
    const mappers = new Set(cases.map((c) => c.key)).size;
    process.stdout.write(
      `\nMapping properties: ${mappers} mappers × ${cases.length} schema pairings × ${RUNS} records each ` +
        `(${cases.length * RUNS} generated records); ${Object.keys(NOT_OUTPUT_MAPPERS).length} functions excluded as not vendor → Zapier.\n`,
    );
  });
});
