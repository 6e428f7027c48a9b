import { inputs, orNotFound, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { folderOutputFields } from '../src/folderFields';
import { folderId, readableFolderField, recordId } from '../src/inputs';
import { flattenRecord, recordOutputFields } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

export const inputFields = defineInputFields([
  readableFolderField,
  {
    key: 'record_id',
    label: 'Record',
    required: false,
    dynamic: 'list_recent_records.id.name',
    helpText:
      "Find this record, to read its current values: pick it from the folder's recent records, or map a record ID from an earlier step. Use either this or **Search Query**.",
  },
  {
    key: 'query',
    label: 'Search Query',
    required: false,
    helpText:
      'Text to search for, or `Field:value` to search one field, for example `Name:Doe` or `Primary Email Address:jane@example.com`. Use either this or **Record**.',
  },
  {
    key: 'limit',
    label: 'Maximum Matches',
    type: 'integer',
    required: false,
    helpText: 'How many matching records to look at (default 1). Zapier uses the first match.',
  },
]);

const FindRecordInput = z
  .object({
    folder_id: folderId(),
    record_id: recordId().optional(),
    query: z.string().trim().min(1).optional(),
    limit: inputs.number().pipe(z.number().int('must be a whole number').min(1, 'must be at least 1')).optional(),
  })
  .refine((i) => i.record_id !== undefined || i.query !== undefined, {
    message: 'Pick a Record or enter a Search Query',
    path: ['query'],
  });

const perform = (async (z, bundle) => {
  const input = parseInput(z, FindRecordInput, bundle.inputData, inputFields);
  // No match is no result: `[]` as two clients read it, and a 404 too (nethunt.md, "Errors").
  const records =
    (await orNotFound(
      nethunt(z).findRecords(input.folder_id, {
        recordId: input.record_id,
        query: input.query,
        limit: input.limit,
      }),
    )) ?? [];
  return records.map(flattenRecord);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_record',
  noun: 'Record',
  display: {
    label: 'Find Record',
    description:
      'Finds a record in a folder by a search (such as a name or an email address) or picks one you choose. Gives the full record with all its fields.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenRecord(SAMPLE_RECORD),
    outputFields: [...recordOutputFields, folderOutputFields],
  },
});
