/** Helpers for polling triggers: Zapier wants newest first and one unique id per event. */

const time = (value: unknown): number => {
  const t = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  return Number.isNaN(t) ? -Infinity : t;
};

/** Sorts by a date key, newest first, without mutating the input; undated items go last. */
export const newestFirst = <T>(items: readonly T[], dateOf: (item: T) => unknown): T[] =>
  items
    .map((item, index) => ({ item, index, t: time(dateOf(item)) }))
    .sort((a, b) => b.t - a.t || a.index - b.index)
    .map(({ item }) => item);

/** An id for an update event: the record id plus the update time, so each update fires once. */
export const updateEventId = (recordId: string, updatedAt: string | undefined | null): string => {
  const t = updatedAt ? new Date(updatedAt).getTime() : NaN;
  return Number.isNaN(t) ? recordId : `${recordId}-${t}`;
};
