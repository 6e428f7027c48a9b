import { json, SimServer, type Handler, type SimRequest, type SimResponse } from '../../server';
import { createContact, getContact, listContacts, setContactTags, updateContact } from './contacts';
import { createDeal, createDealNote, dealFields, getDeal, listDeals, listPipelineDeals, updateDeal } from './deals';
import { invalidRequest } from './errors';
import { fieldsMetadata } from './fields';
import { createNote } from './notes';
import { authed, authorize, issueTokens, tokenEndpoint } from './oauth';
import { getPipeline, listPipelines } from './pipelines';
import { nimbleSpec } from './spec';
import {
  createNimbleStore,
  NIMBLE_SANDBOX_CLIENT,
  SCOPES,
  USER,
  type NimbleSimulatorOptions,
  type NimbleStore,
} from './store';
import { createLegacyTask, createTask } from './tasks';

export { NIMBLE_SANDBOX_CLIENT, type NimbleSimulatorOptions } from './store';

/**
 * Nimble (../shared/docs/apis/nimble.md, ../shared/specs/nimble.openapi.yml), in memory: the OAuth2
 * flow, and the contact, contact-field, note, task, deal, deal-field, pipeline and myself endpoints.
 * Requests are routed and validated with the OpenAPI document (./spec.ts lists where the sandbox
 * departs from it); answers come in its shapes and error bodies.
 */

/** The handler of each operation of the document the sandbox serves. */
const OPERATIONS: Record<string, (store: NimbleStore, req: SimRequest) => SimResponse> = {
  'get-myself': () => json(200, USER),
  'list-contacts': listContacts,
  'get-contact': getContact,
  'post-contact': createContact,
  'put-contact': updateContact,
  'put-contact-tags': setContactTags,
  'list-company-contacts-fields': () => json(200, fieldsMetadata()),
  'post-contact-note': createNote,
  'post-task': createTask,
  'post-legacy-task': createLegacyTask,
  'list-deals-pipelines': listPipelines,
  'get-deals-pipeline': getPipeline,
  'list-pipeline-deals-by-stages': listPipelineDeals,
  'list-all-user-deals-fields': dealFields,
  'list-user-deals': listDeals,
  'get-deal': getDeal,
  'create-new-deal': createDeal,
  'put-deal': updateDeal,
  'create-deal-note': createDealNote,
};

export const createNimbleSimulator = (options: NimbleSimulatorOptions = {}) => {
  const store = createNimbleStore(options);
  const server = new SimServer('nimble');
  const spec = nimbleSpec();
  spec.route(
    server,
    Object.fromEntries(
      Object.entries(OPERATIONS).map(([operationId, handle]): [string, Handler] => [
        operationId,
        authed(store, (req) => {
          const problems = spec.problems(req, operationId);
          return problems.length ? invalidRequest(problems) : handle(store, req);
        }),
      ]),
    ),
  );
  server
    .route('GET', '/oauth/authorize', (req) => authorize(store, req.query))
    .route('POST', '/api/oauth/token', (req) => tokenEndpoint(store, req));

  return {
    server,
    client: NIMBLE_SANDBOX_CLIENT,
    user: USER,
    contacts: store.contacts,
    notes: store.notes,
    tasks: store.tasks,
    deals: store.deals,
    dealNotes: store.dealNotes,
    pipelines: store.pipelines,
    seeded: store.seeded,
    authorize: (query: URLSearchParams) => authorize(store, query),
    /** Issues tokens as the code exchange would, without the browser round trip. */
    connect: () => issueTokens(store, [...SCOPES], NIMBLE_SANDBOX_CLIENT.redirectUri),
    /** Makes every access token issued so far expire now. */
    expireAccessTokens: () => {
      for (const grant of store.accessTokens.values()) grant.expiresAt = Date.now() - 1;
    },
  };
};

export type NimbleSimulator = ReturnType<typeof createNimbleSimulator>;
