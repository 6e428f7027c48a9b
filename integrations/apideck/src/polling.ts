import { newestFirst } from '@crm-zapier/kit';
import type { Bundle } from 'zapier-platform-core';
import type { ListQuery, Page } from './client';
import { POLL_PAGE_SIZE } from './constants';
import { queryRefusalOf } from './errors';

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

/**
 * A polling trigger's records, newest first: one request (filter, sort and page size as given).
 * A connector that does not support the filter, the sort or paging answers UnsupportedFiltersError,
 * UnsupportedSortFieldError or PaginationNotSupportedError (apideck-crm.md §5.5); the poll then
 * makes one more request, the plain listing — no filter and no sort, and no `limit` either after a
 * paging refusal — sorts it newest first itself and keeps at most a page of it (§17.4). Without the
 * server's sort the first page may miss the newest records: the accepted cost of a working poll.
 */
export const newestPage = async <T>(
  list: (q: ListQuery) => Promise<Page<T>>,
  q: ListQuery,
  timeOf: (item: T) => string | null | undefined,
): Promise<T[]> => {
  let items: T[];
  try {
    items = (await list(q)).items;
  } catch (err) {
    const refusal = queryRefusalOf(err);
    if (!refusal) throw err;
    const plain = refusal === 'PaginationNotSupportedError' ? {} : { limit: q.limit };
    items = (await list(plain)).items;
  }
  return newestFirst(items, timeOf).slice(0, q.limit ?? POLL_PAGE_SIZE);
};
