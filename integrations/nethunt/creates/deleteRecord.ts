import { parseInput, toScalar } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { recordField, recordFolderField, recordId } from '../src/inputs';
import { asFlatOutput } from '../src/map';
import { DELETED_RECORD, SAMPLE_RECORD } from '../src/samples';

export const inputFields = defineInputFields([
  recordFolderField,
  {
    ...recordField,
    helpText:
      'The record to delete: pick it, search for it, or map a record ID from an earlier step (such as a trigger or **Find Record**). It is deleted as soon as this step runs.',
  },
]);

const DeleteRecordInput = z.object({ record_id: recordId() });

/** What the delete answered (the trash item, opaque; nothing when no object came), with the record. */
const flattenDeleted = (answer: Record<string, unknown>, recordId: string) => ({
  ...asFlatOutput(answer),
  trash_item_id: toScalar(answer.trashItemId),
  id: recordId,
  deleted: true,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, DeleteRecordInput, bundle.inputData, inputFields);
  // Never retried by the kit on a failure after sending; no lock: deleting twice cannot create anything.
  const answer = await nethunt(z).deleteRecord(input.record_id);
  return flattenDeleted(answer, input.record_id);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'delete_record',
  noun: 'Record',
  display: {
    label: 'Delete Record',
    description: 'Deletes a record. Destructive: the record is removed from its folder, and this step cannot undo it.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenDeleted(DELETED_RECORD, SAMPLE_RECORD.recordId),
    outputFields: [
      { key: 'id', label: 'Record ID', type: 'string' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
      { key: 'trash_item_id', label: 'Trash Item ID', type: 'string' },
    ],
  },
});
