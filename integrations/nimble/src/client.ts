import { requestJson, type AnySchema } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import {
  baseUrl,
  contactUpdateMode,
  CRM,
  DROPDOWN_PAGE_SIZE,
  LEGACY_TASK_PATH,
  POLL_PAGE_SIZE,
  SEARCH_PAGE_SIZE,
  TASKS_PATH,
} from './constants';
import { NO_ENDPOINT } from './errors';
import {
  ContactByIdSchema,
  ContactListSchema,
  ContactSchema,
  DealFieldsSchema,
  DealNoteSchema,
  DealListSchema,
  DealSchema,
  FieldsMetadataSchema,
  MyselfSchema,
  NoteSchema,
  PipelineListSchema,
  PipelineSchema,
  TagsAnswerSchema,
  TaskSchema,
  type CreateContactBody,
  type DealBody,
  type DealNoteBody,
  type DealUpdateBody,
  type LegacyTaskBody,
  type NoteBody,
  type TaskBody,
  type UpdateContactBody,
} from './schemas';

type Params = Record<string, string | number | boolean | string[] | undefined>;
type Method = 'GET' | 'POST' | 'PUT';

const seg = encodeURIComponent;

/** How a contact search is asked: a query in Nimble's search language, or a keyword — never both. */
export type ContactSearch =
  | { query: Record<string, unknown>; keyword?: never; recordType?: never }
  | { keyword: string; recordType?: 'person' | 'company'; query?: never };

/** True for the error a missing endpoint gives (see `nimbleErrors`): nothing was created. */
export const isNoEndpoint = (err: unknown): boolean => {
  try {
    return (JSON.parse((err as Error).message) as { code?: unknown }).code === NO_ENDPOINT;
  } catch {
    return false;
  }
};

/** The only code that knows Nimble's paths: one method per documented endpoint. */
export const nimble = (z: ZObject) => {
  const call = <S extends AnySchema>(
    method: Method,
    path: string,
    schema: S,
    opts: { params?: Params; body?: unknown; resource?: string; headers?: Record<string, string> } = {},
  ) => requestJson(z, { method, url: `${baseUrl()}${path}`, schema, crm: CRM, ...opts });

  return {
    /** The connected user; `accessToken` names the token when authData has none yet (the code exchange). */
    myself: (accessToken?: string) =>
      call('GET', '/api/v1/myself', MyselfSchema, {
        headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined,
      }),

    /** Contacts, newest first by `created` or `updated` (the sort format of the legacy docs). */
    recentContacts: async (by: 'created' | 'updated', recordType?: 'person' | 'company') =>
      (
        await call('GET', '/api/v1/contacts', ContactListSchema, {
          params: { sort: `${by}:desc`, per_page: POLL_PAGE_SIZE, page: 1, record_type: recordType },
        })
      ).resources,

    /** One page (1-based) of every contact, newest first: the contact dropdown. */
    contactPage: async (page: number) =>
      (
        await call('GET', '/api/v1/contacts', ContactListSchema, {
          params: { sort: 'created:desc', per_page: DROPDOWN_PAGE_SIZE, page },
        })
      ).resources,

    searchContacts: async (search: ContactSearch, perPage: number = SEARCH_PAGE_SIZE) =>
      (
        await call('GET', '/api/v1/contacts', ContactListSchema, {
          params:
            search.query !== undefined
              ? { query: JSON.stringify(search.query), per_page: perPage }
              : { keyword: search.keyword, record_type: search.recordType, per_page: perPage },
        })
      ).resources,

    getContact: async (id: string) =>
      (await call('GET', `/api/v1/contact/${seg(id)}`, ContactByIdSchema, { resource: `contact ${id}` })).resources,

    createContact: (body: CreateContactBody) => call('POST', '/api/v1/contact', ContactSchema, { body }),

    updateContact: (id: string, body: UpdateContactBody, replace: boolean) =>
      call('PUT', `/api/v1/contact/${seg(id)}`, ContactSchema, {
        body,
        params: contactUpdateMode(replace),
        resource: `contact ${id}`,
      }),

    contactFields: () => call('GET', '/api/v1/contacts/fields', FieldsMetadataSchema),

    createNote: (body: NoteBody) => call('POST', '/api/v1/contacts/notes', NoteSchema, { body }),

    /** `POST /api/v1/tasks`; its 404 without a named object, or 405, is an error with the code NO_ENDPOINT. */
    createTask: (body: TaskBody) => call('POST', TASKS_PATH, TaskSchema, { body }),

    createLegacyTask: (body: LegacyTaskBody) => call('POST', LEGACY_TASK_PATH, TaskSchema, { body }),

    pipelines: async () => (await call('GET', '/api/v2/deals/pipelines', PipelineListSchema)).pipelines,

    pipeline: (id: string) =>
      call('GET', `/api/v2/deals/pipelines/${seg(id)}`, PipelineSchema, { resource: `deal pipeline ${id}` }),

    dealFields: () => call('GET', '/api/v2/deals/fields', DealFieldsSchema),

    recentDeals: async () =>
      (
        await call('GET', '/api/v2/deals', DealListSchema, {
          params: { sort: 'created:desc', limit: POLL_PAGE_SIZE },
        })
      ).resources,

    createDeal: (body: DealBody) => call('POST', '/api/v2/deals', DealSchema, { body }),

    /** Deals by most recent change: the deal dropdown (one page) and Find Deal by name. */
    dealsByUpdate: async (limit: number) =>
      (
        await call('GET', '/api/v2/deals', DealListSchema, {
          params: { sort: 'updated:desc', limit },
        })
      ).resources,

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
