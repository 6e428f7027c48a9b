import type { MethodRunner } from '@crm-zapier/kit';

interface SearchOrCreateDef {
  search: string;
  create: string;
  update?: string;
  updateInputFromSearchOutput?: Record<string, unknown>;
}

export interface SearchOrCreateInput {
  search: Record<string, unknown>;
  create: Record<string, unknown>;
  /** The update action's own inputs (its fields as the user filled them). */
  update?: Record<string, unknown>;
}

export interface SearchOrCreateOutcome {
  path: 'found' | 'updated' | 'created';
  /** How many records the search matched. */
  matches: number;
  result: unknown;
}

/**
 * What Zapier's "Find or Create" step does with an app's `searchOrCreates` entry: search; on a hit
 * run the update (if the pair has one) on the first match, with inputs taken from the search output
 * as `updateInputFromSearchOutput` says; on a miss, create. Core has no runner for this (Zapier's
 * backend does it), so the tour and the tests use this one.
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
  const found = (await run(`searches.${def.search}.operation.perform`, {
    ...bundle,
    inputData: input.search,
  })) as Record<string, unknown>[];
  if (found.length === 0) {
    const created = await run(`creates.${def.create}.operation.perform`, { ...bundle, inputData: input.create });
    return { path: 'created', matches: 0, result: created };
  }
  const first = found[0]!;
  if (!def.update) return { path: 'found', matches: found.length, result: first };
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
  return { path: 'updated', matches: found.length, result: updated };
};
