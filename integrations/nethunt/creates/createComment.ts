import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { recordField, recordFolderField, recordId } from '../src/inputs';
import { SAMPLE_RECORD } from '../src/samples';
import type { CreatedComment } from '../src/schemas';

export const inputFields = defineInputFields([
  recordFolderField,
  recordField,
  { key: 'text', label: 'Comment', type: 'text', required: true, helpText: 'The comment to add to the record.' },
]);

const CreateCommentInput = z.object({ record_id: recordId(), text: inputs.text() });

/** The comment NetHunt created, with its record and text (the answer holds only its id and time). */
const flattenCreatedComment = (c: CreatedComment, recordId: string, text: string) => ({
  id: c.commentId,
  created_at: c.createdAt,
  record_id: recordId,
  text,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateCommentInput, bundle.inputData, inputFields);
  const created = await nethunt(z).createComment(input.record_id, input.text);
  return flattenCreatedComment(created, input.record_id, input.text);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_comment',
  noun: 'Comment',
  display: { label: 'Create Comment', description: 'Adds a comment to a record.' },
  operation: {
    inputFields,
    perform,
    sample: flattenCreatedComment(
      { commentId: '65f2b1c74e8b7d0012ab35b8', createdAt: '2024-03-13T12:02:44.118Z' },
      SAMPLE_RECORD.recordId,
      'Sent the quote for 200 units; follow up on Monday.',
    ),
    outputFields: [
      { key: 'id', label: 'Comment ID', type: 'string' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'text', label: 'Comment Text', type: 'string' },
    ],
  },
});
