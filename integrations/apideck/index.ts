import { APP_FLAGS, crmErrors, guardApp } from '@crm-zapier/kit';
import zapier, { defineApp, type BeforeRequestMiddleware } from 'zapier-platform-core';
import pkg from './package.json';
import authentication from './authentication/apiKey';
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
import findContact from './searches/findContact';
import findLead from './searches/findLead';
import { CREDENTIALS, CRM } from './src/constants';
import { apideckErrors, readApideckError } from './src/errors';
import listCompanies from './triggers/listCompanies';
import listContacts from './triggers/listContacts';
import listDeals from './triggers/listDeals';
import listLeads from './triggers/listLeads';
import listPipelineStages from './triggers/listPipelineStages';
import listPipelines from './triggers/listPipelines';
import listUsers from './triggers/listUsers';
import newContact from './triggers/newContact';
import newDeal from './triggers/newDeal';
import newLead from './triggers/newLead';
import updatedContact from './triggers/updatedContact';
import updatedDeal from './triggers/updatedDeal';
import { instantTriggers } from './triggers/instant';

const authValue = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Apideck's four headers: the key as a Bearer token, the app, the consumer and (when set) the connector. */
const addApideckHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const auth = bundle.authData ?? {};
  const serviceId = authValue(auth.service_id);
  request.headers = {
    ...request.headers,
    Authorization: `Bearer ${authValue(auth.api_key)}`,
    'x-apideck-app-id': authValue(auth.app_id),
    'x-apideck-consumer-id': authValue(auth.consumer_id),
    ...(serviceId ? { 'x-apideck-service-id': serviceId } : {}),
  };
  return request;
};

const app = defineApp({
  version: pkg.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [addApideckHeaders],
  afterResponse: [apideckErrors, crmErrors({ crm: CRM, credentials: CREDENTIALS, readError: readApideckError })],
  flags: APP_FLAGS,
  triggers: {
    [newContact.key]: newContact,
    [updatedContact.key]: updatedContact,
    [newDeal.key]: newDeal,
    [updatedDeal.key]: updatedDeal,
    [newLead.key]: newLead,
    [listUsers.key]: listUsers,
    [listCompanies.key]: listCompanies,
    [listContacts.key]: listContacts,
    [listDeals.key]: listDeals,
    [listLeads.key]: listLeads,
    [listPipelines.key]: listPipelines,
    [listPipelineStages.key]: listPipelineStages,
    ...instantTriggers,
  },
  searches: {
    [findContact.key]: findContact,
    [findCompany.key]: findCompany,
    [findLead.key]: findLead,
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
  },
  // "Find, update or create": `update`, `updateInputFromSearchOutput` and
  // `searchUniqueInputToOutputConstraint` are EXPERIMENTAL in Zapier's schema and used as it documents
  // them. On a hit Zapier runs the update on the first match, with its id from the search output; on
  // a miss it runs the create; the constraint keeps only matches whose output value equals the input.
  searchOrCreates: {
    [findContact.key]: {
      key: findContact.key,
      display: {
        label: 'Find or Create Contact',
        description:
          'Finds a contact by email, phone number or name and updates it with the fields you give, or creates one if none matches. When several match, the first is updated.',
      },
      search: findContact.key,
      create: createContact.key,
      update: updateContact.key,
      updateInputFromSearchOutput: { contact_id: 'id' },
      searchUniqueInputToOutputConstraint: { email: 'email' },
    },
    [findCompany.key]: {
      key: findCompany.key,
      display: {
        label: 'Find or Create Company',
        description:
          'Finds a company by name and updates it with the fields you give, or creates one if none matches. When several match, the first is updated.',
      },
      search: findCompany.key,
      create: createCompany.key,
      update: updateCompany.key,
      updateInputFromSearchOutput: { company_id: 'id' },
      searchUniqueInputToOutputConstraint: { name: 'name' },
    },
    [findLead.key]: {
      key: findLead.key,
      display: {
        label: 'Find or Create Lead',
        description:
          'Finds a lead by email, phone number or name and updates it with the fields you give, or creates one if none matches. When several match, the first is updated.',
      },
      search: findLead.key,
      create: createLead.key,
      update: updateLead.key,
      updateInputFromSearchOutput: { lead_id: 'id' },
      searchUniqueInputToOutputConstraint: { email: 'email' },
    },
  },
});

// Apideck's consumer and service ids name what a user must check in Vault: not secrets.
export default guardApp(app, { crm: CRM, publicAuthKeys: ['consumer_id', 'service_id'] });
