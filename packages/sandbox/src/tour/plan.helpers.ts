import type { TourContext } from './tour.lib';

/** The id of what an earlier step returned (the first item of a list, or the object itself). */
export const idOf = (ctx: TourContext, step: string): string => {
  const value = ctx[step];
  const first = Array.isArray(value) ? value[0] : value;
  const id = (first as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`step ${step} gave no id`);
  return String(id);
};

/** Fails a step whose list came back empty. */
export const nonEmpty = (result: unknown) => {
  if (!Array.isArray(result) || result.length === 0) throw new Error('expected at least one item');
};
