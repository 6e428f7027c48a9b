import type { ZObject } from 'zapier-platform-core';
import type { Page } from './client';
import { DROPDOWN_PAGE_SIZE } from './constants';

/*
 * The searches behind Find or Create Contact / Company / Lead (hidden; the visible Find searches
 * keep their behaviour). Find or Create updates what its search returns, so these return a record
 * only when it is the one record whose unique value equals the input exactly:
 * - contacts and leads by email: a record with an email equal to the input (any case). Email is the
 *   only unique key the inputs have: names and phone numbers are shared by different people, and
 *   Apideck's `filter[name]` matches part of a name (the connector decides).
 * - companies by name: companies have no other key a Zap knows before it has the id. A company
 *   whose name equals the input (any case, surrounding spaces ignored), and only one.
 * No match → Zapier creates. Several exact matches → an error, never a guess.
 */

/** Pages of 200 read before giving up (1,000 records matched by the CRM's filter). */
const EXACT_MAX_PAGES = 5;

export const sameText = (a: unknown, b: string): boolean =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The records of a filtered list that `isExact` accepts, read page by page until two are found
 * (one too many) or the list ends. A list longer than EXACT_MAX_PAGES pages is an error: a match
 * could be on a page not read, and creating then would make a duplicate.
 */
export const exactMatches = async <T>(
  z: ZObject,
  fetch: (q: { limit: number; cursor?: string }) => Promise<Page<T>>,
  isExact: (item: T) => boolean,
  what: string,
): Promise<T[]> => {
  const found: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < EXACT_MAX_PAGES; page += 1) {
    const current = await fetch({ limit: DROPDOWN_PAGE_SIZE, cursor });
    found.push(...current.items.filter(isExact));
    if (found.length > 1 || !current.next) return found;
    cursor = current.next;
  }
  throw new z.errors.Error(
    `Your CRM's search for ${what} matched more than ${EXACT_MAX_PAGES * DROPDOWN_PAGE_SIZE} records, too many to check for an exact match, so nothing was created or updated. Use Find and Update or Create steps instead.`,
    'TooManyMatches',
    400,
  );
};

/** The error for several exact matches: names the input and says what to do. */
export const severalMatches = (z: ZObject, noun: string, what: string): Error =>
  new z.errors.Error(
    `More than one ${noun} has ${what}. Find or Create ${noun.charAt(0).toUpperCase()}${noun.slice(1)} updates a ${noun} only when exactly one matches, so nothing was created or updated. Merge the duplicates in your CRM, or pick the one you mean with a Find step and an Update step.`,
    'SeveralMatches',
    409,
  );
