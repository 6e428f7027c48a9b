import { cachedForConnection, newestFirst, orNotFound, parseInput, sinceFor } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { CRM, LOOK_BACK, nethunt } from '../src/client';
import { FolderInput, readableFolderField } from '../src/inputs';
import { flattenComment, recordName } from '../src/map';
import { SAMPLE_COMMENT } from '../src/samples';

const inputFields = defineInputFields([readableFolderField]);

/** Records whose name is read per poll, at most: the comments' answer gives only the record's id. */
const NAME_LOOKUPS = 10;

/** How long a record's name is kept for its comments: an hour (a renamed record shows its new name after it). */
const NAME_TTL = 3600;

const perform = (async (z, bundle) => {
  const { folder_id } = parseInput(z, FolderInput, bundle.inputData, inputFields);
  const client = nethunt(z);
  const comments = newestFirst(
    await client.newComments(folder_id, { since: sinceFor(bundle, LOOK_BACK) }),
    (c) => c.createdAt,
  );
  // One find-record by id per record commented on (newest comments first), kept for the connection
  // for NAME_TTL: the next polls, which see the same comments again, read no record. A record
  // NetHunt no longer finds has no name ('' kept).
  const recordIds = [...new Set(comments.map((c) => c.recordId))].slice(0, NAME_LOOKUPS);
  const names = new Map(
    await Promise.all(
      recordIds.map(async (recordId) => {
        const name = await cachedForConnection(z, CRM, `record-name:${recordId}`, NAME_TTL, async () => {
          const [record] = (await orNotFound(client.findRecords(folder_id, { recordId, limit: 1 }))) ?? [];
          return (record?.recordId === recordId ? recordName(record.fields) : null) ?? '';
        });
        return [recordId, name] as const;
      }),
    ),
  );
  return comments.map((c) => flattenComment(c, names.get(c.recordId) || null));
}) satisfies PollingTriggerPerform<typeof inputFields>;

const commentOutputFields = [
  { key: 'id', label: 'Comment ID', type: 'string' as const },
  { key: 'record_id', label: 'Record ID', type: 'string' as const },
  { key: 'record_name', label: 'Record Name', type: 'string' as const },
  { key: 'created_at', label: 'Created At', type: 'datetime' as const },
  { key: 'text', label: 'Comment Text', type: 'string' as const },
];

export default defineTrigger({
  key: 'new_comment',
  noun: 'Comment',
  display: {
    label: 'New Comment',
    description: "Triggers when a comment is added to a record in a folder. Gives the comment and the record's name.",
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenComment(SAMPLE_COMMENT, 'Jane Cooper'),
    outputFields: commentOutputFields,
  },
});
