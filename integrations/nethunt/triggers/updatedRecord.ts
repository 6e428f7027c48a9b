import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { parseInput, sinceFor } from '@crm-zapier/kit';
import { LOOK_BACK, nethunt } from '../src/client';
import { folderOutputFields } from '../src/folderFields';
import { FolderInput, fieldNames, readableFolderField } from '../src/inputs';
import { flattenUpdate, newestRecords, recordOutputFields } from '../src/map';
import { RECORD_SHAPE } from '../src/samples';

const inputFields = defineInputFields([
  readableFolderField,
  {
    key: 'field_names',
    label: 'Only When These Fields Change',
    list: true,
    required: false,
    dynamic: 'list_folder_fields.id.name',
    helpText: 'Pick one or more fields to trigger only when one of them changes. Leave empty to trigger on any change.',
  },
]);

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
      'Triggers when a record in a NetHunt CRM folder is updated (optionally only when chosen fields change).',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenUpdate(RECORD_SHAPE),
    outputFields: [...recordOutputFields, folderOutputFields],
  },
});
