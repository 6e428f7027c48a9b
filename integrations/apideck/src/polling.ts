import { newestFirst } from '@crm-zapier/kit';
import type { ListQuery, Page } from './client';
import { POLL_PAGE_SIZE } from './constants';
import { queryRefusalOf } from './errors';

/**
 * How far back a poll asks for records (`filter[created_since]` / `filter[updated_since]`, with the
 * kit's `sinceFor`): a regular poll 7 days, far more than a poll interval, so an outage loses
 * nothing; a sample load, or the dedupe seed when a Zap turns on, 30 days. Results are sorted newest
 * first and Zapier dedupes on `id`, so the filter only trims what the CRM has to page through.
 */
export const LOOK_BACK = { pollDays: 7, sampleDays: 30 };

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
