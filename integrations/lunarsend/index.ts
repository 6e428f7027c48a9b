import { APP_FLAGS, crmErrors, guardApp } from '@crm-zapier/kit';
import zapier, { defineApp } from 'zapier-platform-core';
import pkg from './package.json';
import authentication, { beforeRequest } from './authentication/apiKey';
import apiRequest from './creates/apiRequest';
import addTagToContact from './creates/addTagToContact';
import createContact from './creates/createContact';
import createDeal from './creates/createDeal';
import createTag from './creates/createTag';
import deleteContact from './creates/deleteContact';
import updateContact from './creates/updateContact';
import updateDeal from './creates/updateDeal';
import findContact from './searches/findContact';
import findContactById from './searches/findContactById';
import findDeal from './searches/findDeal';
import findDealById from './searches/findDealById';
import findTag from './searches/findTag';
import { CRM } from './src/constants';
import { classify, FIELD_LABELS, readError } from './src/errors';
import dealStageChanged from './triggers/dealStageChanged';
import listContacts from './triggers/listContacts';
import listDeals from './triggers/listDeals';
import listTags from './triggers/listTags';
import listTeamUsers from './triggers/listTeamUsers';
import newContact from './triggers/newContact';
import newDeal from './triggers/newDeal';

const app = defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [beforeRequest],
  // The kit's status table, with LunarSend's error bodies and its error envelope inside a 2xx.
  afterResponse: [crmErrors({ crm: CRM, credentials: 'API key', readError, classify, fieldLabels: FIELD_LABELS })],
  flags: APP_FLAGS,
  triggers: {
    [newContact.key]: newContact,
    [newDeal.key]: newDeal,
    [dealStageChanged.key]: dealStageChanged,
    [listContacts.key]: listContacts,
    [listDeals.key]: listDeals,
    [listTags.key]: listTags,
    [listTeamUsers.key]: listTeamUsers,
  },
  searches: {
    [findContact.key]: findContact,
    [findContactById.key]: findContactById,
    [findDeal.key]: findDeal,
    [findDealById.key]: findDealById,
    [findTag.key]: findTag,
  },
  creates: {
    [createContact.key]: createContact,
    [updateContact.key]: updateContact,
    [deleteContact.key]: deleteContact,
    [createDeal.key]: createDeal,
    [updateDeal.key]: updateDeal,
    [createTag.key]: createTag,
    [addTagToContact.key]: addTagToContact,
    [apiRequest.key]: apiRequest,
  },
  searchOrCreates: {
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description:
          'Finds a contact by email and updates it with the fields you fill in, or creates it if none matches.',
      },
      search: findContact.key,
      create: createContact.key,
      // EXPERIMENTAL in Zapier's schema: "update if found" runs Update Contact on the found contact,
      // with the found contact's id as its Contact. Only the fields filled in are changed.
      update: updateContact.key,
      updateInputFromSearchOutput: { contact_id: 'id' },
      // EXPERIMENTAL: a found contact counts as a match only when its email equals the search term.
      searchUniqueInputToOutputConstraint: { search_term: 'email' },
    },
    [findTag.key]: {
      key: findTag.key,
      display: {
        label: 'Find or Create Tag',
        description: 'Finds a contact tag by name, or creates it if none has that name.',
      },
      search: findTag.key,
      create: createTag.key,
    },
  },
});

export default guardApp(app, { crm: CRM });
