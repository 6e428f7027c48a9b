import { defineInputField } from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { nethunt } from './client';
import { fieldKey } from './map';

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

export const recordIdField = defineInputField({
  key: 'record_id',
  label: 'Record ID',
  required: true,
  helpText:
    'The ID of the NetHunt CRM record (24 characters, like `596f644b8f6d05e16c24b830`). Map it from a trigger or a **Find Record** step.',
});

const folderIdOf = (bundle: Bundle): string | undefined => {
  const id = (bundle.inputData as { folder_id?: unknown }).folder_id;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
};

/** The folder's fields as input fields, labelled with their NetHunt names. */
export const folderInputFields = async (z: ZObject, bundle: Bundle) => {
  const folderId = folderIdOf(bundle);
  if (!folderId) return [];
  const fields = await nethunt(z).folderFields(folderId);
  return fields.map((f) => ({
    key: fieldKey(f.name),
    label: f.name,
    required: false,
    helpText: `Value for the NetHunt field "${f.name}". Dates as YYYY-MM-DD, emails as \`Name <address>\`; leave empty to skip the field.`,
  }));
};

/** The folder's fields as labelled output fields, so mapped values show their real names. */
export const folderOutputFields = async (z: ZObject, bundle: Bundle) => {
  const folderId = folderIdOf(bundle);
  if (!folderId) return [];
  const fields = await nethunt(z).folderFields(folderId);
  return fields.map((f) => ({ key: fieldKey(f.name), label: f.name }));
};

/** Labels for the keys every record output has. */
export const recordOutputFields = [
  { key: 'id', label: 'Record ID', type: 'string' as const },
  { key: 'record_id', label: 'Record ID (NetHunt)', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' as const },
];
