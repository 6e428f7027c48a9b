import {
  asRecord,
  cachedForConnection,
  isUnsendable,
  nonBlank,
  parseJsonBody,
  requestJson,
  sendRequest,
  withoutSecrets,
} from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import { choiceLabelsOf } from './map';
import {
  ContactListSchema,
  ContactSchema,
  DealFieldsSchema,
  DealListSchema,
  DealNoteSchema,
  DealSchema,
  FieldsMetadataSchema,
  MyselfSchema,
  NoteSchema,
  PipelineDealsSchema,
  PipelineListSchema,
  PipelineSchema,
  TagsAnswerSchema,
  TaskSchema,
  TokenSchema,
  type CreateContactBody,
  type DealBody,
  type DealNoteBody,
  type DealUpdateBody,
  type LegacyTaskBody,
  type NoteBody,
  type TaskBody,
  type UpdateContactBody,
} from './schemas';

export const CRM = 'Nimble';

/**
 * Nimble's host. The API text uses `https://api.nimble.com` in one `?access_token=` example, but the
 * OpenAPI document's `servers`, both OAuth endpoints and every avatar URL use `https://app.nimble.com`,
 * so the API and the authorization server share this one host.
 */
export const NIMBLE_BASE_URL = 'https://app.nimble.com';

const trimmed = (url: string): string => url.replace(/\/+$/, '');
/** The API host in force: the constant, or NIMBLE_BASE_URL from the environment (sandbox, tests). */
const baseUrl = (): string => trimmed(process.env.NIMBLE_BASE_URL || NIMBLE_BASE_URL);

/** What API Request's paths are relative to: the REST API (`/v1/…`, `/v2/…`), not the OAuth endpoints' host paths. */
export const apiBaseUrl = (): string => `${baseUrl()}/api`;
/** The OAuth host: NIMBLE_AUTH_URL if set, else the API host (they are the same at Nimble). */
const authBaseUrl = (): string => trimmed(process.env.NIMBLE_AUTH_URL || baseUrl());

/**
 * Task creation (nimble.md §9.1): the OpenAPI document's path first; if Nimble has no such endpoint
 * (404 without a named object, or 405), the legacy path every independent client uses. `classify`
 * (errors.ts) recognises a missing endpoint by this path.
 */
export const TASKS_PATH = '/api/v1/tasks';

/** Page sizes: modest, as the document advises (the maximum is undocumented). */
const POLL_PAGE_SIZE = 50;
const SEARCH_PAGE_SIZE = 10;
export const DROPDOWN_PAGE_SIZE = 50;
/**
 * Find or Create Contact checks Nimble's matches for an exact one: it reads a bigger page, so that a
 * second exact match is not cut off (when the page is full, it stops rather than guess).
 */
export const EXACT_SEARCH_PAGE_SIZE = 100;
/**
 * How many deals of each stage Find Deal reads from a pipeline's search (`limit` is per stage in
 * `GET /api/v2/deals/pipelines/{id}/deals`; its maximum is undocumented).
 */
export const FIND_DEAL_PER_STAGE = 100;

/** How long the standard deal fields' ids are kept: they belong to the account and do not change. */
const FIELD_IDS_TTL = 24 * 60 * 60;

/**
 * How long the contact drop-down fields' option labels are kept: a renamed option shows its new
 * label after at most this long.
 */
const CHOICE_LABELS_TTL = 15 * 60;

/** Scopes, comma-separated as the document writes them. */
export const SCOPES = 'basic,contacts,deals';

/** How a contact search is asked: a query in Nimble's search language, or a keyword — never both. */
export type ContactSearch =
  | { query: Record<string, unknown>; keyword?: never; recordType?: never }
  | { keyword: string; recordType?: 'person' | 'company'; query?: never };

/**
 * Update Contact's extend/replace switch, under both names Nimble has used: `type` (the OpenAPI
 * document) and `replace` (Nimble's legacy docs, `docs/contacts/basic/update.rst`, and GearPlug's
 * client). Neither source says the other name is gone, so both are sent (nimble.md §7.4 C6).
 */
const updateMode = (replace: boolean) => (replace ? { type: '1', replace: '1' } : { type: '0', replace: '0' });

/** Where Nimble sends the user to grant access; `state` comes back with the code. */
export const authorizeUrl = (params: { client_id: string; redirect_uri: string; state: string }): string =>
  `${authBaseUrl()}/oauth/authorize?${new URLSearchParams({ ...params, response_type: 'code', scope: SCOPES }).toString()}`;

/** The form of a token request: the client's credentials travel in it (client_secret_post). */
type TokenForm = { client_id: string; client_secret: string; redirect_uri: string } & (
  { grant_type: 'authorization_code'; code: string } | { grant_type: 'refresh_token'; refresh_token: string }
);

/**
 * POSTs a form to the token endpoint and returns its tokens, or an error that names no secret. The
 * request carries no Bearer token (`middlewareData.tokenEndpoint`, read by the auth's beforeRequest).
 */
