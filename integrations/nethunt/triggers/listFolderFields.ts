import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { parseInput } from '@crm-zapier/kit';
import { nethunt } from '../src/client';
import { FolderInput, readableFolderField } from '../src/inputs';

const inputFields = defineInputFields([readableFolderField]);

const perform = (async (z, bundle) =>
  (await nethunt(z).folderFields(parseInput(z, FolderInput, bundle.inputData, inputFields).folder_id)).map((f) => ({
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
