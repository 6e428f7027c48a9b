import { json, type SimRequest, type SimResponse } from '../../server';
import { apiError } from './errors';
import { headerOf } from './gate';
import { writtenCustomFields } from './vault';
import {
  APIDECK_SANDBOX_SERVICE,
  ENTITY_OF,
  nowIso,
  type ApideckStore,
  type Rec,
  type Resource,
  type WritableResource,
} from './store';

/**
 * The CRM API's records (apideck-crm.md §3–§4): every resource answers the same way — the response
 * envelope, cursor paging, `filter[...]` and `sort[...]`, writes that return the id — so one module
 * serves them all; what differs per resource is in the tables below. A write becomes an event
 * (`crm.<entity>.<action>`) for the webhooks.
 */

const envelope = (resource: Resource, operation: string, status: number, data: unknown, extra: object = {}) =>
  json(status, {
    status_code: status,
    status: status === 201 ? 'Created' : 'OK',
    service: APIDECK_SANDBOX_SERVICE,
    resource,
    operation,
    data,
    ...extra,
  });

const unknownRecord = (resource: Resource, id: string | undefined) =>
  apiError(404, 'EntityNotFoundError', 'Unknown Resource', `Could not find ${resource} with id ${id}`);

const encodeCursor = (resource: string, offset: number) =>
  Buffer.from(`${APIDECK_SANDBOX_SERVICE}::${resource}::${offset}`).toString('base64');
