import { newestFirst } from '@crm-zapier/kit';
import {
  defineInputFields,
  defineTrigger,
  type Bundle,
  type PollingTriggerPerform,
  type ZObject,
} from 'zapier-platform-core';
import { nethunt } from '../src/client';
import { readableFolderField } from '../src/fields';
import { flattenChange } from '../src/map';
import { sinceFor } from '../src/polling';
import { RECORD_CHANGE_SHAPE } from '../src/samples';

const inputFields = defineInputFields([
  readableFolderField,
  {
    key: 'record_id',
    label: 'Record ID',
    required: false,
    helpText: 'Only watch this one record (its 24-character ID). Leave empty to watch every record in the folder.',
  },
  {
    key: 'field_names',
    label: 'Only Changes To These Fields',
    list: true,
    required: false,
    dynamic: 'list_folder_fields.id.name',
    helpText:
      'Pick fields to trigger only on changes to them. Leave empty for every change, including creates and deletes.',
  },
]);

const perform = (async (z, bundle) => {
  const fieldName = (bundle.inputData.field_names ?? []).filter((f) => f.trim() !== '');
  const recordId = bundle.inputData.record_id?.trim();
  const changes = await nethunt(z).recordChanges(bundle.inputData.folder_id, {
    recordId: recordId || undefined,
    fieldName: fieldName.length ? fieldName : undefined,
    since: sinceFor(bundle),
  });
  return newestFirst(changes, (c) => c.time).map(flattenChange);
}) satisfies PollingTriggerPerform<typeof inputFields>;

/** Labels for each field's added/removed values, named after the folder's fields. */
const changeOutputFields = async (z: ZObject, bundle: Bundle) => {
  const folderId = (bundle.inputData as { folder_id?: string }).folder_id;
  if (!folderId) return [];
  const fields = await nethunt(z).folderFields(folderId);
  return fields.flatMap((f) => [
    { key: `field_actions__${f.name}__add`, label: `${f.name}: New Value` },
    { key: `field_actions__${f.name}__remove`, label: `${f.name}: Removed Value` },
  ]);
};

export default defineTrigger({
  key: 'record_change',
  noun: 'Record Change',
  display: {
    label: 'Record Change',
    description: 'Triggers when a record in a NetHunt CRM folder is created, updated or deleted, with what changed.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChange(RECORD_CHANGE_SHAPE),
    outputFields: [
      { key: 'id', label: 'Change ID', type: 'string' },
      { key: 'change_id', label: 'Change ID (NetHunt)', type: 'string' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'time', label: 'Changed At', type: 'datetime' },
      { key: 'action', label: 'Action (CREATE, UPDATE or DELETE)', type: 'string' },
      { key: 'user_name', label: 'Changed By (Name)', type: 'string' },
      { key: 'user_email', label: 'Changed By (Email)', type: 'string' },
      { key: 'changed_fields', label: 'Changed Fields', type: 'string', list: true },
      changeOutputFields,
    ],
  },
});
