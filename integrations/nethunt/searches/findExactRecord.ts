import { orNotFound, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { folderOutputFields } from '../src/folderFields';
import { folderId, readableFolderField, recordId } from '../src/inputs';
import { emailParts, flattenRecord, recordOutputFields } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';
import type { NetHuntRecord } from '../src/schemas';

/**
 * How many of NetHunt's matches the exact search reads. NetHunt's search is not exact (`Name:Doe`
 * finds John Doe and Jane Doe), so its matches are checked here; when the page is full, a second
 * exact match may lie beyond it, and the search stops rather than guess.
 */
const EXACT_SEARCH_LIMIT = 100;

export const inputFields = defineInputFields([
  readableFolderField,
  {
    key: 'record_id',
    label: 'Record',
    required: false,
    dynamic: 'list_recent_records.id.name',
    helpText:
      "This record is updated: pick it from the folder's recent records, or map a record ID from an earlier step. Use either this or **Search Query**.",
  },
  {
    key: 'query',
    label: 'Search Query',
    required: false,
    helpText:
      'A field and its exact value as `Field:value`, for example `Primary Email Address:jane@example.com`. Only a record whose field holds exactly this value (upper and lower case aside; for an email, the address) is updated; none → a new record is created; several → the step stops with an error. Free text like `Doe` is refused: it can match several records.',
  },
]);

/** `Field:value`, both sides non-blank: the only query that can name one record exactly. */
const FIELD_VALUE = /^(?<field>[^:]*[^:\s][^:]*):(?<value>.*\S.*)$/s;

/** The query as sent, and the field and value it names. */
const fieldValueQuery = z
  .string()
  .trim()
  .min(1)
  .transform((text, ctx) => {
    const { field, value } = FIELD_VALUE.exec(text)?.groups ?? {};
    if (field && value) return { text, field: field.trim(), value: value.trim() };
    ctx.addIssue({
      code: 'custom',
      message:
        'must be a field and its exact value, like `Primary Email Address:jane@example.com`: free text can match several records, and Find or Create updates only an exact match',
    });
    return z.NEVER;
  });

const FindExactRecordInput = z
  .object({
    folder_id: folderId(),
    record_id: recordId().optional(),
    query: fieldValueQuery.optional(),
  })
  .refine((i) => i.record_id !== undefined || i.query !== undefined, {
    message: 'Pick a Record or enter a Search Query',
    path: ['query'],
  });

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** One stored value equals the input: as text, or (an email field's `Name <address>`) as its address. */
const valueEquals = (stored: unknown, wanted: string): boolean => {
  if (typeof stored !== 'string' && typeof stored !== 'number' && typeof stored !== 'boolean') return false;
  const text = String(stored);
  const address = emailParts(text)?.email;
  return same(text, wanted) || (address !== undefined && same(address, emailParts(wanted)?.email ?? wanted));
};

/** The record's field (its name as typed, or in other letter case) holds exactly `wanted`. */
const holdsExactly = (record: NetHuntRecord, field: string, wanted: string): boolean => {
  const name = field.trim();
  const key = name in record.fields ? name : Object.keys(record.fields).find((k) => same(k, name));
  if (key === undefined) return false;
  const stored = record.fields[key];
  return (Array.isArray(stored) ? stored : [stored]).some((v) => valueEquals(v, wanted));
};

const perform = (async (z, bundle) => {
  const { folder_id, record_id, query } = parseInput(z, FindExactRecordInput, bundle.inputData, inputFields);
  // No match is no result: `[]` as two clients read it, and a 404 too (nethunt.md, "Errors").
  const records =
    (await orNotFound(
      nethunt(z).findRecords(folder_id, { recordId: record_id, query: query?.text, limit: EXACT_SEARCH_LIMIT }),
    )) ?? [];
  const exact = records.filter(
    (r) => (!record_id || r.recordId === record_id) && (!query || holdsExactly(r, query.field, query.value)),
  );
  const what = query ? `${query.field} "${query.value}"` : `ID ${record_id}`;
  if (exact.length > 1) {
    throw new z.errors.Error(
      `${exact.length} records in this folder have ${what}, so Find or Create Record cannot tell which one to update. Search a field whose values are unique (like an email address), or pick the Record.`,
      'MultipleMatches',
      409,
    );
  }
  if (query && records.length >= EXACT_SEARCH_LIMIT) {
    throw new z.errors.Error(
      `NetHunt CRM found ${EXACT_SEARCH_LIMIT} or more records for "${query.text}", too many to check that only one has ${what}. Search a field whose values are unique (like an email address), or pick the Record.`,
      'MultipleMatches',
      409,
    );
  }
  return exact.map(flattenRecord);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_record_exact',
  noun: 'Record',
  display: {
    label: 'Find Record by Exact Match',
    description:
      'Finds the one record in a folder with a field holding exactly a value, or the record you pick. Used by Find or Create Record.',
    hidden: true,
  },
  operation: {
    inputFields,
    perform,
    sample: flattenRecord(SAMPLE_RECORD),
    outputFields: [...recordOutputFields, folderOutputFields],
  },
});