const decodeCursor = (resource: string, cursor: string): number | undefined => {
  const m = /^([\w-]+)::(\w+)::(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m && m[1] === APIDECK_SANDBOX_SERVICE && m[2] === resource ? Number(m[3]) : undefined;
};

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');
const digits = (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : '');

/** How a connector matches one `filter[key]=value` (text is case-insensitive). */
const FILTERS: Record<string, (rec: Rec, value: string, resource: Resource) => boolean> = {
  created_since: (rec, value) => Date.parse(String(rec.created_at)) >= Date.parse(value),
  updated_since: (rec, value) => Date.parse(String(rec.updated_at)) >= Date.parse(value),
  email: (rec, value) =>
    ((rec.emails as { email?: string }[] | undefined) ?? []).some((e) => lower(e.email) === lower(value)),
  phone_number: (rec, value) =>
    ((rec.phone_numbers as { number?: string }[] | undefined) ?? []).some(
      (p) => digits(p.number) !== '' && digits(p.number) === digits(value),
    ),
  name: (rec, value, resource) =>
    lower(resource === 'users' ? `${String(rec.first_name ?? '')} ${String(rec.last_name ?? '')}` : rec.name).includes(
      lower(value),
    ),
  title: (rec, value) => lower(rec.title).includes(lower(value)),
  first_name: (rec, value) => lower(rec.first_name) === lower(value),
  last_name: (rec, value) => lower(rec.last_name) === lower(value),
  status: (rec, value) => lower(rec.status) === lower(value),
  type: (rec, value) => lower(rec.type) === lower(value),
};
const matches = (resource: Resource, rec: Rec, key: string, value: string) =>
  FILTERS[key]?.(rec, value, resource) ??
  (typeof rec[key] === 'number' ? rec[key] === Number(value) : rec[key] === value);

/**
 * A valid request the connector cannot serve (apideck-crm.md §5.5). The document gives no message or
 * detail for these three types: the texts are the sandbox's own.
 */
const refusal = (
  store: ApideckStore,
  resource: Resource,
  req: SimRequest,
  filters: string[],
): SimResponse | undefined => {
  const refuse = store.options.refuse?.[resource] ?? {};
  const refused = filters.filter((k) => refuse.filters?.includes(k));
  if (refused.length) {
    return apiError(
      400,
      'UnsupportedFiltersError',
      'Unsupported filters',
      `${refused.map((k) => `filter[${k}]`).join(', ')} is not supported by ${APIDECK_SANDBOX_SERVICE}`,
    );
  }
  const sortBy = req.query.get('sort[by]');
  if (sortBy && refuse.sortBy?.includes(sortBy)) {
    return apiError(
      400,
      'UnsupportedSortFieldError',
      'Unsupported sort field',
      `sort[by]=${sortBy} is not supported by ${APIDECK_SANDBOX_SERVICE}`,
    );
  }
  if (refuse.paging && (req.query.has('limit') || req.query.has('cursor'))) {
    return apiError(
      400,
      'PaginationNotSupportedError',
      'Pagination not supported',
      `Pagination is not yet supported for ${APIDECK_SANDBOX_SERVICE}, try removing limit and/or cursor from the query`,
    );
  }
  return undefined;
};

/** `GET /crm/{resource}`: filtered, sorted, one page of at most `limit` (20 by default), with cursors. */
export const list = (store: ApideckStore, resource: Resource, req: SimRequest): SimResponse => {
  const filters = [...req.query.entries()].flatMap(([key, value]) => {
    const name = /^filter\[(\w+)\]$/.exec(key)?.[1];
    return name ? [[name, value] as const] : [];
  });
  const cursor = req.query.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(resource, cursor);
  if (offset === undefined) {
    return apiError(
      400,
      'InvalidCursorError',
      'Invalid cursor',
      `The cursor is not valid for ${APIDECK_SANDBOX_SERVICE}`,
    );
  }
  const refused = refusal(
    store,
    resource,
    req,
    filters.map(([k]) => k),
  );
  if (refused) return refused;

  let items = store.records[resource].filter((rec) => filters.every(([k, v]) => matches(resource, rec, k, v)));
  const sortBy = req.query.get('sort[by]');
  if (sortBy) {
    const sign = req.query.get('sort[direction]') === 'desc' ? -1 : 1;
    items = [...items].sort((a, b) => sign * String(a[sortBy] ?? '').localeCompare(String(b[sortBy] ?? '')));
  }
  const limit = Number(req.query.get('limit') ?? 20);
  // A connector without paging answers every record at once.
  const size = store.options.refuse?.[resource]?.paging
    ? Math.max(items.length, 1)
    : Math.min(limit, store.options.pageSize ?? limit);
  const data = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodeCursor(resource, offset + size) : null;
  const previous = offset > 0 ? encodeCursor(resource, Math.max(0, offset - size)) : null;
  const current = encodeCursor(resource, offset);
  const link = (c: string | null) =>
    c === null ? null : `https://unify.apideck.com/crm/${resource}?cursor=${encodeURIComponent(c)}`;
  return envelope(resource, 'all', 200, data, {
    meta: { items_on_page: data.length, cursors: { previous, current, next } },
    links: { previous: link(previous), current: link(current), next: link(next) },
  });
};

/** The references a downstream CRM checks, and the resource each names. */
const REFERENCES: [string, Resource][] = [
  ['owner_id', 'users'],
  ['company_id', 'companies'],
  ['contact_id', 'contacts'],
  ['primary_contact_id', 'contacts'],
  ['opportunity_id', 'opportunities'],
  ['lead_id', 'leads'],
];

const unprocessable = (message: string, detail: object) =>
  apiError(422, 'ConnectorExecutionError', `Unprocessable request: ${message}`, detail);

/** An id that names nothing is a 422 naming the field, as the downstream CRM would answer. */
const checkReferences = (store: ApideckStore, body: Record<string, unknown>): SimResponse | undefined => {
  for (const [field, resource] of REFERENCES) {
    const id = body[field];
    if (typeof id === 'string' && !store.records[resource].some((r) => r.id === id)) {
      return unprocessable(`${field} ${id} does not exist`, {
        field,
        message: `No ${resource.replace(/s$/, '').replace(/ie$/, 'y')} with id ${id}`,
      });
    }
  }
  const pipelineId = body.pipeline_id;
  const stageId = body.pipeline_stage_id;
  const pipeline = store.records.pipelines.find((p) => p.id === pipelineId);
  if (typeof pipelineId === 'string' && !pipeline) {
    return unprocessable(`pipeline ${pipelineId} does not exist`, { field: 'pipeline_id' });
  }
  const stages = (pipeline ? [pipeline] : store.records.pipelines).flatMap((p) => (p.stages as { id: string }[]) ?? []);
  if (typeof stageId === 'string' && !stages.some((s) => s.id === stageId)) {
    return unprocessable(`stage ${stageId} is not in the pipeline`, { field: 'pipeline_stage_id' });
  }
  return undefined;
};

const event = (resource: WritableResource, action: 'created' | 'updated' | 'deleted', id: string, req: SimRequest) => ({
  entity: ENTITY_OF[resource],
  action,
  id,
  consumer_id: headerOf(req, 'x-apideck-consumer-id'),
});

/** `GET /crm/{resource}/{id}`. */
export const getOne = (store: ApideckStore, resource: Resource, req: SimRequest): SimResponse => {
  const rec = store.records[resource].find((r) => r.id === req.params.id);
  return rec ? envelope(resource, 'one', 200, rec) : unknownRecord(resource, req.params.id);
};

/** `POST /crm/{resource}`: answers the new id. */
export const create = (store: ApideckStore, resource: WritableResource, req: SimRequest): SimResponse => {
  const body = req.body as Record<string, unknown>;
  const refused = checkReferences(store, body);
  if (refused) return refused;
  const custom_fields = writtenCustomFields(store, resource, body.custom_fields);
  const rec = store.add(resource, custom_fields ? { ...body, custom_fields } : body);
  if (resource === 'opportunities' && typeof body.pipeline_stage_id === 'string') {
    rec.date_stage_changed = rec.created_at;
  }
  store.emit(event(resource, 'created', rec.id, req));
  return envelope(resource, 'add', 201, { id: rec.id });
};

/**
 * `PATCH /crm/{resource}/{id}`: a partial update (apideck-crm.md §1.1): a field the body leaves out
 * keeps its value. A field it carries is replaced whole, lists included: the document describes no
 * merging of list items, so `emails: [one]` leaves the record with that one email. Custom fields
 * are the exception: each item writes the one field its id names (`writtenCustomFields`).
 */
export const update = (store: ApideckStore, resource: WritableResource, req: SimRequest): SimResponse => {
  const rec = store.records[resource].find((r) => r.id === req.params.id);
  if (!rec) return unknownRecord(resource, req.params.id);
  const body = req.body as Record<string, unknown>;
  const refused = checkReferences(store, body);
  if (refused) return refused;
  const now = nowIso();
  // A deal dates its last stage change (`date_stage_changed`, read-only, apideck-crm.md §10).
  const stageChanged =
    resource === 'opportunities' &&
    typeof body.pipeline_stage_id === 'string' &&
    body.pipeline_stage_id !== rec.pipeline_stage_id;
  const custom_fields = writtenCustomFields(store, resource, body.custom_fields, rec.custom_fields);
  Object.assign(
    rec,
    body,
    custom_fields ? { custom_fields } : {},
    { updated_at: now },
    stageChanged ? { date_stage_changed: now } : {},
  );
  store.emit(event(resource, 'updated', rec.id, req));
  return envelope(resource, 'update', 200, { id: rec.id });
};

/** `DELETE /crm/{resource}/{id}`. */
export const remove = (store: ApideckStore, resource: WritableResource, req: SimRequest): SimResponse => {
  const records = store.records[resource];
  const i = records.findIndex((r) => r.id === req.params.id);
  if (i < 0) return unknownRecord(resource, req.params.id);
  records.splice(i, 1);
  store.emit(event(resource, 'deleted', req.params.id!, req));
  return envelope(resource, 'delete', 200, { id: req.params.id });
};
