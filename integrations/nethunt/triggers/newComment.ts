import { newestFirst, parseInput, sinceFor } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { LOOK_BACK, nethunt } from '../src/client';
import { FolderInput, readableFolderField } from '../src/inputs';
import { flattenComment } from '../src/map';
import { COMMENT } from '../src/samples';

const inputFields = defineInputFields([readableFolderField]);

const perform = (async (z, bundle) => {
  const { folder_id } = parseInput(z, FolderInput, bundle.inputData, inputFields);
  const comments = await nethunt(z).newComments(folder_id, { since: sinceFor(bundle, LOOK_BACK) });
  return newestFirst(comments, (c) => c.createdAt).map(flattenComment);
}) satisfies PollingTriggerPerform<typeof inputFields>;

const commentOutputFields = [
  { key: 'id', label: 'Comment ID', type: 'string' as const },
  { key: 'comment_id', label: 'Comment ID (NetHunt)', type: 'string' as const },
  { key: 'record_id', label: 'Record ID', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
  { key: 'text', label: 'Comment Text', type: 'string' as const },
];

export default defineTrigger({
  key: 'new_comment',
  noun: 'Comment',
  display: {
    label: 'New Comment',
    description: 'Triggers when a comment is added to a record in a NetHunt CRM folder.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenComment(COMMENT),
    outputFields: commentOutputFields,
  },
});
