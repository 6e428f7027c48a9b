import { APP_FLAGS, crmErrors, guardApp } from '@crm-zapier/kit';
import zapier, { defineApp } from 'zapier-platform-core';
import pkg from './package.json';
import authentication, { beforeRequest } from './authentication/basic';
import apiRequest from './creates/apiRequest';
import createCallLog from './creates/createCallLog';
import createComment from './creates/createComment';
import createRecord from './creates/createRecord';
import deleteRecord from './creates/deleteRecord';
import linkGmailThread from './creates/linkGmailThread';
import updateRecord from './creates/updateRecord';
import findExactRecord from './searches/findExactRecord';
import findRecord from './searches/findRecord';
import deletedRecord from './triggers/deletedRecord';
import listFolderFields from './triggers/listFolderFields';
import listReadableFolders from './triggers/listReadableFolders';
import listRecentRecords from './triggers/listRecentRecords';
import listWritableFolders from './triggers/listWritableFolders';
import newCallLog from './triggers/newCallLog';
import newComment from './triggers/newComment';
import newDriveFile from './triggers/newDriveFile';
import newOrUpdatedRecord from './triggers/newOrUpdatedRecord';
import newRecord from './triggers/newRecord';
import recordChange from './triggers/recordChange';
import updatedRecord from './triggers/updatedRecord';
import { CRM } from './src/client';
import { classify } from './src/errors';

const app = defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [beforeRequest],
  // NetHunt answers some errors in plain text (nethunt.md, "Errors"): its classify hook reads them.
  afterResponse: [crmErrors({ crm: CRM, credentials: 'email address and API key', classify })],
  flags: APP_FLAGS,

  triggers: {
    [newRecord.key]: newRecord,
    [updatedRecord.key]: updatedRecord,
    [newComment.key]: newComment,
    [recordChange.key]: recordChange,
    [newOrUpdatedRecord.key]: newOrUpdatedRecord,
    [deletedRecord.key]: deletedRecord,
    [newCallLog.key]: newCallLog,
    [newDriveFile.key]: newDriveFile,
    [listReadableFolders.key]: listReadableFolders,
    [listWritableFolders.key]: listWritableFolders,
    [listFolderFields.key]: listFolderFields,
    [listRecentRecords.key]: listRecentRecords,
  },
  searches: { [findRecord.key]: findRecord, [findExactRecord.key]: findExactRecord },
  creates: {
    [createRecord.key]: createRecord,
    [updateRecord.key]: updateRecord,
    [createComment.key]: createComment,
    [createCallLog.key]: createCallLog,
    [linkGmailThread.key]: linkGmailThread,
    [deleteRecord.key]: deleteRecord,
    [apiRequest.key]: apiRequest,
  },
  searchOrCreates: {
    // Keyed by the visible Find Record (Zapier's editor needs a search's key), but searching with the
    // hidden exact search: NetHunt's own search is fuzzy ("Doe" finds John Doe first), and the
    // record it finds is updated.
    [findRecord.key]: {
      key: findRecord.key,
      display: {
        label: 'Find or Create Record',
        description:
          'Finds a record in a folder by an exact `Field:value` match (or the record you pick) and updates it, or creates one if none matches. Stops with an error when several records match exactly.',
      },
      search: findExactRecord.key,
      create: createRecord.key,
      // EXPERIMENTAL in Zapier's schema: "update if found" runs Update Record on the found record.
      update: updateRecord.key,
      updateInputFromSearchOutput: { record_id: 'id' },
      searchUniqueInputToOutputConstraint: { record_id: 'id' },
    },
  },
});

export default guardApp(app, { crm: CRM });
