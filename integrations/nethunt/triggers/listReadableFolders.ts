import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nethunt } from '../src/client';

const perform = (async (z) => nethunt(z).readableFolders()) satisfies PollingTriggerPerform<
  [],
  { id: string; name: string }
>;

export default defineTrigger({
  key: 'list_readable_folders',
  noun: 'Folder',
  display: {
    label: 'List Readable Folders',
    description: 'Lists the folders you can read, for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    sample: { id: '596f644b8f6d05e16c24b810', name: 'My first folder' },
    outputFields: [
      { key: 'id', label: 'Folder ID' },
      { key: 'name', label: 'Folder Name' },
    ],
  },
});
