import { newestFirst, parseInput, sinceFor } from '@crm-zapier/kit';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { LOOK_BACK, nethunt } from './client';
import { changeOutputFieldsFor } from './folderFields';
import { ChangeInput, changeFieldNamesField, changeRecordIdField, readableFolderField } from './inputs';
import { flattenChange } from './map';
import type { RecordChange } from './schemas';

/**
 * The record-change log feeds three triggers (Record Change, New or Updated Record, Deleted
 * Record): one request per poll, each event's own id, filtered by action where a trigger asks.
 */
export const pollChanges = async (z: ZObject, bundle: Bundle, actions?: readonly RecordChange['recordAction'][]) => {
  const input = parseInput(z, ChangeInput, bundle.inputData, [
    readableFolderField,
    changeRecordIdField,
    changeFieldNamesField,
  ]);
  const changes = await nethunt(z).recordChanges(input.folder_id, {
    recordId: input.record_id,
    fieldName: input.field_names,
    since: sinceFor(bundle, LOOK_BACK),
  });
  const wanted = actions ? changes.filter((c) => actions.includes(c.recordAction)) : changes;
  return newestFirst(wanted, (c) => c.time).map(flattenChange);
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
