import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { recordId, recordIdField } from '../src/inputs';
import { CREATED_COMMENT } from '../src/samples';
import type { CreatedComment } from '../src/schemas';

export const inputFields = defineInputFields([
  recordIdField,
  { key: 'text', label: 'Comment', type: 'text', required: true, helpText: 'The comment to add to the record.' },
]);

const CreateCommentInput = z.object({ record_id: recordId(), text: inputs.text() });

/** The comment NetHunt created, with its record and text (the answer holds only its id and time). */
const flattenCreatedComment = (c: CreatedComment, recordId: string, text: string) => ({
  id: c.commentId,
  comment_id: c.commentId,
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
  display: { label: 'Create Comment', description: 'Adds a comment to a NetHunt CRM record.' },
  operation: {
    inputFields,
    perform,
    sample: flattenCreatedComment(CREATED_COMMENT, '596f644b8f6d05e16c24b830', "It's a comment"),
    outputFields: [
      { key: 'id', label: 'Comment ID', type: 'string' },
      { key: 'comment_id', label: 'Comment ID (NetHunt)', type: 'string' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'text', label: 'Comment Text', type: 'string' },
    ],
  },
});
