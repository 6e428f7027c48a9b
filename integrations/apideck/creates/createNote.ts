import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { flattenNote } from '../src/map';
import { NOTE } from '../src/samples';
import type { NoteBody } from '../src/schemas';
import { compact, companyField, contactIdField, opportunityIdField, ownerField } from '../src/inputs';
import { noteOutputFields } from '../src/outputs';

export const inputFields = defineInputFields([
  { key: 'content', label: 'Content', type: 'text', required: true, helpText: 'The text of the note.' },
  { key: 'title', label: 'Title', required: false },
  {
    ...contactIdField,
    helpText: `${contactIdField.helpText} The note is linked to it. Salesforce links a note to one record only: fill in one of Contact, Company and Deal there.`,
  },
  companyField,
  opportunityIdField,
  ownerField,
]);

const CreateNoteInput = zod.object({
  content: zod.string().trim().min(1, 'is required'),
  title: inputs.optional(inputs.text()),
  contact_id: inputs.optional(inputs.id()),
  company_id: inputs.optional(inputs.id()),
  opportunity_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateNoteInput, bundle.inputData, inputFields);
  const body: NoteBody = compact({ ...input });
  const created = await apideck(z).createNote(body);
  return flattenNote({ ...body, id: created.id });
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_note',
  noun: 'Note',
  display: {
    label: 'Create Note',
    description: 'Creates a note in your CRM, linked to a contact, company or deal.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenNote(NOTE),
    outputFields: noteOutputFields,
  },
});
