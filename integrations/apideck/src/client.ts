import { nonBlank, pathSegment, requestJson } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import type { z as Zod } from 'zod';
import { baseUrl, CRM } from './constants';

/** What API Request's paths are relative to: Apideck's unified CRM API, nothing else the key could reach. */
export const apiBaseUrl = (): string => `${baseUrl()}/crm`;
import {
  ChannelListsSchema,
  CompanySchema,
  ContactSchema,
  CustomFieldListSchema,
  IdEnvelopeSchema,
  LeadSchema,
  listEnvelope,
  oneEnvelope,
  OpportunitySchema,
  PipelineSchema,
  UserSchema,
  WebhookSchema,
  type ActivityBody,
  type CompanyBody,
  type ContactBody,
  type LeadBody,
  type NoteBody,
  type OpportunityBody,
  type OpportunityPatch,
  type WebhookEvent,
} from './schemas';
import type { CreateWebhookBody, CrmEntity } from './webhooks';

/** One list call: `filter[...]` and `sort[...]` are deepObject parameters (`filter[email]=…`). */
export interface ListQuery {
  filter?: Record<string, string | undefined>;
  sort?: { by: string; direction: 'asc' | 'desc' };
  limit?: number;
  cursor?: string;
}

/** One page of a list: the items, and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
  /** The connector that answered, e.g. `hubspot`. */
  service: string | null;
}

type Params = Record<string, string | number | undefined>;

export const listParams = (q: ListQuery): Params => {
  const params: Params = {};
  for (const [key, value] of Object.entries(q.filter ?? {})) {
    if (value !== undefined && value !== '') params[`filter[${key}]`] = value;
  }
  if (q.sort) {
    params['sort[by]'] = q.sort.by;
    params['sort[direction]'] = q.sort.direction;
  }
  params.limit = q.limit;
  params.cursor = q.cursor;
  return params;
};

/** The next cursor, as Apideck's SDK reads it: a non-blank string, else the end of the list. */
const nextCursor = (meta: { cursors?: { next?: string | null } | null } | null | undefined): string | null => {
  const next = meta?.cursors?.next;
  return nonBlank(next) === undefined ? null : (next as string);
};

/**
 * The field each record id is named by when it cannot be a path segment (empty or only dots, which
 * would change the endpoint: `/crm/contacts/..` is `/crm/`); the kit's `pathSegment` refuses it.
 */
const ID_FIELDS = {
  contact: { key: 'contact_id', label: 'Contact' },
  company: { key: 'company_id', label: 'Company' },
  deal: { key: 'opportunity_id', label: 'Deal' },
  lead: { key: 'lead_id', label: 'Lead' },
} as const;

/** Where each CRM entity of a webhook event is read from. */
const ENTITY_PATHS: Record<CrmEntity, string> = {
  activity: '/crm/activities',
  company: '/crm/companies',
  contact: '/crm/contacts',
  lead: '/crm/leads',
  note: '/crm/notes',
  opportunity: '/crm/opportunities',
};

/** The CRM resources whose custom fields Vault lists, by their unified names (the `{resource}` of its path). */
export type CustomFieldResource = 'contacts' | 'companies' | 'leads' | 'opportunities';

/** The Webhook API (apideck-webhook.openapi.yml): one subscription per Zap. */
export const WEBHOOKS_PATH = '/webhook/webhooks';

/** The answer envelopes, built once: one per record shape the app reads. */
const LISTS = {
  contact: listEnvelope(ContactSchema),
  company: listEnvelope(CompanySchema),
  opportunity: listEnvelope(OpportunitySchema),
  lead: listEnvelope(LeadSchema),
  pipeline: listEnvelope(PipelineSchema),
  user: listEnvelope(UserSchema),
};
const ONES = {
  contact: oneEnvelope(ContactSchema),
  company: oneEnvelope(CompanySchema),
  opportunity: oneEnvelope(OpportunitySchema),
  lead: oneEnvelope(LeadSchema),
  lists: oneEnvelope(ChannelListsSchema),
  webhook: oneEnvelope(WebhookSchema),
};

type ListAnswer = { data: unknown[]; meta?: Parameters<typeof nextCursor>[0]; service?: string | null };

/**
 * The only code that knows Apideck's paths: one method per endpoint used. The envelope is unwrapped
 * here — callers get records, or the id Apideck gives back for a create or update.
 */
