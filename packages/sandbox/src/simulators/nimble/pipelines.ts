import { json, objectId, type SimRequest, type SimResponse } from '../../server';
import { notFound } from './errors';
import { SHORT_USER, stamp, type NimbleStore, type PipelineDef, type Stage } from './store';

/** Deal pipelines and their stages (nimble.md §12): `GET /api/v2/deals/pipelines[/{id}]`. */

export const isFinal = (s: Stage) => s.role !== 'regular';

const SEEDED_AT = stamp(Date.parse('2022-08-31T10:00:00Z'));

export const stageView = (p: PipelineDef, s: Stage) => ({
  stage_id: s.stage_id,
  name: s.name,
  description: '',
  default_probability: s.default_probability,
  expected_days: 14,
  role: { name: s.role, is_final: isFinal(s) },
  archived_at: s.archived_at,
  created: SEEDED_AT,
  updated: SEEDED_AT,
  creator: SHORT_USER,
  pipline_id: p.pipeline_id,
});

const pipelineView = (p: PipelineDef) => ({
  pipeline_id: p.pipeline_id,
  name: p.name,
  description: null,
  color: '#2685c4',
  is_default: p.name === 'Sales',
  default_currency: p.default_currency,
  created: SEEDED_AT,
  updated: SEEDED_AT,
  archived_at: p.archived_at,
  creator: SHORT_USER,
  stages: p.stages.map((s) => stageView(p, s)),
  lost_reasons: [{ id: objectId(), text: 'Price' }],
  tabs: [],
});

export const listPipelines = (store: NimbleStore): SimResponse =>
  json(200, { pipelines: store.pipelines.map(pipelineView) });

export const getPipeline = (store: NimbleStore, req: SimRequest): SimResponse => {
  const p = store.pipelines.find((x) => x.pipeline_id === req.params.pipeline_id);
  return p ? json(200, pipelineView(p)) : notFound('pipeline', req.params.pipeline_id!);
};
