import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nethunt } from '../src/client';
import { readableFolderField } from '../src/fields';

const inputFields = defineInputFields([readableFolderField]);

const perform = (async (z, bundle) =>
  (await nethunt(z).folderFields(bundle.inputData.folder_id)).map((f) => ({
    id: f.name,
    name: f.name,
  }))) satisfies PollingTriggerPerform<typeof inputFields, { id: string; name: string }>;

export default defineTrigger({
  key: 'list_folder_fields',
  noun: 'Field',
  display: { label: 'List Folder Fields', description: 'Lists the fields of a folder, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: { id: 'Name', name: 'Name' },
    outputFields: [
      { key: 'id', label: 'Field Name' },
      { key: 'name', label: 'Field Label' },
    ],
  },
});
