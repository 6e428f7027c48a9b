import { newestFirst } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import { FIND_DEAL_PER_STAGE, nimble } from './client';
import { calendarDate } from './dates';
import type { DealValues } from './inputs';
import { flattenDeal } from './map';
import type { DealBody, Pipeline, Stage } from './schemas';

/**
 * `fields_values` keyed by field ID, as the create example and the edit description key them. The
 * standard fields' ids come from the client (read once per connection and kept); a field the answer
 * does not list falls back to its name, which the create example also uses.
 */
export const dealFieldsValues = async (
  z: ZObject,
  input: DealValues,
  /** `bundle.meta.timezone`: the expected close date is a date in the Zap's time zone (`calendarDate`). */
  timezone: unknown,
): Promise<DealBody['fields_values']> => {
  const given = Object.entries({
    name: input.name,
    amount: input.amount !== undefined ? String(input.amount) : undefined,
    probability: input.probability !== undefined ? String(input.probability) : undefined,
    expected_close_date: input.expected_close_date ? calendarDate(input.expected_close_date, timezone) : undefined,
    description: input.description,
  }).filter((e): e is [string, string] => e[1] !== undefined);
  if (given.length === 0) return {};
  const fieldIds = await nimble(z).standardDealFieldIds();
  return Object.fromEntries(given.map(([name, value]) => [fieldIds[name] ?? name, [{ value }]]));
};

/**
 * The stages of a pipeline a Zap may put a deal in, as dropdowns offer them (nimble.md §12.3, Nimble's
 * plugin): live (not archived) and not final, since "a stage change … cannot mark a deal won or lost"
 * and a new deal needs "a non-final stage" (a final stage, `role.is_final`, is a won or lost one).
 */
export const openStages = (p: Pipeline): Stage[] => p.stages.filter((s) => !s.archived_at && s.role?.is_final !== true);

/** What is wrong with putting a deal in `stageId` of `pipeline` (the Stage input's message), or undefined. */
export const stageProblem = (pipeline: Pipeline, stageId: string, whose: string): string | undefined => {
  const stage = pipeline.stages.find((s) => s.stage_id === stageId);
  if (!stage) {
    return `is not a stage of ${whose} pipeline "${pipeline.name}": pick one of its stages (a deal stays in its pipeline)`;
  }
  if (stage.archived_at) return `"${stage.name}" is archived in Nimble: pick an open stage`;
  if (stage.role?.is_final) {
    return `"${stage.name}" is a final (won or lost) stage, which Nimble sets itself: pick an open stage, and mark the deal won or lost in Nimble`;
  }
  return undefined;
};

/** A refused input, as parseInput words it: "Label: message." */
export const inputError = (z: ZObject, field: string, message: string): Error =>
  new z.errors.Error(`${field}: ${message}.`, 'InvalidInput', 400);

/** A name as compared: accents dropped, lower case, outer spaces trimmed. */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Whether a flat deal's name is exactly `name`, case and accents aside. */
export const hasExactName = (d: { name: unknown }, name: string): boolean =>
  fold(typeof d.name === 'string' ? d.name : '') === fold(name);

/**
 * The deals whose name contains the words of `name`, found with each pipeline's search
 * (`GET /api/v2/deals/pipelines/{id}/deals?query={"name":{"contain":…}}`): in the Pipeline (one
 * request), or else in every live pipeline (the pipelines first: 1 + one per pipeline). Which fields a
 * deal query takes is not documented: `name` is the standard deal field's name (nimble.md §12.2) and
 * `contain` the search language's text operator (§8.3). The answer is checked again here (every word
 * in the name, case and accents aside), exact names first, then the most recently changed.
 */
export const dealsNamed = async (z: ZObject, name: string, pipelineId?: string) => {
  const api = nimble(z);
  const pipelineIds = pipelineId
    ? [pipelineId]
    : (await api.pipelines()).filter((p) => !p.archived_at).map((p) => p.pipeline_id);
  const query = { name: { contain: name.trim() } };
  const groups = [];
  for (const id of pipelineIds)
    groups.push(...(await api.pipelineDealGroups(id, { query, limit: FIND_DEAL_PER_STAGE })));
  const found = groups.flat();
  const words = fold(name).split(/\s+/);
  const matches = newestFirst(found.map(flattenDeal), (d) => d.updated).filter((d) => {
    const dealName = fold(typeof d.name === 'string' ? d.name : '');
    return words.every((w) => dealName.includes(w));
  });
  return {
    deals: [...matches.filter((d) => hasExactName(d, name)), ...matches.filter((d) => !hasExactName(d, name))],
    // A full stage may hold more matches than it returned: an exact one among them would be missed.
    cut: groups.some((deals) => deals.length >= FIND_DEAL_PER_STAGE),
  };
};
