import { newestFirst } from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import { FIND_DEAL_PER_STAGE, nimble } from './client';
import { calendarDate } from './dates';
import { dealFieldRule, type DealValues } from './inputs';
import { customDealFields, dealFieldKey, flattenDeal, inPipeline } from './map';
import type { DealBody, Pipeline, Stage } from './schemas';

/** `fields_values` as sent: a list of one `{value}` per field, keyed by field id (or a standard field's name). */
type FieldsValues = DealBody['fields_values'];

/** The custom fields a run fills, checked and keyed by field id, with the standard fields' ids of the same read. */
export interface CustomDealValues {
  values: FieldsValues;
  standardIds: Record<string, string>;
}

/**
 * `fields_values` keyed by field ID, as the create example and the edit description key them. The
 * standard fields' ids come from the client (read once per connection and kept), or from the fresh
 * read the custom fields needed; a field the answer does not list falls back to its name, which the
 * create example also uses. The custom fields' values (already checked) follow.
 */
export const dealFieldsValues = async (
  z: ZObject,
  input: DealValues,
  /** `bundle.meta.timezone`: the expected close date is a date in the Zap's time zone (`calendarDate`). */
  timezone: unknown,
  custom?: CustomDealValues,
): Promise<FieldsValues> => {
  const given = Object.entries({
    name: input.name,
    amount: input.amount !== undefined ? String(input.amount) : undefined,
    probability: input.probability !== undefined ? String(input.probability) : undefined,
    expected_close_date: input.expected_close_date ? calendarDate(input.expected_close_date, timezone) : undefined,
    description: input.description,
  }).filter((e): e is [string, string] => e[1] !== undefined);
  if (given.length === 0) return { ...custom?.values };
  const fieldIds = custom?.standardIds ?? (await nimble(z).standardDealFieldIds());
  return {
    ...Object.fromEntries(given.map(([name, value]) => [fieldIds[name] ?? name, [{ value }]])),
    ...custom?.values,
  };
};

/**
 * The custom deal fields a run fills (`filledDealFields`), read against the account's deal fields
 * (`GET /api/v2/deals/fields`, read fresh: a field added in Nimble since is known) and checked by
 * kind, each refusal naming the field by its label, before anything is written. A value goes to the
 * field of that name in the deal's pipeline (`pipelineId`), keyed by its id: names can repeat across
 * pipelines (nimble.md §12.3, "prefer field IDs"). Several fields of that pipeline whose names read
 * the same, or none, is refused rather than guessed.
 */
export const customDealValues = async (
  z: ZObject,
  filled: [string, unknown][],
  pipelineId: string | undefined,
  whose: string,
  timezone: unknown,
): Promise<CustomDealValues> => {
  const answer = await nimble(z).dealFields();
  const fields = customDealFields(answer).filter((f) => f.field_id);
  const values: FieldsValues = {};
  for (const [key, raw] of filled) {
    const named = fields.filter((f) => dealFieldKey(f.name) === key);
    const matches = named.filter((f) => inPipeline(f, pipelineId));
    if (matches.length === 0) {
      throw named.length
        ? inputError(
            z,
            named[0]!.name,
            `is not a field of ${whose} pipeline in Nimble: only its own fields can be set (a value left from another pipeline picked before: clear it)`,
          )
        : inputError(
            z,
            key,
            'is not a deal field in Nimble (any more): open this step, refresh its fields and fill them again',
          );
    }
    if (matches.length > 1) {
      const names = matches.map((f) => `"${f.name}"`).join(', ');
      throw inputError(
        z,
        matches[0]!.name,
        `${matches.length} fields of ${whose} pipeline have names that read the same (${names}), so which one to fill is unclear: rename one in Nimble`,
      );
    }
    const field = matches[0]!;
    const checked = dealFieldRule(field, timezone).safeParse(raw);
    if (!checked.success) throw inputError(z, field.name, checked.error.issues[0]?.message ?? 'is not valid');
    values[field.field_id] = [{ value: checked.data }];
  }
  return {
    values,
    standardIds: Object.fromEntries(answer.standard_fields.map((f) => [f.field_name, f.field_id])),
  };
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