export const apideck = (z: ZObject) => {
  const seg = (id: string, field: keyof typeof ID_FIELDS) => pathSegment(z, id, ID_FIELDS[field]);
  const list = async <S extends Zod.ZodType<ListAnswer>>(
    path: string,
    schema: S,
    q: ListQuery,
    serviceId?: string,
  ): Promise<Page<Zod.output<S>['data'][number]>> => {
    const env: ListAnswer = await requestJson(z, {
      url: `${baseUrl()}${path}`,
      params: listParams(q),
      headers: serviceId ? { 'x-apideck-service-id': serviceId } : undefined,
      schema,
      crm: CRM,
    });
    return { items: env.data, next: nextCursor(env.meta), service: env.service ?? null };
  };
  const one = async <S extends Zod.ZodType<{ data: unknown }>>(
    path: string,
    schema: S,
    resource: string,
  ): Promise<Zod.output<S>['data']> => {
    const env = await requestJson(z, { url: `${baseUrl()}${path}`, schema, crm: CRM, resource });
    return env.data;
  };
  const send = async (method: 'POST' | 'PATCH', path: string, body: object, resource?: string) => {
    const env = await requestJson(z, {
      method,
      url: `${baseUrl()}${path}`,
      body,
      schema: IdEnvelopeSchema,
      crm: CRM,
      resource,
    });
    return { id: env.data.id, service: env.service ?? null };
  };
  const webhook = (method: 'POST' | 'DELETE', path: string, body?: CreateWebhookBody, resource?: string) =>
    requestJson(z, { method, url: `${baseUrl()}${path}`, body, schema: ONES.webhook, crm: CRM, resource }).then(
      (env) => env.data,
    );

  return {
    contacts: (q: ListQuery) => list('/crm/contacts', LISTS.contact, q),
    contact: (id: string) => one(`/crm/contacts/${seg(id, 'contact')}`, ONES.contact, `contact ${id}`),
    /** The same read as `contact`, keeping its list items whole for an update to merge into. */
    contactLists: (id: string) => one(`/crm/contacts/${seg(id, 'contact')}`, ONES.lists, `contact ${id}`),
    createContact: (body: ContactBody) => send('POST', '/crm/contacts', body),
    updateContact: (id: string, body: ContactBody) =>
      send('PATCH', `/crm/contacts/${seg(id, 'contact')}`, body, `contact ${id}`),
    companies: (q: ListQuery) => list('/crm/companies', LISTS.company, q),
    company: (id: string) => one(`/crm/companies/${seg(id, 'company')}`, ONES.company, `company ${id}`),
    companyLists: (id: string) => one(`/crm/companies/${seg(id, 'company')}`, ONES.lists, `company ${id}`),
    createCompany: (body: CompanyBody) => send('POST', '/crm/companies', body),
    updateCompany: (id: string, body: CompanyBody) =>
      send('PATCH', `/crm/companies/${seg(id, 'company')}`, body, `company ${id}`),
    opportunities: (q: ListQuery) => list('/crm/opportunities', LISTS.opportunity, q),
    opportunity: (id: string) => one(`/crm/opportunities/${seg(id, 'deal')}`, ONES.opportunity, `deal ${id}`),
    createOpportunity: (body: OpportunityBody) => send('POST', '/crm/opportunities', body),
    updateOpportunity: (id: string, body: OpportunityPatch) =>
      send('PATCH', `/crm/opportunities/${seg(id, 'deal')}`, body, `deal ${id}`),
    leads: (q: ListQuery) => list('/crm/leads', LISTS.lead, q),
    lead: (id: string) => one(`/crm/leads/${seg(id, 'lead')}`, ONES.lead, `lead ${id}`),
    leadLists: (id: string) => one(`/crm/leads/${seg(id, 'lead')}`, ONES.lists, `lead ${id}`),
    createLead: (body: LeadBody) => send('POST', '/crm/leads', body),
    updateLead: (id: string, body: LeadBody) => send('PATCH', `/crm/leads/${seg(id, 'lead')}`, body, `lead ${id}`),
    createNote: (body: NoteBody) => send('POST', '/crm/notes', body),
    createActivity: (body: ActivityBody) => send('POST', '/crm/activities', body),
    /** Pipelines, of the connector `serviceId` names when given (a webhook event's), else the connection's. */
    pipelines: (q: ListQuery, serviceId?: string) => list('/crm/pipelines', LISTS.pipeline, q, serviceId),
    /** Users, of the connector `serviceId` names when given (a webhook event's), else the connection's. */
    users: (q: ListQuery, serviceId?: string) => list('/crm/users', LISTS.user, q, serviceId),
    /**
     * The record a webhook event names, read from the connector the event came from (never from the
     * payload's `entity_url`). The id was checked by `checkEventIds` before this call.
     */
    eventRecord: async <T extends Zod.ZodType>(
      entity: CrmEntity,
      schema: T,
      { entity_id: id, service_id: serviceId }: Pick<WebhookEvent, 'entity_id' | 'service_id'>,
    ): Promise<Zod.output<T>> => {
      const env = await requestJson(z, {
        url: `${baseUrl()}${ENTITY_PATHS[entity]}/${encodeURIComponent(id)}`,
        headers: serviceId ? { 'x-apideck-service-id': serviceId } : undefined,
        // zod cannot name the `data` of an envelope around a schema not known here.
        schema: oneEnvelope(schema) as unknown as Zod.ZodType<{ data: Zod.output<T> }>,
        crm: CRM,
        resource: `${entity} ${id}`,
      });
      return env.data;
    },
    /**
     * The custom fields of the consumer's `serviceId` connection for one resource, as Vault lists
     * them (apideck-vault.openapi.yml `customFieldsAll`; apideck-crm.md §6.1):
     * `GET /vault/connections/crm/{service_id}/{resource}/custom-fields`. Not a CRM path: the
     * API Request action (based at `/crm`) cannot reach it.
     */
    customFields: async (serviceId: string, resource: CustomFieldResource) => {
      const service = pathSegment(z, serviceId, { key: 'service_id', label: 'Service ID' });
      const env = await requestJson(z, {
        url: `${baseUrl()}/vault/connections/crm/${service}/${resource}/custom-fields`,
        schema: CustomFieldListSchema,
        crm: CRM,
      });
      return env.data;
    },
    createWebhook: (body: CreateWebhookBody) => webhook('POST', WEBHOOKS_PATH, body),
    deleteWebhook: (id: string) =>
      webhook('DELETE', `${WEBHOOKS_PATH}/${encodeURIComponent(id)}`, undefined, `webhook ${id}`),
  };
};

