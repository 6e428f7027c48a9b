import { json, objectId, type SimRequest, type SimResponse } from '../../server';
import { shortContact } from './contacts';
import { invalid, notFound } from './errors';
import { matchDealQuery } from './search';
import { isFinal, stageView } from './pipelines';
import {
  SHORT_USER,
  stamp,
  touched,
  USER,
  type NimbleStore,
  type PipelineDef,
  type Stage,
  type StoredDeal,
} from './store';

/** Deals (nimble.md §12): list, read, create, update (a stage move within the pipeline), notes, fields. */

const STANDARD_DEAL_FIELDS = [
  'name',
  'amount',
  'probability',
  'description',
  'expected_close_date',
  'actual_close_date',
].map((field_name, i) => ({
  field_id: `63760e653af0e748fe4836${(0x6a + i).toString(16)}`,
  field_name,
  field_type: field_name === 'amount' || field_name === 'probability' ? 'number' : 'string',
  modifier: '',
  multiples: false,
  available_actions: 'view_only',
}));

/**
 * The pipelines' custom deal fields (nimble.md §12 D13, `Deals.IDealField`: `field_type` a plain
 * string). Sales has one of each kind a Zap writes as text; the archived Partners pipeline has its
 * own "Region" (another field, another id): names repeat across pipelines, ids do not (§12.3).
 */
const CUSTOM_DEAL_FIELDS = [
  ['630f34cfa34058dea76c0c0e', '6576a1b2c3d4e5f607182930', 'Contract length', 'number'],
  ['630f34cfa34058dea76c0c0e', '6576a1b2c3d4e5f607182931', 'Renewal date', 'datetime'],
  ['630f34cfa34058dea76c0c0e', '6576a1b2c3d4e5f607182932', 'Auto-renew', 'boolean'],
  ['630f34cfa34058dea76c0c0e', '6576a1b2c3d4e5f607182933', 'Region', 'string'],
  ['630f34cfa34058dea76c0c0f', '6576a1b2c3d4e5f607182934', 'Region', 'string'],
].map(([pipeline_id, field_id, field_name, field_type]) => ({
  pipeline_id: pipeline_id!,
  field: {
    field_id: field_id!,
    field_name: field_name!,
    field_type: field_type!,
    modifier: '',
    multiples: false,
    available_actions: 'edit_all',
  },
}));

/** The id of the field a deal stores a value under (by name): its standard field, or its pipeline's custom one. */
const fieldIdOf = (pipelineId: string, name: string): string =>
  STANDARD_DEAL_FIELDS.find((f) => f.field_name === name)?.field_id ??
  CUSTOM_DEAL_FIELDS.find((c) => c.pipeline_id === pipelineId && c.field.field_name === name)!.field.field_id;

/**
 * A custom value's check by kind. The document gives none; Nimble's plugin (nimble.md §12.3): numbers
 * "as strings", "a date-time field with the user's UTC offset". How a yes/no value is written is not
 * documented: the sandbox takes `true`/`false` (its own choice, as the app's).
 */
const CUSTOM_VALUE: Record<string, { ok: (v: string) => boolean; says: string }> = {
  number: { ok: (v) => v.trim() !== '' && Number.isFinite(Number(v)), says: 'must be a number' },
  datetime: {
    ok: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)$/.test(v),
    says: 'must be a date and time with its UTC offset',
  },
  boolean: { ok: (v) => v === 'true' || v === 'false', says: 'must be true or false' },
  string: { ok: () => true, says: '' },
};

/** nimble.md §12.2 (Nimble's plugin): the expected close date is "a local date like `2026-10-08`". */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const transition = (from: ReturnType<typeof stageView> | null, to: ReturnType<typeof stageView>, ms: number) => ({
  from_stage: from,
  to_stage: to,
  who: SHORT_USER,
  when: stamp(ms).slice(0, 10),
  notes: null,
});

