import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { CONTACT, LEAD, OPPORTUNITY } from '../src/samples';
import { api, bundle, errorBody, listBody, run } from './helpers';

useNock();

/**
 * A connector that does not support a filter, a sort or paging answers with the error types of
 * apideck-crm.md §5.5; a polling trigger then reads the plain listing once and sorts it itself
 * (§17.4). Each answer below is given in turn, and every request URI (path and query) is kept.
 */
const answers = (path: string, ...replies: [number, unknown][]) => {
  const uris: string[] = [];
  for (const [status, body] of replies) {
    api()
      .get(path)
      .query(true)
      .reply(function (uri) {
        uris.push(decodeURIComponent(uri));
        return [status, body];
      });
  }
  return uris;
};

const now = Date.parse('2024-05-10T12:00:00.000Z');
beforeEach(() =>
  jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] }),
);
afterEach(() => jest.useRealTimers());

const contact = (id: string, created_at: string | null) => ({ ...CONTACT, id, created_at, updated_at: created_at });

describe('polling triggers when the connector refuses the query (apideck-crm.md §5.5, §17.4)', () => {
  it('New Contact: an UnsupportedFiltersError is followed by one plain listing (no filter, no sort), sorted newest first here', async () => {
    const uris = answers(
      '/crm/contacts',
      [400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'created_since is not supported')],
      [
        200,
        listBody('contacts', [
          contact('old', '2024-01-01T00:00:00.000Z'),
          contact('undated', null),
          contact('new', '2024-05-09T00:00:00.000Z'),
        ]),
      ],
    );
    const result = (await run('triggers.new_contact.operation.perform', bundle())) as { id: string }[];
    expect(uris).toEqual([
      '/crm/contacts?filter[created_since]=2024-05-03T12:00:00.000Z&sort[by]=created_at&sort[direction]=desc&limit=100',
      '/crm/contacts?limit=100',
    ]);
    expect(result.map((c) => c.id)).toEqual(['new', 'old', 'undated']);
  });

  it('Updated Deal: an UnsupportedSortFieldError is followed by the plain listing, newest update first, each update its own id', async () => {
    const deal = (id: string, updated_at: string) => ({ ...OPPORTUNITY, id, updated_at });
    const uris = answers(
      '/crm/opportunities',
      [400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field', 'updated_at')],
      [200, listBody('opportunities', [deal('a', '2024-05-01T00:00:00.000Z'), deal('b', '2024-05-08T00:00:00.000Z')])],
    );
    const result = (await run('triggers.updated_deal.operation.perform', bundle())) as { id: string }[];
    expect(uris).toEqual([
      '/crm/opportunities?sort[by]=updated_at&sort[direction]=desc&limit=100',
      '/crm/opportunities?limit=100',
    ]);
    expect(result.map((d) => d.id)).toEqual([
      `b-${Date.parse('2024-05-08T00:00:00.000Z')}`,
      `a-${Date.parse('2024-05-01T00:00:00.000Z')}`,
    ]);
  });

  it('New Lead: a PaginationNotSupportedError is followed by the listing without limit; the newest 100 of what comes are kept', async () => {
    const leads = Array.from({ length: 150 }, (_x, i) => ({
      ...LEAD,
      id: `lead-${i}`,
      created_at: new Date(Date.parse('2024-01-01T00:00:00.000Z') + i * 3_600_000).toISOString(),
    }));
    const uris = answers(
      '/crm/leads',
      [400, errorBody(400, 'PaginationNotSupportedError', 'Pagination not supported')],
      [200, listBody('leads', leads)],
    );
    const result = (await run('triggers.new_lead.operation.perform', bundle())) as { id: string }[];
    expect(uris).toEqual(['/crm/leads?sort[by]=created_at&sort[direction]=desc&limit=100', '/crm/leads']);
    expect(result).toHaveLength(100);
    expect(result[0]!.id).toBe('lead-149');
    expect(result[99]!.id).toBe('lead-50');
  });

  it('New Company (Instant) lists its examples the same way', async () => {
    const uris = answers(
      '/crm/companies',
      [400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters')],
      [200, listBody('companies', [{ id: 'c1', name: 'SpaceX', created_at: '2024-05-01T00:00:00.000Z' }])],
    );
    const result = (await run('triggers.new_company_instant.operation.performList', bundle())) as { id: string }[];
    expect(uris).toEqual([
      '/crm/companies?filter[created_since]=2024-05-03T12:00:00.000Z&sort[by]=created_at&sort[direction]=desc&limit=100',
      '/crm/companies?limit=100',
    ]);
    expect(result.map((c) => c.id)).toEqual(['c1']);
  });

  it('makes one extra request only: a plain listing that is refused too fails the poll with the connector message', async () => {
    const uris = answers(
      '/crm/contacts',
      [400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field')],
      [400, errorBody(400, 'PaginationNotSupportedError', 'Pagination not supported')],
    );
    const err = await failureOf(run('triggers.new_contact.operation.perform', bundle()));
    expect(uris).toHaveLength(2);
    expect(err.message).toMatch(
      /^Apideck rejected the request \(HTTP 400\): PaginationNotSupportedError: Pagination not supported\. The connected CRM does not support this/,
    );
  });

  it('any other 400 is not a reason to fall back: one request, and its error', async () => {
    const uris = answers('/crm/contacts', [
      400,
      errorBody(400, 'RequestValidationError', 'Invalid Params', { invalid: [{ limit: 'too big' }] }),
    ]);
    const err = await failureOf(run('triggers.new_contact.operation.perform', bundle()));
    expect(uris).toHaveLength(1);
    expect(err.message).toMatch(/RequestValidationError/);
  });

  it('searches do not fall back: an unsupported filter is shown to the user as before, with its type as the code', async () => {
    answers('/crm/contacts', [400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'phone_number')]);
    const err = await failureOf(run('searches.find_contact.operation.perform', bundle({ phone_number: '1' })));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'UnsupportedFiltersError', status: 400 });
    expect(err.message).toMatch(/The connected CRM does not support this through Apideck/);
  });
});
