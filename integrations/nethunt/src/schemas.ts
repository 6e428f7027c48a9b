import { lazySchema, type Infer } from '@crm-zapier/kit';

/** A field value as the document shows them: text, numbers, booleans, lists of text (or anything else). */
export const FieldValueSchema = lazySchema((z) => z.unknown());
export const FieldsSchema = lazySchema((z) => z.record(z.string(), FieldValueSchema.schema));

export const FolderSchema = lazySchema((z) => z.object({ id: z.string(), name: z.string() }));
export const FolderListSchema = lazySchema((z) => z.array(FolderSchema.schema));
export type Folder = Infer<typeof FolderSchema>;

/** A folder field: only `name` is documented; any other key is kept and never relied on (nethunt.md). */
export const FolderFieldSchema = lazySchema((z) => z.looseObject({ name: z.string() }));
export const FolderFieldListSchema = lazySchema((z) => z.array(FolderFieldSchema.schema));

export const RecordSchema = lazySchema((z) =>
  z.object({
    id: z.string(),
    recordId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string().optional(),
    fields: FieldsSchema.schema,
  }),
);
export const RecordListSchema = lazySchema((z) => z.array(RecordSchema.schema));
export type NetHuntRecord = Infer<typeof RecordSchema>;

export const CommentSchema = lazySchema((z) =>
  z.object({
    id: z.string(),
    commentId: z.string(),
    recordId: z.string(),
    createdAt: z.string(),
    text: z.string(),
  }),
);
export const CommentListSchema = lazySchema((z) => z.array(CommentSchema.schema));
export type NetHuntComment = Infer<typeof CommentSchema>;

export const FieldActionSchema = lazySchema((z) =>
  z.object({ add: z.unknown().optional(), remove: z.unknown().optional() }),
);
export const RecordChangeSchema = lazySchema((z) =>
  z.object({
    id: z.string(),
    recordId: z.string(),
    time: z.string(),
    user: z.object({ personalName: z.string().optional(), emailAddress: z.string().optional() }).optional(),
    recordAction: z.enum(['CREATE', 'UPDATE', 'DELETE']),
    fieldActions: z.record(z.string(), FieldActionSchema.schema).optional(),
  }),
);
export const RecordChangeListSchema = lazySchema((z) => z.array(RecordChangeSchema.schema));
export type RecordChange = Infer<typeof RecordChangeSchema>;

export const CreatedRecordSchema = lazySchema((z) =>
  z.object({ recordId: z.string(), createdAt: z.string(), fields: FieldsSchema.schema }),
);
export type CreatedRecord = Infer<typeof CreatedRecordSchema>;
export const UpdatedRecordSchema = lazySchema((z) =>
  z.object({ recordId: z.string(), updatedAt: z.string(), fields: FieldsSchema.schema }),
);
export type UpdatedRecord = Infer<typeof UpdatedRecordSchema>;
export const CreatedCommentSchema = lazySchema((z) => z.object({ commentId: z.string(), createdAt: z.string() }));
export const CreatedCallLogSchema = lazySchema((z) => z.object({ callLogId: z.string(), createdAt: z.string() }));

/**
 * An item of `new-call-log` or `new-gdrivefile`. Neither answer is documented anywhere (nethunt.md,
 * "Request bodies and answers of the added endpoints"): the reference's best guess is an array of
 * items like `new-comment`'s. Only the record the item belongs to is required (both triggers list
 * things added to records of a folder); every other key is optional and kept.
 */
export const RecordItemSchema = lazySchema((z) =>
  z.looseObject({
    id: z.union([z.string(), z.number()]).optional(),
    recordId: z.string(),
    createdAt: z.string().optional(),
  }),
);
export type RecordItem = Infer<typeof RecordItemSchema>;
/** A call log of `new-call-log` (the reference guesses `callLogId`, `text`, `time`, `duration` too). */
export const CallLogItemSchema = RecordItemSchema;
export const CallLogItemListSchema = lazySchema((z) => z.array(CallLogItemSchema.schema));
/** A Google Drive file of `new-gdrivefile` (its name and link under keys no source shows). */
export const DriveFileItemSchema = RecordItemSchema;
export const DriveFileItemListSchema = lazySchema((z) => z.array(DriveFileItemSchema.schema));

/**
 * The answer of `delete-record`: not shown by the vendor; the one schema derived from the native
 * call types it `{ "trashItemId": <object> }`, and nethunt.md says to treat any 2xx as deleted and
 * `trashItemId` as opaque and optional: a JSON object, nothing required.
 */
export const DeletedRecordSchema = lazySchema((z) =>
  z.looseObject({
    trashItemId: z.union([z.string(), z.number(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  }),
);
export type DeletedRecord = Infer<typeof DeletedRecordSchema>;

/**
 * The answer of `link-gmail-thread`: documented nowhere, a JSON object whose keys no source shows
 * (nethunt.md: "any 2xx = linked"). Nothing is required of it; what it holds is output.
 */
export const LinkedThreadSchema = lazySchema((z) => z.record(z.string(), z.unknown()));

export const AuthTestSchema = lazySchema((z) =>
  z
    .array(z.object({ user: z.object({ personalName: z.string().optional(), emailAddress: z.string() }) }))
    .min(1, 'the answer has no user'),
);

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
