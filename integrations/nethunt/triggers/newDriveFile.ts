import { parseInput, sinceFor } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { LOOK_BACK, nethunt } from '../src/client';
import { FolderInput, readableFolderField } from '../src/inputs';
import { flattenDriveFileItem, newestItems } from '../src/map';
import { DRIVE_FILE } from '../src/samples';

const inputFields = defineInputFields([readableFolderField]);

/**
 * The file's link is output as text and never fetched: a Google Drive link needs a Google sign-in,
 * and a file fetched through `z.request` would carry the NetHunt credentials to Google (core adds
 * the Basic header to every request of this app).
 */
const perform = (async (z, bundle) => {
  const { folder_id } = parseInput(z, FolderInput, bundle.inputData, inputFields);
  // No `limit`: the order of the answer is not documented, so a small page could miss the newest.
  const files = await nethunt(z).newDriveFiles(folder_id, { since: sinceFor(bundle, LOOK_BACK) });
  return newestItems(files).map(flattenDriveFileItem);
}) satisfies PollingTriggerPerform<typeof inputFields>;

/** The sample keeps only the keys every item has: the file's own keys are not documented. */
const { id, name, link, record_id, created_at } = flattenDriveFileItem(DRIVE_FILE);

export default defineTrigger({
  key: 'new_file',
  noun: 'File',
  display: {
    label: 'New File',
    description: 'Triggers when a Google Drive file is added to a record in a folder.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: { id, name, link, record_id, created_at },
    outputFields: [
      { key: 'id', label: 'File ID', type: 'string' },
      { key: 'name', label: 'File Name', type: 'string' },
      { key: 'link', label: 'File Link (Google Drive)', type: 'string' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'created_at', label: 'Added At', type: 'datetime' },
      // Keys the answer may carry (it is undocumented: Google Drive's own names are likely).
      { key: 'mime_type', label: 'File Type (MIME)', type: 'string' },
      { key: 'web_view_link', label: 'Google Drive Link (as Sent)', type: 'string' },
    ],
  },
});
