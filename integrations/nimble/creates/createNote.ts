import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { contactIdsField, idList, MAX_NOTE_CONTACTS } from '../src/inputs';
import { flattenNote } from '../src/map';
import { NOTE } from '../src/samples';

export const inputFields = defineInputFields([
  {
    ...contactIdsField,
    required: true,
    helpText: `The people or companies the note is about (1 to ${MAX_NOTE_CONTACTS}): pick them, or map them from an earlier step such as **Find Contact**.`,
  },
  {
    key: 'note',
    label: 'Note',
    type: 'text',
    required: true,
    helpText: 'The text of the note (plain text, or simple HTML).',
  },
  {
    key: 'note_preview',
    label: 'Preview',
    required: false,
    helpText: 'A short version shown in lists. Leave empty to use the first 100 characters of the note.',
  },
]);

const CreateNoteInput = z.object({
  contact_ids: idList().pipe(
    z
      .array(z.string())
      .min(1, 'needs at least one contact')
      .max(MAX_NOTE_CONTACTS, `takes at most ${MAX_NOTE_CONTACTS} contacts`),
  ),
  note: inputs.text(),
  note_preview: inputs.optional(inputs.text()),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateNoteInput, bundle.inputData, inputFields);
  const note = await nimble(z).createNote({
    contact_ids: input.contact_ids,
    note: input.note,
    note_preview: input.note_preview ?? input.note.slice(0, 100),
  });
  return flattenNote(note);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_note',
  noun: 'Note',
  display: { label: 'Create Note', description: 'Creates a note on one or more contacts.' },
  operation: {
    inputFields,
    perform,
    sample: flattenNote(NOTE),
    outputFields: [
      { key: 'id', label: 'Note ID', type: 'string' },
      { key: 'note', label: 'Note (Text)' },
      { key: 'note_html', label: 'Note (HTML)' },
      { key: 'note_preview', label: 'Preview' },
      { key: 'author_name', label: 'Author' },
      { key: 'owner_id', label: 'Owner User ID' },
      { key: 'contact_ids', label: 'Contact IDs', list: true },
      { key: 'contact_names', label: 'Contact Names', list: true },
      { key: 'created', label: 'Created At', type: 'datetime' },
      { key: 'updated', label: 'Updated At', type: 'datetime' },
    ],
  },
});
