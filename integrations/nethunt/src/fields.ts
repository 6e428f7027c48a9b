import { defineInputField } from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { nethunt } from './client';
import { inputFieldFor, kindOf, kindsFromRecords, TYPE_SAMPLE_SIZE, type FieldKind } from './fieldTypes';
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

/**
 * Each field's kind, read from the folder's records: `folder-field` gives names only (nethunt.md,
 * "Field types and how to type values"). One read of the folder's oldest records.
 */
export const folderFieldKinds = async (z: ZObject, folderId: string): Promise<Map<string, FieldKind>> =>
  kindsFromRecords(
    await nethunt(z).newRecords(folderId, { since: new Date(0).toISOString(), limit: TYPE_SAMPLE_SIZE }),
  );

/** The names the user marked under Multi-Value Fields. */
export const listFieldsOf = (inputData: unknown): string[] => {
  const v = (inputData as { list_fields?: unknown } | undefined)?.list_fields;
  const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return list.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
};

/** The folder's fields as input fields, labelled with their NetHunt names and typed like their values. */
export const folderInputFields = async (z: ZObject, bundle: Bundle) => {
  const folderId = folderIdOf(bundle);
  if (!folderId) return [];
  const [fields, kinds] = await Promise.all([nethunt(z).folderFields(folderId), folderFieldKinds(z, folderId)]);
  const listFields = listFieldsOf(bundle.inputData);
  return fields.map((f) => inputFieldFor(fieldKey(f.name), f.name, kindOf(kinds, f.name, listFields)));
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