const requestTokens = async (z: ZObject, form: TokenForm): Promise<Zod.infer<typeof TokenSchema>> => {
  const secrets = Object.values(form);
  let status: number;
  let content: string;
  try {
    const response = await sendRequest(
      z,
      CRM,
      {
        method: 'POST',
        url: `${authBaseUrl()}/api/oauth/token`,
        // Exactly this type, with a body we encode ourselves (core would send JSON under a
        // `…; charset=UTF-8` form header).
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        skipThrowForStatus: true,
        middlewareData: { tokenEndpoint: true },
      },
      // A token request duplicates nothing a user made: a timeout is retried like a read.
      { replayable: true },
    );
    status = response.status;
    content = response.content ?? '';
  } catch (err) {
    // Under autoRefresh core turns any 401 into RefreshAuthError before we see it.
    if ((err as Error).name !== 'RefreshAuthError') throw err;
    status = 401;
    content = '';
  }
  const body = parseJsonBody(content);
  const obj = asRecord(body) ?? {};
  // OAuth2 (RFC 6749 §5.2) errors carry `error`; some servers send them with HTTP 200.
  if (status >= 400 || typeof obj.error === 'string') {
    const said = nonBlank(obj.error_description) ?? nonBlank(obj.message) ?? nonBlank(obj.error);
    const detail = said ? `: ${withoutSecrets(said, secrets)}` : '';
    if (status >= 500) {
      throw new z.errors.Error(
        `${CRM}'s token endpoint had a temporary problem (HTTP ${status})${detail}.`,
        'TokenServerError',
        status,
      );
    }
    if (form.grant_type === 'refresh_token') {
      throw new z.errors.ExpiredAuthError(
        `${CRM} did not accept the stored refresh token (HTTP ${status})${detail}. Reconnect your Nimble account.`,
      );
    }
    throw new z.errors.Error(
      `${CRM} did not accept the authorization code (HTTP ${status})${detail}. Try connecting your Nimble account again.`,
      'InvalidGrant',
      status,
    );
  }
  const parsed = TokenSchema.safeParse(body);
  if (!parsed.success) {
    throw new z.errors.Error(
      `${CRM}'s token endpoint did not answer with an access token (HTTP ${status}).`,
      'InvalidResponse',
      status,
    );
  }
  // A token is sent in a header on every request: one no header can carry is refused before it is stored.
  if ([parsed.data.access_token, parsed.data.refresh_token].some((t) => t && isUnsendable(t))) {
    throw new z.errors.Error(
      `${CRM}'s token endpoint answered with a token that cannot be sent back in a request (it holds a line ` +
        `break, a control character or a character outside Latin-1). Try connecting your Nimble account again.`,
      'InvalidResponse',
      status,
    );
  }
  return parsed.data;
};

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** The only code that knows Nimble's paths and sends its requests: one method per documented endpoint. */
/** A pipeline's deal listing: one stage, a query, and how many deals per stage. */
interface PipelineDealsOptions {
  stageId?: string;
  query?: Record<string, unknown>;
  limit?: number;
}

