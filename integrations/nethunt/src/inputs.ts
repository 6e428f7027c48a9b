import { inputs } from '@crm-zapier/kit';
import { defineInputField } from 'zapier-platform-core';
import { z } from 'zod';

/**
 * The inputs several operations share, each beside its zod rule: checked before any request (an
 * id goes into the URL path). The folder's own fields are in ./folderFields.
 */

/** Folder the user can read (triggers, search). */
export const readableFolderField = defineInputField({
  key: 'folder_id',
  label: 'Folder',
  required: true,
  dynamic: 'list_readable_folders.id.name',
  altersDynamicFields: true,
  helpText: 'The folder (for example Contacts or Deals) to watch or search in.',
});

/** Folder the user can create records in. */
export const writableFolderField = defineInputField({
  key: 'folder_id',
  label: 'Folder',
  required: true,
  dynamic: 'list_writable_folders.id.name',
  altersDynamicFields: true,
  helpText: 'The folder to create the record in. Only folders you may add records to are listed.',
});

export const folderId = () => inputs.id();
export const FolderInput = z.object({ folder_id: folderId() });

/**
 * A record of the folder chosen above it, picked by name from the folder's recent records, found
 * with Find Record, or mapped from an earlier step (the input key stays `record_id`).
 */
export const recordField = defineInputField({
  key: 'record_id',
  label: 'Record',
  required: true,
  dynamic: 'list_recent_records.id.name',
  search: 'find_record.id',
  helpText:
    "Pick the record from the folder's recent records, search for it, or map a record ID from an earlier step (such as a trigger or **Find Record**).",
});

/** The folder a record is picked from, for actions that need only the record (comments, call logs). */
export const recordFolderField = defineInputField({
  ...readableFolderField,
  required: false,
  helpText:
    'The folder the record is in (for example Contacts or Deals), to pick the record from a list. Not needed when you map a record ID from an earlier step.',
});

export const recordId = () => inputs.id();

/** Fields the user marks as holding several values: sent as lists even when no record shows one yet. */
export const listFieldsField = defineInputField({
  key: 'list_fields',
  label: 'Multi-Value Fields',
  list: true,
  required: false,
  dynamic: 'list_folder_fields.id.name',
  altersDynamicFields: true,
  helpText:
    "Fields of the folder that hold several values (like Keywords or other email addresses) but that no record fills yet, so their type cannot be read from the folder's records. Their values are sent as lists. Fields that already hold lists are lists without this.",
});

/** Record Change and Deleted Record: one record of the folder, or all (optional: no `required`, as a dependent dropdown). */
export const changeRecordField = defineInputField({
  key: 'record_id',
  label: 'Record',
  dynamic: 'list_recent_records.id.name',
  search: 'find_record.id',
  helpText: 'Only watch this one record. Leave empty to watch every record in the folder.',
});

/** Updated Record, Record Change and New or Updated Record: only changes to these fields. */
export const changeFieldNamesField = defineInputField({
  key: 'field_names',
  label: 'Only When These Fields Change',
  list: true,
  required: false,
  dynamic: 'list_folder_fields.id.name',
  helpText: 'Pick one or more fields to trigger only when one of them changes. Leave empty to trigger on any change.',
});

/** Field names to filter on: blank entries dropped, none at all means "every field". */
export const fieldNames = () =>
  z
    .array(z.string())
    .optional()
    .transform((names) => {
      const kept = (names ?? []).map((n) => n.trim()).filter(Boolean);
      return kept.length ? kept : undefined;
    });

export const ChangeInput = FolderInput.extend({ record_id: recordId().optional(), field_names: fieldNames() });
