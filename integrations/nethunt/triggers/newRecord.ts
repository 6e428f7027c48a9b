import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { parseInput, sinceFor } from '@crm-zapier/kit';
import { LOOK_BACK, nethunt } from '../src/client';
import { folderOutputFields } from '../src/folderFields';
import { FolderInput, readableFolderField } from '../src/inputs';
import { flattenRecord, newestRecords, recordOutputFields } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

const inputFields = defineInputFields([readableFolderField]);

const perform = (async (z, bundle) => {
  const { folder_id } = parseInput(z, FolderInput, bundle.inputData, inputFields);
  const records = await nethunt(z).newRecords(folder_id, { since: sinceFor(bundle, LOOK_BACK) });
  return newestRecords(records, 'createdAt').map(flattenRecord);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_record',
  noun: 'Record',
  display: {
    label: 'New Record',
    description: 'Triggers when a record is created in a folder. Gives the full record with all its fields.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenRecord({ ...SAMPLE_RECORD, updatedAt: undefined }),
    outputFields: [...recordOutputFields, folderOutputFields],
  },
});
