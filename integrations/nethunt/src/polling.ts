import type { Bundle } from 'zapier-platform-core';

/** How far back a sample load or the first dedupe poll looks: the API's own default is 24 hours. */
export const SAMPLE_LOOKBACK_DAYS = 30;

/**
 * The `since` of a poll. Regular polls leave it to the API (24 hours back, far more than a poll
 * interval). Loading a sample in the editor, or seeding dedupe when a Zap turns on, looks back
 * further so that a quiet folder still shows real records.
 */
export const sinceFor = (bundle: Bundle): string | undefined =>
  bundle.meta?.isLoadingSample || bundle.meta?.isPopulatingDedupe
    ? new Date(Date.now() - SAMPLE_LOOKBACK_DAYS * 24 * 3600 * 1000).toISOString()
    : undefined;