export const nimble = (z: ZObject) => {
  const call = <S extends Zod.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    opts: { params?: Params; body?: unknown; resource?: string; headers?: Record<string, string> } = {},
  ) => requestJson(z, { method, url: `${baseUrl()}${path}`, schema, crm: CRM, ...opts });
  const seg = encodeURIComponent;
  const contacts = async (params: Params) =>
    (await call('GET', '/api/v1/contacts', ContactListSchema, { params })).resources;
  const deals = async (params: Params) => (await call('GET', '/api/v2/deals', DealListSchema, { params })).resources;
  const dealFields = () => call('GET', '/api/v2/deals/fields', DealFieldsSchema);
  const pipelineDealGroups = async (pipelineId: string, opts: PipelineDealsOptions = {}) =>
    (
      await call('GET', `/api/v2/deals/pipelines/${seg(pipelineId)}/deals`, PipelineDealsSchema, {
        params: {
          sort: 'updated:desc',
          limit: opts.limit ?? POLL_PAGE_SIZE,
          stage_id: opts.stageId,
          query: opts.query ? JSON.stringify(opts.query) : undefined,
        },
        resource: `deal pipeline ${pipelineId}`,
      })
    ).stages.map((group) => group.deals);

  return {
    /** The code exchange: `POST /api/oauth/token` with `grant_type=authorization_code`. */
    exchangeCode: (form: Extract<TokenForm, { grant_type: 'authorization_code' }>) => requestTokens(z, form),
    /** A refresh: the same endpoint with `grant_type=refresh_token` (and `redirect_uri`, which Nimble wants). */
    refreshTokens: (form: Extract<TokenForm, { grant_type: 'refresh_token' }>) => requestTokens(z, form),

    /** The connected user; `accessToken` names the token when authData has none yet (the code exchange). */
    myself: (accessToken?: string) =>
      call('GET', '/api/v1/myself', MyselfSchema, {
        headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined,
      }),

    /** Contacts, newest first by `created` or `updated` (the sort format of the legacy docs). */
    recentContacts: (by: 'created' | 'updated', recordType?: 'person' | 'company') =>
      contacts({ sort: `${by}:desc`, per_page: POLL_PAGE_SIZE, page: 1, record_type: recordType }),

    /** One page (1-based) of every contact, newest first: the contact dropdown. */
    contactPage: (page: number) => contacts({ sort: 'created:desc', per_page: DROPDOWN_PAGE_SIZE, page }),

    searchContacts: (search: ContactSearch, perPage: number = SEARCH_PAGE_SIZE) =>
      contacts(
        search.query !== undefined
          ? { query: JSON.stringify(search.query), per_page: perPage }
          : { keyword: search.keyword, record_type: search.recordType, per_page: perPage },
      ),

    getContact: async (id: string) =>
      (await call('GET', `/api/v1/contact/${seg(id)}`, ContactListSchema, { resource: `contact ${id}` })).resources,

    createContact: (body: CreateContactBody) => call('POST', '/api/v1/contact', ContactSchema, { body }),

    updateContact: (id: string, body: UpdateContactBody, replace: boolean) =>
      call('PUT', `/api/v1/contact/${seg(id)}`, ContactSchema, {
        body,
        params: updateMode(replace),
        resource: `contact ${id}`,
      }),

    contactFields: () => call('GET', '/api/v1/contacts/fields', FieldsMetadataSchema),

    /**
     * The option labels of the account's drop-down contact fields (`GET /api/v1/contacts/fields` on
     * the first run), kept in `z.cache` per connection for CHOICE_LABELS_TTL.
     */
    contactChoiceLabels: () =>
      cachedForConnection(z, CRM, 'contact-choice-labels', CHOICE_LABELS_TTL, async () =>
        choiceLabelsOf(await call('GET', '/api/v1/contacts/fields', FieldsMetadataSchema)),
      ),

    createNote: (body: NoteBody) => call('POST', '/api/v1/contacts/notes', NoteSchema, { body }),

    /** `POST /api/v1/tasks`; its 404 without a named object, or 405, is an error with the code NO_ENDPOINT. */
    createTask: (body: TaskBody) => call('POST', TASKS_PATH, TaskSchema, { body }),

    createLegacyTask: (body: LegacyTaskBody) => call('POST', '/api/v1/activities/task', TaskSchema, { body }),

    pipelines: async () => (await call('GET', '/api/v2/deals/pipelines', PipelineListSchema)).pipelines,

    pipeline: (id: string) =>
      call('GET', `/api/v2/deals/pipelines/${seg(id)}`, PipelineSchema, { resource: `deal pipeline ${id}` }),

    dealFields,

    /**
     * The standard deal fields' ids by name (`GET /api/v2/deals/fields` on the first run), kept in
     * `z.cache` per connection: Create Deal and Update Deal share the entry.
     */
    standardDealFieldIds: () =>
      cachedForConnection(z, CRM, 'deal-standard-field-ids', FIELD_IDS_TTL, async (): Promise<Record<string, string>> =>
        Object.fromEntries((await dealFields()).standard_fields.map((f) => [f.field_name, f.field_id])),
      ),

    recentDeals: () => deals({ sort: 'created:desc', limit: POLL_PAGE_SIZE }),

    /** The most recently changed deals of every pipeline (Deal Stage Changed without a Pipeline). */
    recentlyChangedDeals: () => deals({ sort: 'updated:desc', limit: POLL_PAGE_SIZE }),

    /**
     * A pipeline's deals (`GET /api/v2/deals/pipelines/{id}/deals`), most recently changed first, at
     * most `limit` per stage, in one stage or all; `query` is a search in Nimble's search language.
     * The stage groups come back as one list, in the answer's order.
     */
    /** A pipeline's deals in their stage groups; `limit` applies to each stage. */
    pipelineDealGroups,
    pipelineDeals: async (pipelineId: string, opts: PipelineDealsOptions = {}) =>
      (await pipelineDealGroups(pipelineId, opts)).flat(),

    /** Deals by most recent change: the deal and user dropdowns (one page). */
    dealsByUpdate: (limit: number) => deals({ sort: 'updated:desc', limit }),

    createDeal: (body: DealBody) => call('POST', '/api/v2/deals', DealSchema, { body }),

    getDeal: (id: string) => call('GET', `/api/v2/deals/${seg(id)}`, DealSchema, { resource: `deal ${id}` }),

    /** Only the keys given change (`tags`, were it sent, would replace the whole list). */
    updateDeal: (id: string, body: DealUpdateBody) =>
      call('PUT', `/api/v2/deals/${seg(id)}`, DealSchema, { body, resource: `deal ${id}` }),

    createDealNote: (dealId: string, body: DealNoteBody) =>
      call('POST', `/api/v2/deals/${seg(dealId)}/notes`, DealNoteSchema, { body, resource: `deal ${dealId}` }),

    /**
     * Sets the contact's tags to exactly this list (the endpoint replaces the whole set). Returns the
     * contact when Nimble answers with it, undefined when it answers `{}`.
     */
    setContactTags: (contactId: string, tags: string[]) =>
      call('PUT', `/api/v1/contacts/${seg(contactId)}/tags`, TagsAnswerSchema, {
        body: { tags },
        resource: `contact ${contactId}`,
      }),
  };
};
