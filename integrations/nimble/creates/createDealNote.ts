import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { dealIdField } from '../src/inputs';
import { flattenDealNote } from '../src/map';
import { DEAL, DEAL_NOTE } from '../src/samples';

/** The title's limit in `POST /api/v2/deals/{deal_id}/notes`. */
const MAX_TITLE = 256;

export const inputFields = defineInputFields([
  dealIdField,
  {
    key: 'title',
    label: 'Title',
    required: true,
    helpText: `A short title for the note, like "Call recap" (up to ${MAX_TITLE} characters).`,
  },
  { key: 'body', label: 'Note', type: 'text', required: false, helpText: 'The text of the note.' },
]);

const CreateDealNoteInput = z.object({
  deal_id: inputs.id(),
  title: inputs.text().pipe(z.string().max(MAX_TITLE, `must be at most ${MAX_TITLE} characters`)),
  body: inputs.optional(inputs.text()),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateDealNoteInput, bundle.inputData, inputFields);
  const note = await nimble(z).createDealNote(input.deal_id, {
    title: input.title,
    ...(input.body ? { body: input.body } : {}),
  });
  return flattenDealNote(note, input.deal_id);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_deal_note',
  noun: 'Note',
  display: { label: 'Create Deal Note', description: 'Creates a note with a title and text on a deal.' },
  operation: {
    inputFields,
    perform,
    sample: flattenDealNote(DEAL_NOTE, DEAL.deal_id),
    outputFields: [
      { key: 'id', label: 'Note ID', type: 'string' },
      { key: 'deal_id', label: 'Deal ID', type: 'string' },
      { key: 'title', label: 'Title' },
      { key: 'body', label: 'Note' },
      { key: 'creator_id', label: 'Author User ID' },
      { key: 'creator_name', label: 'Author' },
      { key: 'created', label: 'Created At', type: 'datetime' },
      { key: 'updated', label: 'Updated At', type: 'datetime' },
    ],
  },
});
