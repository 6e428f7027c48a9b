import { parseInput, sinceFor } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { LOOK_BACK, nethunt } from '../src/client';
import { FolderInput, readableFolderField } from '../src/inputs';
import { flattenCallLogItem, newestItems } from '../src/map';
import { CALL_LOG } from '../src/samples';

const inputFields = defineInputFields([readableFolderField]);

const perform = (async (z, bundle) => {
  const { folder_id } = parseInput(z, FolderInput, bundle.inputData, inputFields);
  // No `limit`: the order of the answer is not documented, so a small page could miss the newest.
  const callLogs = await nethunt(z).newCallLogs(folder_id, { since: sinceFor(bundle, LOOK_BACK) });
  return newestItems(callLogs, 'callLogId').map(flattenCallLogItem);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_call_log',
  noun: 'Call Log',
  display: {
    label: 'New Call Log',
    description: 'Triggers when a call is logged on a record in a folder.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenCallLogItem(CALL_LOG),
    outputFields: [
      { key: 'id', label: 'Call Log ID', type: 'string' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'created_at', label: 'Logged At', type: 'datetime' },
      { key: 'text', label: 'Call Notes', type: 'string' },
      { key: 'time', label: 'Call Started At', type: 'datetime' },
      { key: 'duration', label: 'Duration (Minutes)', type: 'number' },
    ],
  },
});
