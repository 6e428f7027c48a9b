import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { nethunt } from '../src/client';
import {
  fieldValuesFromInput,
  folderFieldKinds,
  folderInputFields,
  folderOutputFields,
  kindOf,
  listFieldsOf,
  typedFieldValues,
} from '../src/folderFields';
import { FolderInput, listFieldsField, writableFolderField } from '../src/inputs';
import { flattenRecord, recordOutputFields } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

export const inputFields = defineInputFields([writableFolderField, listFieldsField, folderInputFields]);

/** The folder's own fields (`fields__…`) pass through, to be typed like the folder's records. */
const CreateRecordInput = FolderInput.loose();

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateRecordInput, bundle.inputData, inputFields);
  const values = fieldValuesFromInput(input);
  if (Object.keys(values).length === 0) {
    throw new z.errors.Error(
      'Please fill in at least one field of the folder to create a record.',
      'InvalidInput',
      400,
    );
  }
  // Typed as the folder's records hold each field (one read); a bad value stops before the write.
  const kinds = await folderFieldKinds(z, input.folder_id);
  const listFields = listFieldsOf(input);
  const fields = typedFieldValues(z, values, (name) => kindOf(kinds, name, listFields));
  // NetHunt reads dates in the user's time zone: the Zap's, or UTC when Zapier gives none.
  const timeZone = bundle.meta?.timezone || 'UTC';
  const created = await nethunt(z).createRecord(input.folder_id, { timeZone, fields });
  return flattenRecord(created);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_record',
  noun: 'Record',
  display: { label: 'Create Record', description: 'Creates a new record in a folder.' },
  operation: {
    inputFields,
    perform,
    // Find or Create: two runs of one Zap must not both create. Zapier runs creates into the same
    // folder of the same connection one at a time (enforced by Zapier's infrastructure, not core).
    lock: { key: 'nethunt:create_record:{{bundle.inputData.folder_id}}', scope: ['auth'], timeout: 60 },
    sample: flattenRecord({ ...SAMPLE_RECORD, updatedAt: undefined }),
    outputFields: [...recordOutputFields, folderOutputFields],
  },
});
