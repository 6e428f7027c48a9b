import { parseInput, toScalar } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { recordId, recordIdField } from '../src/inputs';
import { asFlatOutput } from '../src/map';
import { DELETED_RECORD } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...recordIdField,
    helpText:
      'The ID of the NetHunt CRM record to delete (24 characters, like `596f644b8f6d05e16c24b830`). Map it from a trigger or a **Find Record** step. The record is deleted as soon as this step runs.',
  },
]);

const DeleteRecordInput = z.object({ record_id: recordId() });

/** What the delete answered (the trash item, opaque; nothing when no object came), with the record. */
const flattenDeleted = (answer: Record<string, unknown>, recordId: string) => ({
  ...asFlatOutput(answer),
  trash_item_id: toScalar(answer.trashItemId),
  id: recordId,
  record_id: recordId,
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
    description:
      'Deletes a record from NetHunt CRM by its ID. Destructive: the record is removed from its folder, and this step cannot undo it.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenDeleted(DELETED_RECORD, '596f644b8f6d05e16c24b830'),
    outputFields: [
      { key: 'id', label: 'Record ID', type: 'string' },
      { key: 'record_id', label: 'Deleted Record ID', type: 'string' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
      { key: 'trash_item_id', label: 'Trash Item ID', type: 'string' },
    ],
  },
});
