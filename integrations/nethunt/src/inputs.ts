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
  helpText: 'The NetHunt CRM folder (for example Contacts or Deals) to watch or search in.',
});

/** Folder the user can create records in. */
export const writableFolderField = defineInputField({
  key: 'folder_id',
  label: 'Folder',
  required: true,
  dynamic: 'list_writable_folders.id.name',
  altersDynamicFields: true,
  helpText: 'The NetHunt CRM folder to create the record in. Only folders you may add records to are listed.',
});

export const folderId = () => inputs.id();
export const FolderInput = z.object({ folder_id: folderId() });

export const recordIdField = defineInputField({
  key: 'record_id',
  label: 'Record ID',
  required: true,
  helpText:
    'The ID of the NetHunt CRM record (24 characters, like `596f644b8f6d05e16c24b830`). Map it from a trigger or a **Find Record** step.',
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

/** Record Change, New or Updated Record, Deleted Record: one record of the folder, or all. */
export const changeRecordIdField = defineInputField({
  key: 'record_id',
  label: 'Record ID',
  required: false,
  helpText: 'Only watch this one record (its 24-character ID). Leave empty to watch every record in the folder.',
});

/** Record Change and New or Updated Record: only changes to these fields. */
export const changeFieldNamesField = defineInputField({
  key: 'field_names',
  label: 'Only Changes To These Fields',
  list: true,
  required: false,
  dynamic: 'list_folder_fields.id.name',
  helpText: 'Pick fields to trigger only on changes to them. Leave empty for every change.',
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
