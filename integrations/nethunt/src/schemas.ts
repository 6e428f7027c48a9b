import { z } from 'zod';

/** A field value as the document shows them: text, numbers, booleans, lists of text (or anything else). */
export const FieldValueSchema = z.unknown();
export const FieldsSchema = z.record(z.string(), FieldValueSchema);

export const FolderSchema = z.object({ id: z.string(), name: z.string() });
export const FolderListSchema = z.array(FolderSchema);
export type Folder = z.infer<typeof FolderSchema>;

export const FolderFieldSchema = z.object({ name: z.string() });
export const FolderFieldListSchema = z.array(FolderFieldSchema);

export const RecordSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  fields: FieldsSchema,
});
export const RecordListSchema = z.array(RecordSchema);
export type NetHuntRecord = z.infer<typeof RecordSchema>;

export const CommentSchema = z.object({
  id: z.string(),
  commentId: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  text: z.string(),
});
export const CommentListSchema = z.array(CommentSchema);
export type NetHuntComment = z.infer<typeof CommentSchema>;

export const FieldActionSchema = z.object({ add: z.unknown().optional(), remove: z.unknown().optional() });
export const RecordChangeSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  time: z.string(),
  user: z.object({ personalName: z.string().optional(), emailAddress: z.string().optional() }).optional(),
  recordAction: z.enum(['CREATE', 'UPDATE', 'DELETE']),
  fieldActions: z.record(z.string(), FieldActionSchema).optional(),
});
export const RecordChangeListSchema = z.array(RecordChangeSchema);
export type RecordChange = z.infer<typeof RecordChangeSchema>;

export const CreatedRecordSchema = z.object({ recordId: z.string(), createdAt: z.string(), fields: FieldsSchema });
export type CreatedRecord = z.infer<typeof CreatedRecordSchema>;
export const UpdatedRecordSchema = z.object({ recordId: z.string(), updatedAt: z.string(), fields: FieldsSchema });
export type UpdatedRecord = z.infer<typeof UpdatedRecordSchema>;
export const CreatedCommentSchema = z.object({ commentId: z.string(), createdAt: z.string() });
export const CreatedCallLogSchema = z.object({ callLogId: z.string(), createdAt: z.string() });

export const AuthTestSchema = z
  .array(z.object({ user: z.object({ personalName: z.string().optional(), emailAddress: z.string() }) }))
  .min(1, 'the answer has no user');

/** Body of create-record. */
export interface NewRecordBody {
  timeZone: string;
  fields: Record<string, unknown>;
}

/** One field's action in update-record. */
export interface FieldAction {
  overwrite?: boolean;
  add?: unknown;
  remove?: unknown;
}
export interface UpdateRecordBody {
  fieldActions: Record<string, FieldAction>;
}
export interface CallLogBody {
  text: string;
  time?: string;
  duration?: number;
}
