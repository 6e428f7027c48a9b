import { z } from 'zod';

/**
 * What NetHunt answers (nethunt.md, "Shapes"), checked before anything maps it. A field value is
 * text, a number, a boolean or a list as the document shows them, or anything else a folder holds.
 */
export const FieldsSchema = z.record(z.string(), z.unknown());

export const FolderSchema = z.object({ id: z.string(), name: z.string() });
export const FolderListSchema = z.array(FolderSchema);
export type Folder = z.infer<typeof FolderSchema>;

/** A folder field: only `name` is documented; any other key is kept and never relied on (nethunt.md). */
export const FolderFieldSchema = z.looseObject({ name: z.string() });
export const FolderFieldListSchema = z.array(FolderFieldSchema);

export const RecordSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  /** The record's page in NetHunt, on some answers (nethunt.md, "Shapes": optional). */
  link: z.string().optional(),
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

export const CreatedRecordSchema = z.object({
  recordId: z.string(),
  createdAt: z.string(),
  link: z.string().optional(),
  fields: FieldsSchema,
});
export const UpdatedRecordSchema = z.object({ recordId: z.string(), updatedAt: z.string(), fields: FieldsSchema });
export const CreatedCommentSchema = z.object({ commentId: z.string(), createdAt: z.string() });
export type CreatedComment = z.infer<typeof CreatedCommentSchema>;
export const CreatedCallLogSchema = z.object({ callLogId: z.string(), createdAt: z.string() });
export type CreatedCallLog = z.infer<typeof CreatedCallLogSchema>;

/**
 * An item of `new-call-log` or `new-gdrivefile`. Neither answer is documented anywhere (nethunt.md,
 * "Request bodies and answers of the added endpoints"): the reference's best guess is an array of
 * items like `new-comment`'s. Only the record the item belongs to is required (both triggers list
 * things added to records of a folder); every other key is optional and kept.
 */
export const RecordItemSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  recordId: z.string(),
  createdAt: z.string().optional(),
});
export type RecordItem = z.infer<typeof RecordItemSchema>;
/** A call log of `new-call-log` (the reference guesses `callLogId`, `text`, `time`, `duration` too). */
export const CallLogItemSchema = RecordItemSchema;
export const CallLogItemListSchema = z.array(CallLogItemSchema);
/** A Google Drive file of `new-gdrivefile` (its name and link under keys no source shows). */
export const DriveFileItemSchema = RecordItemSchema;
export const DriveFileItemListSchema = z.array(DriveFileItemSchema);

const AuthTestRowSchema = z.object({
  user: z.object({ personalName: z.string().optional(), emailAddress: z.string() }),
});
/** The auth test's answer: a list of one user (at least one; the first is the connection's). */
export const AuthTestSchema = z
  .array(AuthTestRowSchema)
  .min(1, 'the answer has no user')
  .pipe(z.tuple([AuthTestRowSchema], AuthTestRowSchema));
