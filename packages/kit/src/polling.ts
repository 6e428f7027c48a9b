/** Helpers for polling triggers: Zapier wants newest first and one unique id per event. */
import type { Bundle } from 'zapier-platform-core';

const DAY_MS = 24 * 3600 * 1000;

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

export interface LookBack {
  /** Days a regular poll looks back; without it a regular poll leaves the window to the CRM. */
  pollDays?: number;
  /** Days a sample load in the editor, or the dedupe seed when a Zap turns on, looks back. */
  sampleDays: number;
}

/**
 * The start of a poll's window, as ISO text. Loading a sample or seeding dedupe looks back further
 * than a regular poll, so that a quiet account still shows real records.
 */
export function sinceFor(bundle: Pick<Bundle, 'meta'>, lookBack: Required<LookBack>, now?: number): string;
export function sinceFor(bundle: Pick<Bundle, 'meta'>, lookBack: LookBack, now?: number): string | undefined;
export function sinceFor(
  bundle: Pick<Bundle, 'meta'>,
  lookBack: LookBack,
  now: number = Date.now(),
): string | undefined {
  const seeding = Boolean(bundle.meta?.isLoadingSample || bundle.meta?.isPopulatingDedupe);
  const days = seeding ? lookBack.sampleDays : lookBack.pollDays;
  return days === undefined ? undefined : new Date(now - days * DAY_MS).toISOString();
}
