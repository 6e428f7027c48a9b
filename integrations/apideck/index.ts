import { APP_FLAGS, crmErrors, guardApp } from '@crm-zapier/kit';
import zapier, { defineApp } from 'zapier-platform-core';
import pkg from './package.json';
import authentication, { beforeRequest } from './authentication/apiKey';
import apiRequest from './creates/apiRequest';
import createCompany from './creates/createCompany';
import createContact from './creates/createContact';
import createDeal from './creates/createDeal';
import createLead from './creates/createLead';
import createNote from './creates/createNote';
import logActivity from './creates/logActivity';
import updateCompany from './creates/updateCompany';
import updateContact from './creates/updateContact';
import updateDeal from './creates/updateDeal';
import updateLead from './creates/updateLead';
import findCompany from './searches/findCompany';
import findCompanyExact from './searches/findCompanyExact';
import findDeal from './searches/findDeal';
import findContact from './searches/findContact';
import findContactExact from './searches/findContactExact';
import findLead from './searches/findLead';
import findLeadExact from './searches/findLeadExact';
import { CREDENTIALS, CRM, PUBLIC_AUTH_KEYS } from './src/constants';
import { classify, FIELD_LABELS, readError } from './src/errors';
import listCompanies from './triggers/listCompanies';
import listContacts from './triggers/listContacts';
import listDeals from './triggers/listDeals';
import listLeads from './triggers/listLeads';
import listPipelineStages from './triggers/listPipelineStages';
import listPipelines from './triggers/listPipelines';
import listUsers from './triggers/listUsers';
import newCompany from './triggers/newCompany';
import newContact from './triggers/newContact';
import newDeal from './triggers/newDeal';
import newLead from './triggers/newLead';
import companyFieldChanged from './triggers/companyFieldChanged';
import leadStatusChanged from './triggers/leadStatusChanged';
import updatedContact from './triggers/updatedContact';
import updatedDeal from './triggers/updatedDeal';
import deletedContactInstant from './triggers/instant/deletedContactInstant';
import newCompanyInstant from './triggers/instant/newCompanyInstant';
import newContactInstant from './triggers/instant/newContactInstant';
import newDealInstant from './triggers/instant/newDealInstant';
import newLeadInstant from './triggers/instant/newLeadInstant';
import updatedContactInstant from './triggers/instant/updatedContactInstant';
import updatedDealInstant from './triggers/instant/updatedDealInstant';

const app = defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [beforeRequest],
  afterResponse: [crmErrors({ crm: CRM, credentials: CREDENTIALS, readError, classify, fieldLabels: FIELD_LABELS })],
  flags: APP_FLAGS,
  triggers: {
    [newContact.key]: newContact,
    [updatedContact.key]: updatedContact,
    [newDeal.key]: newDeal,
    [updatedDeal.key]: updatedDeal,
    [newLead.key]: newLead,
    [newCompany.key]: newCompany,
    [leadStatusChanged.key]: leadStatusChanged,
    [companyFieldChanged.key]: companyFieldChanged,
    [listUsers.key]: listUsers,
    [listCompanies.key]: listCompanies,
    [listContacts.key]: listContacts,
    [listDeals.key]: listDeals,
    [listLeads.key]: listLeads,
    [listPipelines.key]: listPipelines,
    [listPipelineStages.key]: listPipelineStages,
    [newContactInstant.key]: newContactInstant,
    [updatedContactInstant.key]: updatedContactInstant,
    [newDealInstant.key]: newDealInstant,
    [updatedDealInstant.key]: updatedDealInstant,
    [newCompanyInstant.key]: newCompanyInstant,
    [newLeadInstant.key]: newLeadInstant,
    [deletedContactInstant.key]: deletedContactInstant,
  },
  searches: {
    [findContact.key]: findContact,
    [findCompany.key]: findCompany,
    [findLead.key]: findLead,
    [findDeal.key]: findDeal,
    [findContactExact.key]: findContactExact,
    [findCompanyExact.key]: findCompanyExact,
    [findLeadExact.key]: findLeadExact,
  },
  creates: {
    [createContact.key]: createContact,
    [updateContact.key]: updateContact,
    [createCompany.key]: createCompany,
    [updateCompany.key]: updateCompany,
    [createDeal.key]: createDeal,
    [updateDeal.key]: updateDeal,
    [createLead.key]: createLead,
    [updateLead.key]: updateLead,
    [createNote.key]: createNote,
    [logActivity.key]: logActivity,
    [apiRequest.key]: apiRequest,
  },
  // "Find, update or create": `update` and `updateInputFromSearchOutput` are EXPERIMENTAL in
  // Zapier's schema and used as it documents them: on a hit Zapier runs the update on the first
  // match, with its id from the search output; on a miss it runs the create. Each pair sits under
  // its visible Find search (`key`, which Zapier's schema requires to be a search) but runs a
  // hidden search (`search`) that returns a record only when it is the one exact match of a unique
  // value (`src/exact.ts`), and stops with an error when several match: the visible Find searches
  // match loosely (part of a name, a shared phone number), and an update must not land on a guess.
  // No `searchUniqueInputToOutputConstraint`: the hidden searches already keep only exact matches,
  // and the constraint would compare the input with the output's primary email (a contact found by
  // its work email would not count) and case-sensitively (a company typed in another case would be
  // created again).
  searchOrCreates: {
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description:
          'Finds the one contact with exactly this email and updates it with the fields you give, or creates a contact when none has it (or no email is given). When several contacts have the email, the step stops with an error.',
      },
      search: findContactExact.key,
      create: createContact.key,
      update: updateContact.key,
      updateInputFromSearchOutput: { contact_id: 'id' },
    },
    [findCompany.key]: {
      key: findCompany.key,
      display: {
        label: 'Find or Create Company',
        description:
          'Finds the one company with exactly this name (any case) and updates it with the fields you give, or creates a company when none has it. When several companies have the name, the step stops with an error.',
      },
      search: findCompanyExact.key,
      create: createCompany.key,
      update: updateCompany.key,
      updateInputFromSearchOutput: { company_id: 'id' },
    },
    [findLead.key]: {
      key: findLead.key,
      display: {
        label: 'Find or Create Lead',
        description:
          'Finds the one lead with exactly this email and updates it with the fields you give, or creates a lead when none has it (or no email is given). When several leads have the email, the step stops with an error.',
      },
      search: findLeadExact.key,
      create: createLead.key,
      update: updateLead.key,
      updateInputFromSearchOutput: { lead_id: 'id' },
    },
    // Find Deal as it is (title, company, primary contact), then Create Deal: no update, and no
    // hidden exact search, since a deal has no unique value (two deals may share a title).
    [findDeal.key]: {
      key: findDeal.key,
      display: {
        label: 'Find or Create Deal',
        description:
          'Finds a deal by title, company or primary contact, or creates a deal when none matches. A deal titled exactly as asked (any case) is used first.',
      },
      search: findDeal.key,
      create: createDeal.key,
    },
  },
});

// Apideck's consumer and service ids name what a user must check in Vault: not secrets.
export default guardApp(app, { crm: CRM, publicAuthKeys: PUBLIC_AUTH_KEYS });