const dealView = (store: NimbleStore, d: StoredDeal) => {
  const named = Object.entries(d.values).map(([field_name, value]) => ({
    field_name,
    values: [{ value, is_primary: true }],
  }));
  const moves = d.moves ?? [];
  return {
    deal_id: d.deal_id,
    deal_number: d.deal_number,
    created: stamp(d.createdMs),
    updated: stamp(d.updatedMs),
    updated_by: USER.name,
    owner: { ...SHORT_USER, user_id: d.owner_id },
    creator: SHORT_USER,
    currency: d.currency,
    is_editable: true,
    privacy: { read: null, edit: null },
    related_contacts: d.contact_ids
      .flatMap((id) => store.contacts.filter((c) => c.id === id))
      .map((c) => ({ contact: shortContact(c), note: null, employments: [] })),
    related_external_contacts: [],
    fields_values: named.map(({ field_name, values }) => ({
      field_id: fieldIdOf(d.pipeline.pipeline_id, field_name),
      values,
    })),
    fields_values_with_names: named,
    stage_transitions: {
      pipeline_id: d.pipeline.pipeline_id,
      pipeline_name: d.pipeline.name,
      pipeline_color: '#2685c4',
      transitions: moves.length
        ? [
            transition(null, stageView(moves[0]!.pipeline, moves[0]!.from), d.createdMs),
            ...moves.map((m) => transition(stageView(m.pipeline, m.from), stageView(d.pipeline, m.to), m.ms)),
          ]
        : [transition(null, stageView(d.pipeline, d.stage), d.createdMs)],
      before_final_stage: null,
    },
    tags: d.tags,
    final_probability: Number(d.values.probability ?? d.stage.default_probability ?? 0),
    age_in_days: Math.floor((Date.now() - d.createdMs) / 86_400_000),
  };
};

interface DealBody {
  owner_id?: string;
  fields_values?: Record<string, { value: string }[]>;
  pipeline_id?: string;
  stage_id?: string;
  currency?: string;
  related_contacts?: { contact_id?: unknown }[];
  tags?: unknown[];
}

/**
 * The deal's field values after `fields_values` (by field id or name; `[]` removes a value, a single
 * space removes a description), and what Nimble refuses in them; `stage` supplies the default
 * probability. Values are kept by field name; only what is given changes (§12.3: "other fields stay
 * unchanged"). A custom field of another pipeline is refused (the sandbox's choice: the document is
 * silent).
 */
const readValues = (
  current: Record<string, string>,
  given: DealBody['fields_values'],
  stage: Stage,
  pipeline: PipelineDef,
): Record<string, string> | SimResponse => {
  const values = { ...current };
  const errors: Record<string, string> = {};
  for (const [key, list] of Object.entries(given ?? {})) {
    // A custom field by its id; a standard one by id or name, as the create example keys them.
    const custom = CUSTOM_DEAL_FIELDS.find((c) => c.field.field_id === key);
    const def = custom?.field ?? STANDARD_DEAL_FIELDS.find((f) => f.field_id === key || f.field_name === key);
    const first = list[0];
    if (!def) errors[`/fields_values/${key}`] = 'is not a deal field';
    else if (custom && custom.pipeline_id !== pipeline.pipeline_id) {
      errors[`/fields_values/${key}`] = "is not a field of the deal's pipeline";
    } else if (first && custom && !CUSTOM_VALUE[def.field_type]!.ok(first.value)) {
      errors[`/fields_values/${key}`] = CUSTOM_VALUE[def.field_type]!.says;
    } else if (def.field_name === 'actual_close_date') errors[`/fields_values/${key}`] = 'is view only';
    else if (list.length > 1) errors[`/fields_values/${key}`] = 'must be a list with one {"value": "<string>"}';
    else if (first && def.field_name === 'expected_close_date' && !LOCAL_DATE.test(first.value)) {
      errors[`/fields_values/${key}`] = 'must be a local date like 2026-10-08';
    } else if (!first || (def.field_name === 'description' && first.value === ' ')) delete values[def.field_name];
    else values[def.field_name] = first.value;
  }
  if (!values.name?.trim()) errors['/fields_values/name'] = 'the deal name is required';
  if (values.amount !== undefined && !(Number(values.amount) >= 0)) {
    errors['/fields_values/amount'] = 'must be a number of 0 or more';
  }
  if (values.probability === undefined && stage.default_probability === null) {
    errors['/fields_values/probability'] = 'is required: the stage has no default probability';
  }
  return Object.keys(errors).length ? invalid(errors) : values;
};

/** The ids of `related_contacts`, or the 404 naming the first contact missing. */
const relatedContacts = (store: NimbleStore, related: DealBody['related_contacts']): string[] | SimResponse => {
  const ids = (related ?? []).map((rc) => String(rc.contact_id ?? ''));
  const missing = ids.find((id) => !store.contactById(id));
  return missing === undefined ? ids : notFound('contact', missing);
};

/** The owner and currency checks both writes make. */
const ownerAndCurrency = (body: DealBody): SimResponse | undefined => {
  if (body.owner_id !== undefined && body.owner_id !== USER.user_id) return notFound('user', body.owner_id);
  if (body.currency !== undefined && !/^[A-Z]{3}$/.test(body.currency)) {
    return invalid({ '/currency': 'must be an ISO 4217 code' });
  }
  return undefined;
};

const SORTABLE = /^(created|updated|name|amount):(asc|desc)$/;

