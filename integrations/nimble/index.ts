import { APP_FLAGS, crmErrors, guardApp } from '@crm-zapier/kit';
import zapier, { defineApp } from 'zapier-platform-core';
import pkg from './package.json';
import authentication, { beforeRequest } from './authentication/oauth2';
import apiRequest from './creates/apiRequest';
import addContactTags from './creates/addContactTags';
import createContact from './creates/createContact';
import createDeal from './creates/createDeal';
import createDealNote from './creates/createDealNote';
import createNote from './creates/createNote';
import createTask from './creates/createTask';
import updateContact from './creates/updateContact';
import updateDeal from './creates/updateDeal';
import findContact from './searches/findContact';
import findExactContact from './searches/findExactContact';
import findDeal from './searches/findDeal';
import findExactDeal from './searches/findExactDeal';
import { CRM } from './src/client';
import { classify, readError } from './src/errors';
import listContacts from './triggers/listContacts';
import dealStageChanged from './triggers/dealStageChanged';
import listAnyStages from './triggers/listAnyStages';
import listDeals from './triggers/listDeals';
import listPipelines from './triggers/listPipelines';
import listStages from './triggers/listStages';
import listUsers from './triggers/listUsers';
import newContact from './triggers/newContact';
import newDeal from './triggers/newDeal';
import updatedContact from './triggers/updatedContact';

const app = defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [beforeRequest],
  afterResponse: [crmErrors({ crm: CRM, credentials: 'Nimble connection', oauth: true, readError, classify })],
  flags: APP_FLAGS,
  triggers: {
    [newContact.key]: newContact,
    [updatedContact.key]: updatedContact,
    [newDeal.key]: newDeal,
    [dealStageChanged.key]: dealStageChanged,
    [listContacts.key]: listContacts,
    [listDeals.key]: listDeals,
    [listPipelines.key]: listPipelines,
    [listStages.key]: listStages,
    [listAnyStages.key]: listAnyStages,
    [listUsers.key]: listUsers,
  },
  searches: {
    [findContact.key]: findContact,
    [findExactContact.key]: findExactContact,
    [findDeal.key]: findDeal,
    [findExactDeal.key]: findExactDeal,
  },
  creates: {
    [createContact.key]: createContact,
    [updateContact.key]: updateContact,
    [createNote.key]: createNote,
    [createTask.key]: createTask,
    [createDeal.key]: createDeal,
    [updateDeal.key]: updateDeal,
    [createDealNote.key]: createDealNote,
    [addContactTags.key]: addContactTags,
    [apiRequest.key]: apiRequest,
  },
  searchOrCreates: {
    // Keyed by the visible Find Contact (Zapier's editor needs a search's key), but searching with
    // the hidden exact search: Nimble's name and free-text searches are fuzzy ("Doe" finds John Doe
    // first), and the contact found is updated.
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description:
          'Finds the contact with exactly an email, a name or a company name and updates it with the fields you fill in, or creates one if none matches. Stops with an error when several contacts match exactly.',
      },
      search: findExactContact.key,
      create: createContact.key,
      // EXPERIMENTAL in Zapier's schema (used as documented there): "update if found" runs Update
      // Contact on the found contact, its ID taken from the search output. No
      // searchUniqueInputToOutputConstraint: the exact search already compares every email of the
      // contact (a constraint on the output's primary email would miss a second address).
      update: updateContact.key,
      updateInputFromSearchOutput: { contact_id: 'id' },
    },
    // Keyed by the visible Find Deal, searching with the hidden exact one: Find Deal matches words
    // ("Acme" finds "Acme renewal"), which would stop the create.
    [findDeal.key]: {
      key: findDeal.key,
      display: {
        label: 'Find or Create Deal',
        description:
          'Finds the deal with exactly this name (in the pipeline, if one is picked), or creates one if none matches.',
      },
      search: findExactDeal.key,
      create: createDeal.key,
    },
  },
});

export default guardApp(app, { crm: CRM });
