import { crmErrors } from '@crm-zapier/kit';
import zapier, { defineApp } from 'zapier-platform-core';
import pkg from './package.json';
import authentication, { addApiKey } from './authentication/apiKey';
import createContact from './creates/createContact';
import createDeal from './creates/createDeal';
import deleteContact from './creates/deleteContact';
import updateContact from './creates/updateContact';
import findContact from './searches/findContact';
import findDeal from './searches/findDeal';
import { CRM } from './src/constants';
import { readLunarSendError } from './src/errors';
import listContacts from './triggers/listContacts';
import listTeamUsers from './triggers/listTeamUsers';

export default defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [addApiKey],
  afterResponse: [crmErrors({ crm: CRM, credentials: 'API key', readError: readLunarSendError })],
  flags: {
    // 429s reach crmErrors, which reads Retry-After in both its forms and keeps the CRM's message.
    throwForThrottlingEarly: false,
    // The app makes no HTTP calls outside z.request (which core logs anyway), so core's patch of
    // node's http module, which only logs such calls, is not needed (and it would pin whatever
    // http.request it first finds for the life of the process).
    skipHttpPatch: true,
  },
  triggers: {
    [listContacts.key]: listContacts,
    [listTeamUsers.key]: listTeamUsers,
  },
  searches: {
    [findContact.key]: findContact,
    [findDeal.key]: findDeal,
  },
  creates: {
    [createContact.key]: createContact,
    [updateContact.key]: updateContact,
    [deleteContact.key]: deleteContact,
    [createDeal.key]: createDeal,
  },
  searchOrCreates: {
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description: 'Finds a contact in LunarSend, or creates one if none matches.',
      },
      search: findContact.key,
      create: createContact.key,
    },
  },
});
