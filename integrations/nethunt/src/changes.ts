import { newestFirst, parseInput } from '@crm-zapier/kit';
import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';
import { nethunt } from './client';
import { readableFolderField } from './fields';
import { ChangeInput } from './inputs';
import { flattenChange } from './map';
import { sinceFor } from './polling';
import type { RecordChange } from './schemas';

/**
 * The record-change log feeds three triggers (Record Change, New or Updated Record, Deleted
 * Record): one request per poll, each event's own id, filtered by action where a trigger asks.
 */
export const changeRecordIdField = defineInputField({
  key: 'record_id',
  label: 'Record ID',
  required: false,
  helpText: 'Only watch this one record (its 24-character ID). Leave empty to watch every record in the folder.',
});

export const changeFieldNamesField = defineInputField({
  key: 'field_names',
  label: 'Only Changes To These Fields',
  list: true,
  required: false,
  dynamic: 'list_folder_fields.id.name',
  helpText: 'Pick fields to trigger only on changes to them. Leave empty for every change.',
});

type ChangeInputData = {
  folder_id: string;
  record_id?: string;
  field_names?: string[];
};

export const pollChanges = async (
  z: ZObject,
  bundle: Bundle<ChangeInputData>,
  actions?: readonly RecordChange['recordAction'][],
) => {
  const input = parseInput(z, ChangeInput, bundle.inputData, [
    readableFolderField,
    changeRecordIdField,
    changeFieldNamesField,
  ]);
  const changes = await nethunt(z).recordChanges(input.folder_id, {
    recordId: input.record_id,
    fieldName: input.field_names,
    since: sinceFor(bundle),
  });
  const wanted = actions ? changes.filter((c) => actions.includes(c.recordAction)) : changes;
  return newestFirst(wanted, (c) => c.time).map(flattenChange);
};

/** Labels for each field's added/removed values, named after the folder's fields. */
export const changeOutputFieldsFor = async (z: ZObject, bundle: Bundle) => {
  const folderId = (bundle.inputData as { folder_id?: string }).folder_id;
  if (!folderId) return [];
  const fields = await nethunt(z).folderFields(folderId);
  return fields.flatMap((f) => [
    { key: `field_actions__${f.name}__add`, label: `${f.name}: New Value` },
    { key: `field_actions__${f.name}__remove`, label: `${f.name}: Removed Value` },
  ]);
};

export const changeOutputFields = [
  { key: 'id', label: 'Change ID', type: 'string' as const },
  { key: 'change_id', label: 'Change ID (NetHunt)', type: 'string' as const },
  { key: 'record_id', label: 'Record ID', type: 'string' as const },
  { key: 'time', label: 'Changed At', type: 'datetime' as const },
  { key: 'action', label: 'Action (CREATE, UPDATE or DELETE)', type: 'string' as const },
  { key: 'user_name', label: 'Changed By (Name)', type: 'string' as const },
  { key: 'user_email', label: 'Changed By (Email)', type: 'string' as const },
  { key: 'changed_fields', label: 'Changed Fields', type: 'string' as const, list: true },
  changeOutputFieldsFor,
];
