import { pathSegment, requestJson, type AnySchema } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import { baseUrl, CRM } from './constants';
import {
  AuthTestSchema,
  CommentListSchema,
  CreatedCallLogSchema,
  CreatedCommentSchema,
  CreatedRecordSchema,
  DeletedRecordSchema,
  FolderFieldListSchema,
  FolderListSchema,
  LinkedThreadSchema,
  RecordChangeListSchema,
  CallLogItemListSchema,
  DriveFileItemListSchema,
  RecordListSchema,
  UpdatedRecordSchema,
  type CallLogBody,
  type NewRecordBody,
  type UpdateRecordBody,
} from './schemas';

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** The only code that knows NetHunt's paths: one method per documented endpoint. */
export const nethunt = (z: ZObject) => {
  // Some ids reach a path unchecked (the folder of the dynamic fields): pathSegment refuses dot-only ones.
  const folder = (id: string) => pathSegment(z, id, { key: 'folder_id', label: 'Folder' });
  const record = (id: string) => pathSegment(z, id, { key: 'record_id', label: 'Record ID' });
  const get = <S extends AnySchema>(path: string, schema: S, params?: Params, resource?: string) =>
    requestJson(z, { url: `${baseUrl()}${path}`, params, schema, crm: CRM, resource });
  const post = <S extends AnySchema>(path: string, body: unknown, schema: S, params?: Params, resource?: string) =>
    requestJson(z, { method: 'POST', url: `${baseUrl()}${path}`, body, params, schema, crm: CRM, resource });

  return {
    authTest: () => get('/triggers/auth-test', AuthTestSchema),
    readableFolders: () => get('/triggers/readable-folder', FolderListSchema),
    writableFolders: () => get('/triggers/writable-folder', FolderListSchema),
    folderFields: (folderId: string) =>
      get(`/triggers/folder-field/${folder(folderId)}`, FolderFieldListSchema, undefined, `folder ${folderId}`),
    findRecords: (folderId: string, params: { recordId?: string; query?: string; limit?: number }) =>
      get(`/searches/find-record/${folder(folderId)}`, RecordListSchema, params, `folder ${folderId}`),
    newRecords: (folderId: string, params: { since?: string; limit?: number } = {}) =>
      get(`/triggers/new-record/${folder(folderId)}`, RecordListSchema, params, `folder ${folderId}`),
    newComments: (folderId: string, params: { since?: string; limit?: number } = {}) =>
      get(`/triggers/new-comment/${folder(folderId)}`, CommentListSchema, params, `folder ${folderId}`),
    newCallLogs: (folderId: string, params: { since?: string; limit?: number } = {}) =>
      get(`/triggers/new-call-log/${folder(folderId)}`, CallLogItemListSchema, params, `folder ${folderId}`),
    newDriveFiles: (folderId: string, params: { since?: string; limit?: number } = {}) =>
      get(`/triggers/new-gdrivefile/${folder(folderId)}`, DriveFileItemListSchema, params, `folder ${folderId}`),
    updatedRecords: (folderId: string, params: { fieldName?: string[]; since?: string; limit?: number } = {}) =>
      get(`/triggers/updated-record/${folder(folderId)}`, RecordListSchema, params, `folder ${folderId}`),
    recordChanges: (
      folderId: string,
      params: { recordId?: string; fieldName?: string[]; since?: string; limit?: number } = {},
    ) => get(`/triggers/record-change/${folder(folderId)}`, RecordChangeListSchema, params, `folder ${folderId}`),
    createRecord: (folderId: string, body: NewRecordBody) =>
      post(`/actions/create-record/${folder(folderId)}`, body, CreatedRecordSchema, undefined, `folder ${folderId}`),
    updateRecord: (recordId: string, body: UpdateRecordBody, overwrite?: boolean) =>
      post(
        `/actions/update-record/${record(recordId)}`,
        body,
        UpdatedRecordSchema,
        { overwrite },
        `record ${recordId}`,
      ),
    createComment: (recordId: string, text: string) =>
      post(
        `/actions/create-comment/${record(recordId)}`,
        { text },
        CreatedCommentSchema,
        undefined,
        `record ${recordId}`,
      ),
    createCallLog: (recordId: string, body: CallLogBody) =>
      post(`/actions/create-call-log/${record(recordId)}`, body, CreatedCallLogSchema, undefined, `record ${recordId}`),
    // No body is documented; `{}` goes with the JSON content type (nethunt.md).
    deleteRecord: (recordId: string) =>
      post(`/actions/delete-record/${record(recordId)}`, {}, DeletedRecordSchema, undefined, `record ${recordId}`),
    linkGmailThread: (recordId: string, gmailThreadId: string) =>
      post(
        `/actions/link-gmail-thread/${record(recordId)}`,
        { gmailThreadId },
        LinkedThreadSchema,
        undefined,
        `record ${recordId}`,
      ),
  };
};
