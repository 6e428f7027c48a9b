import type { MethodRunner } from '@crm-zapier/kit';

interface SearchOrCreateDef {
  search: string;
  create: string;
  update?: string;
  updateInputFromSearchOutput?: Record<string, unknown>;
  searchUniqueInputToOutputConstraint?: Record<string, unknown>;
}

export interface SearchOrCreateInput {
  search: Record<string, unknown>;
  create: Record<string, unknown>;
  /** The update action's own inputs (its fields as the user filled them). */
  update?: Record<string, unknown>;
}

export interface SearchOrCreateOutcome {
  path: 'found' | 'updated' | 'created';
  /** How many records the search returned (before `searchUniqueInputToOutputConstraint` kept the exact ones). */
  matches: number;
  result: unknown;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The results `searchUniqueInputToOutputConstraint` lets through: for each search input given, only
 * results whose output key holds exactly that value (the schema: "how that field's value will be
 * used to filter down the search output for an exact match"). An input left blank filters nothing.
 */
export const exactResults = (
  found: Record<string, unknown>[],
  constraint: Record<string, unknown> | undefined,
  searchInput: Record<string, unknown>,
): Record<string, unknown>[] =>
  Object.entries(constraint ?? {}).reduce((kept, [inputKey, outputKey]) => {
    if (typeof outputKey !== 'string') throw new Error(`Unsupported constraint for ${inputKey}: ${String(outputKey)}`);
    const wanted = searchInput[inputKey];
    return blank(wanted) ? kept : kept.filter((r) => String(r[outputKey]) === String(wanted));
  }, found);

/**
 * What Zapier's "Find or Create" step does with an app's `searchOrCreates` entry: search; with an
 * `update`, keep the results `searchUniqueInputToOutputConstraint` allows and run the update on the
 * first, with inputs taken from the search output as `updateInputFromSearchOutput` says; without
 * one, the first result is found; on a miss, create. A search that throws stops the step. Core has
 * no runner for this (Zapier's backend does it), so the tour and the tests use this one.
 *
 * Zapier's schema ties both mappings to the update ("If either the updateInputFromSearchOutput or
 * searchUniqueInputToOutputConstraint keys are present, then the update key must be present as
 * well"): a pair that has either without `update` is refused here as Zapier refuses it.
 */
export const runSearchOrCreate = async (
  app: { searchOrCreates?: Record<string, SearchOrCreateDef> },
  key: string,
  run: MethodRunner,
  bundle: { authData: Record<string, string>; meta: object },
  input: SearchOrCreateInput,
): Promise<SearchOrCreateOutcome> => {
  const def = app.searchOrCreates?.[key];
  if (!def) throw new Error(`The app has no searchOrCreates.${key}`);
  if (!def.update && (def.updateInputFromSearchOutput || def.searchUniqueInputToOutputConstraint)) {
    throw new Error(
      `searchOrCreates.${key}: updateInputFromSearchOutput and searchUniqueInputToOutputConstraint need an update`,
    );
  }
  const results = (await run(`searches.${def.search}.operation.perform`, {
    ...bundle,
    inputData: input.search,
  })) as Record<string, unknown>[];
  const found = exactResults(results, def.searchUniqueInputToOutputConstraint, input.search);
  if (found.length === 0) {
    const created = await run(`creates.${def.create}.operation.perform`, { ...bundle, inputData: input.create });
    return { path: 'created', matches: results.length, result: created };
  }
  const first = found[0]!;
  if (!def.update) return { path: 'found', matches: results.length, result: first };
  const fromSearch = Object.fromEntries(
    Object.entries(def.updateInputFromSearchOutput ?? {}).map(([inputKey, outputKey]) => [
      inputKey,
      first[String(outputKey)],
    ]),
  );
  const updated = await run(`creates.${def.update}.operation.perform`, {
    ...bundle,
    inputData: { ...(input.update ?? input.create), ...fromSearch },
  });
  return { path: 'updated', matches: results.length, result: updated };
};
