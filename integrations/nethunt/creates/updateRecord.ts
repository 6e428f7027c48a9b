import { appErrorOf, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import { CRM, nethunt, type FieldAction } from '../src/client';
import {
  fieldValuesFromInput,
  folderFieldKinds,
  folderInputFields,
  folderOutputFields,
  kindOf,
  listFieldsOf,
  typedFieldValues,
  typedValue,
} from '../src/folderFields';
import { folderId, listFieldsField, recordField, recordId, writableFolderField } from '../src/inputs';
import { flattenRecord, recordOutputFields } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...writableFolderField,
    helpText: 'The folder the record is in; its fields are listed below so you can fill in new values.',
  },
  recordField,
  {
    key: 'mode',
    label: 'How To Change Fields',
    required: false,
    default: 'overwrite',
    choices: [
      { value: 'overwrite', label: 'Replace the current values', sample: 'overwrite' },
      { value: 'add', label: 'Add to the current values (multi-value fields)', sample: 'add' },
    ],
    helpText:
      '**Replace** clears each field you fill in and writes the new value. **Add** keeps what is there and adds your value — for fields that hold several values (like Keywords). A field that holds one value and is not empty can only be changed with Replace, or by naming the old value under **Values To Remove**.',
  },
  {
    key: 'remove_values',
    label: 'Values To Remove',
    dict: true,
    required: false,
    helpText:
      'Values to take out of fields: on the left the field name exactly as in the folder (e.g. `Keywords`), on the right the value to remove (e.g. `Java`). A field listed here is never cleared, only the value is removed.',
  },
  listFieldsField,
  folderInputFields,
]);

/** The folder's own fields (`fields__…`) pass through, to be typed like the folder's records. */
const UpdateRecordInput = z
  .object({
    record_id: recordId(),
    folder_id: folderId(),
    mode: z.enum(['overwrite', 'add']).default('overwrite'),
    remove_values: z.record(z.string(), z.string()).optional(),
  })
  .loose();

/** One field action per field, following the document: `overwrite` is never combined with `remove`. */
const toFieldActions = (add: Record<string, unknown>, remove: Record<string, unknown>): Record<string, FieldAction> =>
  Object.fromEntries(
    [...new Set([...Object.keys(add), ...Object.keys(remove)])].map((name) => [
      name,
      {
        ...(Object.hasOwn(add, name) ? { add: add[name] } : {}),
        ...(Object.hasOwn(remove, name) ? { overwrite: false, remove: remove[name] } : {}),
      },
    ]),
  );

/** NetHunt's words for the update's parts (nethunt.md, "Endpoints"), and the form's labels for them. */
const FORM_WORDS: [RegExp, string][] = [
  [/"overwrite"/gi, 'Replace (How To Change Fields)'],
  [/"remove"/gi, 'Values To Remove'],
  [/"add"/gi, 'Add (How To Change Fields)'],
];
const FULL_SINGLE_VALUE = /single value|not empty/i;

/**
 * NetHunt refuses an update in its API's words ("use overwrite or remove with add"): the error a
 * user sees names the form's choices instead. Adding to a full single-value field gets its own
 * sentence; any other refusal naming them keeps NetHunt's sentence with the form's words in it.
 */
const inFormWords = async <T>(z: ZObject, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (err) {
    const app = appErrorOf(err);
    if (app?.status !== 400 || !app.message || !/"(overwrite|remove)"/i.test(app.message)) throw err;
    const field = /field "([^"]+)"/i.exec(app.message)?.[1];
    const message = FULL_SINGLE_VALUE.test(app.message)
      ? `${CRM} could not add to ${field ? `"${field}"` : 'a field you filled in'}: it holds a single value and is not empty. Choose "Replace the current values" under How To Change Fields, or put its current value under Values To Remove.`
      : FORM_WORDS.reduce((text, [word, label]) => text.replace(word, label), app.message);
    throw new z.errors.Error(message, 'InvalidInput', 400);
  }
};

/** The Values To Remove entries that name a field and a value. */
const removals = (remove: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(remove).filter(([name, value]) => name.trim() !== '' && value !== ''));

const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateRecordInput, bundle.inputData, inputFields);
  const values = fieldValuesFromInput(input);
  const remove = removals(input.remove_values ?? {});
  if (Object.keys(values).length === 0 && Object.keys(remove).length === 0) {
    throw new z.errors.Error(
      'Please fill in at least one field, or a value under Values To Remove, to update the record.',
      'InvalidInput',
      400,
    );
  }
  // Added and removed values are typed as the folder's records hold each field (one read).
  const kinds = await folderFieldKinds(z, input.folder_id);
  const listFields = listFieldsOf(input);
  const kindOfField = (name: string) => kindOf(kinds, name, listFields);
  const typedRemove = Object.fromEntries(
    Object.entries(remove).map(([name, value]) => [
      name,
      typedValue(z, kindOfField(name), value, `Values To Remove › ${name}`, 'remove_values'),
    ]),
  );
  const fieldActions = toFieldActions(typedFieldValues(z, values, kindOfField), typedRemove);
  const updated = await inFormWords(z, () =>
    nethunt(z).updateRecord(input.record_id, { fieldActions }, input.mode === 'overwrite'),
  );
  return flattenRecord(updated);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_record',
  noun: 'Record',
  display: { label: 'Update Record', description: 'Updates the fields of an existing record.' },
  operation: {
    inputFields,
    perform,
    sample: flattenRecord({ ...SAMPLE_RECORD, createdAt: undefined }),
    outputFields: [...recordOutputFields, folderOutputFields],
  },
});
