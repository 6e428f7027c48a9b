import { APP_FLAGS, crmErrors, guardApp } from '@crm-zapier/kit';
import zapier, { defineApp } from 'zapier-platform-core';
import pkg from './package.json';
import authentication from './authentication/oauth2';
import addContactTags from './creates/addContactTags';
import createContact from './creates/createContact';
import createDeal from './creates/createDeal';
import createDealNote from './creates/createDealNote';
import createNote from './creates/createNote';
import createTask from './creates/createTask';
import updateContact from './creates/updateContact';
import updateDeal from './creates/updateDeal';
import findContact from './searches/findContact';
import findDeal from './searches/findDeal';
import { CRM } from './src/constants';
import { nimbleErrors, readNimbleError } from './src/errors';
import { addBearerToken } from './src/middleware';
import listContacts from './triggers/listContacts';
import listDeals from './triggers/listDeals';
import listPipelines from './triggers/listPipelines';
import listStages from './triggers/listStages';
import newContact from './triggers/newContact';
import newDeal from './triggers/newDeal';
import updatedContact from './triggers/updatedContact';

const app = defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [addBearerToken],
  // nimbleErrors first: Nimble's 403 "Can't authenticate request" (refresh), 402 (plan limit) and
  // 404 `{object_type, object_id}`; then the kit's mapping for everything else (401 → refresh).
  afterResponse: [
    nimbleErrors,
    crmErrors({ crm: CRM, credentials: 'Nimble connection', oauth: true, readError: readNimbleError }),
  ],
  flags: APP_FLAGS,
  triggers: {
    [newContact.key]: newContact,
    [updatedContact.key]: updatedContact,
    [newDeal.key]: newDeal,
    [listContacts.key]: listContacts,
    [listDeals.key]: listDeals,
    [listPipelines.key]: listPipelines,
    [listStages.key]: listStages,
  },
  searches: { [findContact.key]: findContact, [findDeal.key]: findDeal },
  creates: {
    [createContact.key]: createContact,
    [updateContact.key]: updateContact,
    [createNote.key]: createNote,
    [createTask.key]: createTask,
    [createDeal.key]: createDeal,
    [updateDeal.key]: updateDeal,
    [createDealNote.key]: createDealNote,
    [addContactTags.key]: addContactTags,
  },
  searchOrCreates: {
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description:
          "Finds a Nimble contact and updates it with the fields you fill in, or creates one if none matches. When several match, the first (Nimble's best match) is updated.",
      },
      search: findContact.key,
      create: createContact.key,
      // EXPERIMENTAL in Zapier's schema (used as documented there): "update if found" runs Update
      // Contact on the found contact, its ID taken from the search output; with an Email search,
      // only a result whose primary email is the one searched for counts as the match.
      update: updateContact.key,
      updateInputFromSearchOutput: { contact_id: 'id' },
      searchUniqueInputToOutputConstraint: { email: 'email' },
    },
  },
});

export default guardApp(app, { crm: CRM });