/** The order `sort` (`field:order`) asks for, or undefined when it is not a sortable column. */
const sorter = (sort: string | null): ((a: StoredDeal, b: StoredDeal) => number) | undefined => {
  const m = SORTABLE.exec(sort ?? '');
  if (!m) return undefined;
  const key = m[1]!;
  const value = (d: StoredDeal): number | string =>
    key === 'created'
      ? d.createdMs
      : key === 'updated'
        ? d.updatedMs
        : key === 'amount'
          ? Number(d.values.amount ?? 0)
          : (d.values.name ?? '');
  const sign = m[2] === 'desc' ? -1 : 1;
  return (a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * sign;
};

/** `GET /api/v2/deals`: `sort` (required, `field:order`), `limit`. */
export const listDeals = (store: NimbleStore, req: SimRequest): SimResponse => {
  const order = sorter(req.query.get('sort'));
  if (!order) return invalid({ sort: 'is required, as <field>:<asc|desc> with a sortable column' });
  const limit = Number(req.query.get('limit') ?? 30);
  const sorted = store.deals.slice().sort(order);
  return json(200, {
    meta: { per_page: limit, total: sorted.length, page: 1, pages: Math.max(1, Math.ceil(sorted.length / limit)) },
    resources: sorted.slice(0, limit).map((d) => dealView(store, d)),
  });
};

/**
 * `GET /api/v2/deals/pipelines/{id}/deals`: the pipeline's deals grouped by stage (live stages, or
 * `stage_id` alone), `sort` required, at most `limit` (default 10) per stage, `query` in the search
 * language. Which fields a deal query takes is undocumented: the sandbox takes the deal's `name`
 * (a standard deal field, §12.2) with the text operators, and refuses any other field.
 */
export const listPipelineDeals = (store: NimbleStore, req: SimRequest): SimResponse => {
  const pipeline = store.pipelines.find((p) => p.pipeline_id === req.params.pipeline_id);
  if (!pipeline) return notFound('pipeline', req.params.pipeline_id!);
  const order = sorter(req.query.get('sort'));
  if (!order) return invalid({ sort: 'is required, as <field>:<asc|desc> with a sortable column' });
  const limit = Number(req.query.get('limit') ?? 10);
  const stageId = req.query.get('stage_id');
  const stages = stageId
    ? pipeline.stages.filter((s) => s.stage_id === stageId)
    : pipeline.stages.filter((s) => !s.archived_at);
  if (!stages.length) return notFound('stage', stageId!);
  let query: unknown;
  const rawQuery = req.query.get('query');
  if (rawQuery !== null) {
    try {
      query = JSON.parse(rawQuery);
    } catch {
      return invalid({ query: 'is not valid JSON' });
    }
  }
  const inPipeline: StoredDeal[] = [];
  for (const d of store.deals.filter((x) => x.pipeline.pipeline_id === pipeline.pipeline_id)) {
    const hit = query === undefined ? true : matchDealQuery(d.values, query);
    if (typeof hit === 'string') return invalid({ query: hit });
    if (hit) inPipeline.push(d);
  }
  return json(200, {
    stages: stages.map((s) => {
      const deals = inPipeline.filter((d) => d.stage.stage_id === s.stage_id).sort(order);
      return {
        stage: stageView(pipeline, s),
        deals: deals.slice(0, limit).map((d) => dealView(store, d)),
        meta: { total_new_count: 0, total_amount: [{ currency: pipeline.default_currency, count: deals.length }] },
      };
    }),
  });
};

export const getDeal = (store: NimbleStore, req: SimRequest): SimResponse => {
  const d = store.deals.find((x) => x.deal_id === req.params.deal_id);
  return d ? json(200, dealView(store, d)) : notFound('deal', req.params.deal_id!);
};

/** `POST /api/v2/deals`: in an open stage of a live pipeline, named, with a probability. */
export const createDeal = (store: NimbleStore, req: SimRequest): SimResponse => {
  const body = req.body as DealBody & { pipeline_id: string; stage_id: string; owner_id: string };
  const pipeline = store.pipelines.find((p) => p.pipeline_id === body.pipeline_id);
  if (!pipeline) return notFound('pipeline', body.pipeline_id);
  if (pipeline.archived_at) return invalid({ '/pipeline_id': 'the pipeline is archived' });
  const stage = pipeline.stages.find((s) => s.stage_id === body.stage_id);
  if (!stage) return invalid({ '/stage_id': 'is not a stage of the pipeline' });
  if (stage.archived_at) return invalid({ '/stage_id': 'the stage is archived' });
  // nimble.md §12.3 (Nimble's plugin): a new deal needs "a non-final stage" (status inferred).
  if (isFinal(stage)) return invalid({ '/stage_id': 'a new deal needs a non-final stage' });
  const refused = ownerAndCurrency(body);
  if (refused) return refused;
  const values = readValues({}, body.fields_values, stage, pipeline);
  if ('status' in values) return values as SimResponse;
  const contactIds = relatedContacts(store, body.related_contacts);
  if (!Array.isArray(contactIds)) return contactIds;
  const deal: StoredDeal = {
    deal_id: objectId(),
    deal_number: store.deals.length + 1,
    createdMs: Date.now(),
    updatedMs: Date.now(),
    pipeline,
    stage,
    owner_id: body.owner_id,
    currency: body.currency ?? pipeline.default_currency,
    values: values as Record<string, string>,
    contact_ids: contactIds,
    tags: (body.tags ?? []).map(String),
  };
  store.deals.push(deal);
  return json(200, dealView(store, deal));
};

/**
 * `PUT /api/v2/deals/{id}`: only what is given changes. nimble.md §12.3 (Nimble's plugin): "A stage
 * change must stay within the current pipeline and cannot mark a deal won or lost" (the statuses
 * are inferred).
 */
export const updateDeal = (store: NimbleStore, req: SimRequest): SimResponse => {
  const d = store.deals.find((x) => x.deal_id === req.params.deal_id);
  if (!d) return notFound('deal', req.params.deal_id!);
  const body = req.body as DealBody;
  if (body.pipeline_id !== undefined && body.pipeline_id !== d.pipeline.pipeline_id) {
    return invalid({ '/pipeline_id': "a stage change must stay within the deal's pipeline" });
  }
  if (body.pipeline_id !== undefined && body.stage_id === undefined) {
    return invalid({ '/stage_id': 'is required with pipeline_id' });
  }
  let stage = d.stage;
  if (body.stage_id !== undefined) {
    const st = d.pipeline.stages.find((x) => x.stage_id === body.stage_id);
    if (!st) return invalid({ '/stage_id': "is not a stage of the deal's pipeline" });
    if (st.archived_at) return invalid({ '/stage_id': 'the stage is archived' });
    if (isFinal(st) && st !== d.stage) return invalid({ '/stage_id': 'a stage change cannot mark a deal won or lost' });
    stage = st;
  }
  const refused = ownerAndCurrency(body);
  if (refused) return refused;
  const values = readValues(d.values, body.fields_values, stage, d.pipeline);
  if ('status' in values) return values as SimResponse;
  const contactIds =
    body.related_contacts === undefined ? d.contact_ids : relatedContacts(store, body.related_contacts);
  if (!Array.isArray(contactIds)) return contactIds;
  if (stage !== d.stage) {
    d.moves = [...(d.moves ?? []), { from: d.stage, to: stage, pipeline: d.pipeline, ms: Date.now() }];
  }
  d.stage = stage;
  d.values = values as Record<string, string>;
  d.contact_ids = contactIds;
  if (body.owner_id !== undefined) d.owner_id = body.owner_id;
  if (body.currency !== undefined) d.currency = body.currency;
  if (body.tags !== undefined) d.tags = body.tags.map(String);
  d.updatedMs = touched(d.updatedMs);
  return json(200, dealView(store, d));
};

/** `POST /api/v2/deals/{id}/notes`. */
export const createDealNote = (store: NimbleStore, req: SimRequest): SimResponse => {
  const d = store.deals.find((x) => x.deal_id === req.params.deal_id);
  if (!d) return notFound('deal', req.params.deal_id!);
  const body = req.body as { title: string; body?: string };
  const now = stamp(Date.now());
  const note = {
    note_id: objectId(),
    title: body.title,
    body: body.body ?? '',
    created: now,
    updated: now,
    creator: SHORT_USER,
  };
  store.dealNotes.push({ ...note, deal_id: d.deal_id });
  return json(201, note);
};

/**
 * `GET /api/v2/deals/fields`: the standard fields, and a "Details" tab per pipeline with its custom
 * fields (`members` a list, as contact tabs have them; the document shows one object, §12 D13).
 */
export const dealFields = (): SimResponse =>
  json(200, {
    standard_fields: STANDARD_DEAL_FIELDS,
    pipelines_tabs: [...new Set(CUSTOM_DEAL_FIELDS.map((c) => c.pipeline_id))].map((pipeline_id) => ({
      tab_id: `${pipeline_id.slice(0, 20)}7ab0`,
      tab_name: 'Details',
      pipeline_id,
      members: CUSTOM_DEAL_FIELDS.filter((c) => c.pipeline_id === pipeline_id).map((c) => ({ type: 'field', ...c })),
    })),
  });