/**
 * Where the next dropdown page starts, kept in `z.cursor` (Zapier's store for a trigger with
 * `canPaginate`) as `<page>:<cursor>`: the page it leads to, so a cursor is only used for that page,
 * and an empty cursor for "no more pages". Outside Zapier (core's app tester, the sandbox tour)
 * there is no store: reading gives nothing and writing is skipped, and pages are walked instead.
 */
const keepCursor = async (z: ZObject, page: number, next: string | null): Promise<void> => {
  try {
    await z.cursor.set(`${page}:${next ?? ''}`);
  } catch {
    // No cursor store in this run: the next page walks from the start.
  }
};
const keptCursor = async (z: ZObject, page: number): Promise<string | null | undefined> => {
  let kept: unknown;
  try {
    kept = await z.cursor.get();
  } catch {
    return undefined;
  }
  const text = typeof kept === 'string' ? kept : '';
  const at = text.indexOf(':');
  if (at < 0 || text.slice(0, at) !== String(page)) return undefined;
  return text.slice(at + 1) || null;
};

/**
 * The items of dropdown page `page` (0-based). Apideck pages by cursor, and a cursor cannot be
 * derived from a page number: each page keeps the next page's cursor in `z.cursor`, so page n is
 * one request (issue 17). When no cursor for page n was kept (no store, or it expired), page n
 * walks n cursors from the start (n + 1 requests). Past the last page the answer is empty, which
 * tells Zapier there is no more.
 */
export const itemsOfPage = async <T>(
  z: ZObject,
  fetch: (cursor: string | undefined) => Promise<Page<T>>,
  page: number,
  maxPages = 20,
): Promise<T[]> => {
  if (page > 0) {
    const kept = await keptCursor(z, page);
    if (kept === null) return [];
    if (kept !== undefined) {
      const current = await fetch(kept);
      await keepCursor(z, page + 1, current.next);
      return current.items;
    }
  }
  let cursor: string | undefined;
  for (let i = 0; i <= Math.min(page, maxPages); i += 1) {
    const current = await fetch(cursor);
    if (i === page) {
      await keepCursor(z, page + 1, current.next);
      return current.items;
    }
    if (!current.next) return [];
    cursor = current.next;
  }
  return [];
};
