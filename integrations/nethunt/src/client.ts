import { pathSegment, requestAcknowledged, requestJson } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import type { ZodType } from 'zod';
import {
  AuthTestSchema,
  CallLogItemListSchema,
  CommentListSchema,
  CreatedCallLogSchema,
  CreatedCommentSchema,
  CreatedRecordSchema,
  DriveFileItemListSchema,
  FolderFieldListSchema,
  FolderListSchema,
  RecordChangeListSchema,
  RecordListSchema,
  UpdatedRecordSchema,
} from './schemas';

export const CRM = 'NetHunt CRM';

/** NetHunt CRM's Zapier API base URL (the API document, "All URLs … are relative to"). */
const NETHUNT_BASE_URL = 'https://nethunt.com/api/v1/zapier';

/** The base URL in force: the constant, or NETHUNT_BASE_URL from the environment (sandbox, tests). */
const baseUrl = (): string => (process.env.NETHUNT_BASE_URL ?? NETHUNT_BASE_URL).replace(/\/+$/, '');

/** What API Request's paths are relative to: the Zapier API every operation here calls. */
export const apiBaseUrl = baseUrl;

/** Body of create-record: the user's time zone (required) and the values by field name. */
interface NewRecordBody {
  timeZone: string;
  fields: Record<string, unknown>;
}

/** One field's action in update-record (`overwrite` is never combined with `remove`). */
export interface FieldAction {
  overwrite?: boolean;
  add?: unknown;
  remove?: unknown;
}

export interface UpdateRecordBody {
  fieldActions: Record<string, FieldAction>;
}

/** Body of create-call-log: ISO time in UTC, duration in minutes. */
export interface CallLogBody {
  text: string;
  time?: string;
  duration?: number;
}

/** A trigger's query (nethunt.md, "Endpoints"): no `since` means the last 24 hours. */
type PollParams = { since?: string; limit?: number };

/**
 * How far back a poll looks (the kit's `sinceFor`). Regular polls leave it to the API (24 hours
 * back, far more than a poll interval); loading a sample or seeding dedupe looks back 30 days, so
 * that a quiet folder still shows real records.
 */
export const LOOK_BACK = { sampleDays: 30 };

/** How far back the record dropdown looks: NetHunt lists records only as "created since". */
export const RECORD_PICKER_LOOK_BACK_DAYS = 365;

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** The only code that knows NetHunt's paths: one method per documented endpoint. */
export const nethunt = (z: ZObject) => {
  // Some ids reach a path unchecked (the folder of the dynamic fields): pathSegment refuses dot-only ones.
  const folder = (id: string) => pathSegment(z, id, { key: 'folder_id', label: 'Folder' });
  const record = (id: string) => pathSegment(z, id, { key: 'record_id', label: 'Record' });
  const get = <S extends ZodType>(path: string, schema: S, params?: Params, resource?: string) =>
    requestJson(z, { url: `${baseUrl()}${path}`, params, schema, crm: CRM, resource });
  const post = <S extends ZodType>(path: string, body: unknown, schema: S, params?: Params, resource?: string) =>
    requestJson(z, { method: 'POST', url: `${baseUrl()}${path}`, body, params, schema, crm: CRM, resource });
  const ofRecord = (recordId: string) => `record ${recordId}`;
  const acknowledged = (path: string, body: unknown, recordId: string) =>
    requestAcknowledged(z, {
      method: 'POST',
      url: `${baseUrl()}${path}`,
      body,
      crm: CRM,
      resource: ofRecord(recordId),
    });
  const inFolder = (folderId: string) => `folder ${folderId}`;

  return {
    authTest: () => get('/triggers/auth-test', AuthTestSchema),
    readableFolders: () => get('/triggers/readable-folder', FolderListSchema),
    writableFolders: () => get('/triggers/writable-folder', FolderListSchema),
    folderFields: (folderId: string) =>
      get(`/triggers/folder-field/${folder(folderId)}`, FolderFieldListSchema, undefined, inFolder(folderId)),
    findRecords: (folderId: string, params: { recordId?: string; query?: string; limit?: number }) =>
      get(`/searches/find-record/${folder(folderId)}`, RecordListSchema, params, inFolder(folderId)),
    newRecords: (folderId: string, params: PollParams = {}) =>
      get(`/triggers/new-record/${folder(folderId)}`, RecordListSchema, params, inFolder(folderId)),
    newComments: (folderId: string, params: PollParams = {}) =>
      get(`/triggers/new-comment/${folder(folderId)}`, CommentListSchema, params, inFolder(folderId)),
    newCallLogs: (folderId: string, params: PollParams = {}) =>
      get(`/triggers/new-call-log/${folder(folderId)}`, CallLogItemListSchema, params, inFolder(folderId)),
    newDriveFiles: (folderId: string, params: PollParams = {}) =>
      get(`/triggers/new-gdrivefile/${folder(folderId)}`, DriveFileItemListSchema, params, inFolder(folderId)),
    updatedRecords: (folderId: string, params: PollParams & { fieldName?: string[] } = {}) =>
      get(`/triggers/updated-record/${folder(folderId)}`, RecordListSchema, params, inFolder(folderId)),
    recordChanges: (folderId: string, params: PollParams & { recordId?: string; fieldName?: string[] } = {}) =>
      get(`/triggers/record-change/${folder(folderId)}`, RecordChangeListSchema, params, inFolder(folderId)),
    createRecord: (folderId: string, body: NewRecordBody) =>
      post(`/actions/create-record/${folder(folderId)}`, body, CreatedRecordSchema, undefined, inFolder(folderId)),
    updateRecord: (recordId: string, body: UpdateRecordBody, overwrite?: boolean) =>
      post(`/actions/update-record/${record(recordId)}`, body, UpdatedRecordSchema, { overwrite }, ofRecord(recordId)),
    createComment: (recordId: string, text: string) =>
      post(
        `/actions/create-comment/${record(recordId)}`,
        { text },
        CreatedCommentSchema,
        undefined,
        ofRecord(recordId),
      ),
    createCallLog: (recordId: string, body: CallLogBody) =>
      post(`/actions/create-call-log/${record(recordId)}`, body, CreatedCallLogSchema, undefined, ofRecord(recordId)),
    // Any 2xx means done (nethunt.md, "Request bodies and answers of the added endpoints"): the
    // answer is shown by no source, so it is kept when it is a JSON object and never refused.
    // No body is documented for delete; `{}` goes with the JSON content type.
    deleteRecord: (recordId: string) => acknowledged(`/actions/delete-record/${record(recordId)}`, {}, recordId),
    linkGmailThread: (recordId: string, gmailThreadId: string) =>
      acknowledged(`/actions/link-gmail-thread/${record(recordId)}`, { gmailThreadId }, recordId),
  };
};

export type NetHuntClient = ReturnType<typeof nethunt>;
