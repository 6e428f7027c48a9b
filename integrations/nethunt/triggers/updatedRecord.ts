import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { parseInput, sinceFor } from '@crm-zapier/kit';
import { LOOK_BACK, nethunt } from '../src/client';
import { folderOutputFields } from '../src/folderFields';
import { changeFieldNamesField, FolderInput, fieldNames, readableFolderField } from '../src/inputs';
import { flattenUpdate, newestRecords, updateOutputFields } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeFieldNamesField]);

const UpdatedRecordInput = FolderInput.extend({ field_names: fieldNames() });

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdatedRecordInput, bundle.inputData, inputFields);
  const records = await nethunt(z).updatedRecords(input.folder_id, {
    fieldName: input.field_names,
    since: sinceFor(bundle, LOOK_BACK),
  });
  return newestRecords(records, 'updatedAt').map(flattenUpdate);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'updated_record',
  noun: 'Record',
  display: {
    label: 'Updated Record',
    description:
      'Triggers when a record in a folder is updated, optionally only when chosen fields change. Gives the full record as it is now, not which fields changed.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenUpdate(SAMPLE_RECORD),
    outputFields: [...updateOutputFields, folderOutputFields],
  },
});
