import { json, SimServer, type SimRequest, type SimResponse } from '../../server';
import { contactRoutes } from './contacts';
import { dealRoutes } from './deals';
import { callerOf, isResponse, LUNARSEND_RATE_LIMIT, throttle, type RateLimit } from './http';
import { addContact, createLunarSendStore, type NewContact } from './store';
import { tagRoutes } from './tags';
import { userRoutes } from './users';

export { LUNARSEND_RATE_LIMIT, type RateLimit } from './http';
export { LUNARSEND_SANDBOX_CREDENTIALS, LUNARSEND_SANDBOX_VIEWER_CREDENTIALS, LUNARSEND_STAGES } from './store';

export interface LunarSendSimulatorOptions {
  /**
   * The rate limit, LunarSend's own by default. `false` turns it off for runs that send requests
   * back to back on purpose (the tour, semantics tests); the rate-limit test keeps it.
   */
  rateLimit?: RateLimit | false;
  /** The clock (ms), for timestamps and the rate limiter. */
  now?: () => number;
  /**
   * Every error answer keeps its body but comes with HTTP 200 instead of its documented status. No
   * LunarSend page says it does this (lunarsend.md, "Errors and success flags": inferred), but its
   * envelope has room for it and the reference asks clients to guard against it: this is for
   * checking that guard. Off by default: errors come with the documented statuses.
   */
  errorsWithHttp200?: boolean;
}

/** An error answer moved to HTTP 200, body and headers kept. */
const as200 = (out: SimResponse): SimResponse => (out.status >= 400 ? json(200, out.body, out.headers) : out);

/**
 * LunarSend's v2 REST API (../shared/docs/apis/lunarsend.md), in memory: contacts, pipeline deals,
 * team users, tags and contact-tag links under `/api/v2`, the `x-api-key` header, the `data`
 * envelopes in the shapes the reference shows (create, get, edit and tag answers wrapped in a
 * one-element array; get answers carrying the `id` asked for), `tag_name` on every tag endpoint and
 * `tags[].name` only inside contact search results, email unique per team, tag names unique per team,
 * the documented stages, zero-based paging with `query_amount` (alias `per_page`) up to 100 and
 * `total_count` (`count` on the contacts-by-tag search), the documented error body with the
 * documented statuses, and a real rate limit (2 requests per second per key) answering 429 with
 * `Retry-After`. Request bodies are checked with zod schemas written from lunarsend.md.
 */
export const createLunarSendSimulator = (options: LunarSendSimulatorOptions = {}) => {
  const clock = options.now ?? Date.now;
  const limit = options.rateLimit === undefined ? LUNARSEND_RATE_LIMIT : options.rateLimit;
  const limited = limit ? throttle(limit, clock) : () => undefined;
  const { store, seeded } = createLunarSendStore(clock);
  const server = new SimServer('lunarsend', '/api/v2');
  for (const { method, path, handle } of [...userRoutes, ...contactRoutes, ...dealRoutes, ...tagRoutes]) {
    server.route(method, path, (req: SimRequest) => {
      const who = limited(req) ?? callerOf(store, req);
      const out = isResponse(who) ? who : handle(store, req, who);
      return options.errorsWithHttp200 ? as200(out) : out;
    });
  }
  return {
    server,
    users: store.users,
    tags: store.tags,
    links: store.links,
    contacts: store.contacts,
    deals: store.deals,
    addContact: (fields: NewContact, userId: string) => addContact(store, fields, userId),
    seeded,
  };
};

export type LunarSendSimulator = ReturnType<typeof createLunarSendSimulator>;
