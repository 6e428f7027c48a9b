import type { Bundle } from 'zapier-platform-core';

/** How far back a regular poll looks: far more than a poll interval, so an outage loses nothing. */
export const POLL_LOOKBACK_DAYS = 7;
/** How far back a sample load, or the dedupe seed when a Zap turns on, looks. */
export const SAMPLE_LOOKBACK_DAYS = 30;

/**
 * The `filter[created_since]` / `filter[updated_since]` of a poll. Results are sorted newest first
 * and Zapier dedupes on `id`, so the filter only trims what the CRM has to page through.
 */
export const sinceFor = (bundle: Bundle, now: number = Date.now()): string => {
  const days =
    bundle.meta?.isLoadingSample || bundle.meta?.isPopulatingDedupe ? SAMPLE_LOOKBACK_DAYS : POLL_LOOKBACK_DAYS;
  return new Date(now - days * 24 * 3600 * 1000).toISOString();
};
