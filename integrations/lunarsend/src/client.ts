import {
  asRecord,
  cachedForConnection,
  clip,
  nonBlank,
  orNotFound,
  parseJsonBody,
  requestJson,
  sendRequest,
} from '@crm-zapier/kit';
import type { ZObject } from 'zapier-platform-core';
import type { z } from 'zod';
import { baseUrl, CRM, DEAL_STAGES, type DealStage, DELETE_CONTACT_PATH, MAX_PAGE_SIZE } from './constants';
import { isRefusal } from './errors';
import type { ContactChanges, DealChanges, NewContact, NewDeal, NewTag } from './inputs';
import { sameId } from './map';
import {
  ContactAnswerSchema,
  ContactSearchSchema,
  ContactTagsAnswerSchema,
  DealAnswerSchema,
  DealGetSchema,
  DealSearchSchema,
  TagAnswerSchema,
  TagLinkAnswerSchema,
  TagSearchSchema,
  TeamUserSearchSchema,
  type SearchDeal,
  type TagLink,
} from './schemas';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Query of every search endpoint: zero-based `page`, `query_amount` up to 100. */
interface SearchParams {
  [key: string]: string | number | undefined;
  search_term?: string;
  search_by?: string;
  query_amount: number;
  page?: number;
}

/** How much of LunarSend's own success message an output carries. */
const MAX_MESSAGE = 200;

/**
 * The message of a success answer that is plain text, a JSON string or `{ message }` (delete answers
 * "Document deleted successfully", as text in the v1 document). An error envelope never gets here:
 * the app's `classify` hook turns it into an error first.
 */
const successMessage = (content: string | null | undefined): string => {
  const body = parseJsonBody(content);
  const said = nonBlank(body) ?? nonBlank(asRecord(body)?.message);
  if (said) return clip(said, MAX_MESSAGE);
  const text = body === undefined ? nonBlank(content) : undefined;
  return text && !text.startsWith('<') ? clip(text, MAX_MESSAGE) : '';
};

/** How long a refused search without a term is remembered for the connection: a day. */
const TERMLESS_REFUSAL_TTL = 24 * 3600;

/** The wait before each stage's search in the deal poll's fallback: a second (two requests a second). */
const STAGE_SEARCH_SPACING_MS = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A search answer as `searchAnswer` reads it. */
interface SearchPage<T> {
  data: T[];
  total_count?: number;
  per_page?: number;
}

/**
 * What a polling trigger reads: page 0 of up to 100 results and, only when `total_count` says there
 * are more, the last page too (lunarsend.md, "What is not there, and polling": no sort order is
 * documented, so the newest records may sit on either end). One request for up to 100 records, two
 * beyond; the records in between are not read. A record on both pages is kept once.
 */
const firstAndLastPages = async <T>(
  search: (params: SearchParams) => Promise<SearchPage<T>>,
  params: Omit<SearchParams, 'query_amount' | 'page'>,
  idOf: (item: T) => string,
): Promise<T[]> => {
  const first = await search({ ...params, query_amount: MAX_PAGE_SIZE, page: 0 });
  const size = first.per_page !== undefined && first.per_page > 0 ? first.per_page : MAX_PAGE_SIZE;
  const last = first.total_count === undefined ? 0 : Math.ceil(first.total_count / size) - 1;
  if (last <= 0) return first.data;
  const { data } = await search({ ...params, query_amount: MAX_PAGE_SIZE, page: last });
  const seen = new Set(first.data.map(idOf));
  return [...first.data, ...data.filter((item) => !seen.has(idOf(item)))];
};

/** The only code that knows LunarSend's paths: one method per documented endpoint. */
export const lunarsend = (z: ZObject) => {
  const call = <S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    options: { params?: Record<string, string | number | undefined>; body?: unknown; resource?: string } = {},
  ) => requestJson(z, { method, url: `${baseUrl()}${path}`, schema, crm: CRM, ...options });

  return {
    /** `GET /team/users/search`: the team's users (owner dropdown, auth test, connection label). */
    teamUsers: (params: SearchParams) => call('GET', '/team/users/search', TeamUserSearchSchema, { params }),
    /** `GET /contacts/search`. */
    searchContacts: (params: SearchParams) => call('GET', '/contacts/search', ContactSearchSchema, { params }),
    /** New Contact's poll: `GET /contacts/search` without a term, the first and (if more) last page of 100. */
    pollContacts: () =>
      firstAndLastPages(
        (params) => call('GET', '/contacts/search', ContactSearchSchema, { params }),
        {},
        (c) => c.contact_id,
      ),
    /** `POST /contacts` with the `data` envelope. */
    createContact: (data: NewContact) => call('POST', '/contacts', ContactAnswerSchema, { body: { data } }),
    /** `PATCH /contacts` with `{ data: { id, ...changes } }`: the id travels in the body. */
    updateContact: (data: ContactChanges) =>
      call('PATCH', '/contacts', ContactAnswerSchema, { body: { data }, resource: `contact ${data.id}` }),
    /** `DELETE` (path inferred, see DELETE_CONTACT_PATH) with `{ contact_id }`; answers a plain message. */
    deleteContact: async (contactId: string): Promise<string> => {
      const response = await sendRequest(z, CRM, {
        method: 'DELETE',
        url: `${baseUrl()}${DELETE_CONTACT_PATH}`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ contact_id: contactId }),
        middlewareData: { resource: `contact ${contactId}` },
      });
      return successMessage(response.content);
    },
    /** `GET /pipeline/search`. */
    searchDeals: (params: SearchParams) => call('GET', '/pipeline/search', DealSearchSchema, { params }),
    /**
     * The deal triggers' poll: `GET /pipeline/search` without a term (every deal) or with
     * `search_by=stage` (the deals in one stage), the first and (if more) last page of 100.
     * A search without a term is documented for tags and team users, not for deals: if LunarSend
     * refuses it, every stage is searched instead (lunarsend.md, "What is not there, and polling"),
     * a second apart (each stage takes up to two requests; LunarSend allows two a second), and the
     * refusal is kept for the connection a day so that the next polls do not ask again.
     */
    pollDeals: async (stage?: DealStage) => {
      const search = (params: SearchParams) => call('GET', '/pipeline/search', DealSearchSchema, { params });
      const inStage = (s: DealStage) =>
        firstAndLastPages(search, { search_term: s, search_by: 'stage' }, (d) => d.deal_id);
      if (stage !== undefined) return inStage(stage);
      let every: SearchDeal[] | undefined;
      // `true` (kept) when LunarSend refuses the search; `null` (not kept) when it answers.
      await cachedForConnection(z, CRM, 'deal-search-needs-a-term', TERMLESS_REFUSAL_TTL, async () => {
        try {
          every = await firstAndLastPages(search, {}, (d) => d.deal_id);
          return null;
        } catch (err) {
          if (!isRefusal(err)) throw err;
          return true;
        }
      });
      if (every) return every;
      const deals: SearchDeal[] = [];
      for (const s of DEAL_STAGES) {
        await pause(STAGE_SEARCH_SPACING_MS);
        deals.push(...(await inStage(s)));
      }
      return deals.filter((d, i) => deals.findIndex((e) => e.deal_id === d.deal_id) === i);
    },
    /** `POST /pipeline` with the `data` envelope. */
    createDeal: (data: NewDeal) => call('POST', '/pipeline', DealAnswerSchema, { body: { data } }),
    /** `PATCH /pipeline` with `{ data: { id, ...changes } }`: the id travels in the body. */
    updateDeal: (data: DealChanges) =>
      call('PATCH', '/pipeline', DealAnswerSchema, { body: { data }, resource: `deal ${data.id}` }),
    /**
     * `GET /contacts?id=`: the contact with that id, or undefined when there is none (404, or an
     * answer holding another contact: never a contact with another id).
     */
    getContact: async (id: string) => {
      const contact = await orNotFound(call('GET', '/contacts', ContactAnswerSchema, { params: { id } }));
      return contact && sameId(contact.id, id) ? contact : undefined;
    },
    /** `GET /contacts/tags?id=`: the contact's tags (`tag_id`, `tag_name`, `color`). */
    contactTags: (contactId: string) =>
      call('GET', '/contacts/tags', ContactTagsAnswerSchema, {
        params: { id: contactId },
        resource: `contact ${contactId}`,
      }),
    /**
     * `GET /pipeline?id=`: the deal with that id, or undefined when the answer holds none (404, no
     * data, or only other deals: never a deal with another id).
     */
    getDeal: async (id: string) => {
      const deals = await orNotFound(call('GET', '/pipeline', DealGetSchema, { params: { id } }));
      return deals?.find((d) => sameId(d.id, id));
    },
    /** `GET /tags/search`: a page of tags; `search_by: 'tag_name'` with a `search_term` matches names. */
    searchTags: (params: SearchParams) => call('GET', '/tags/search', TagSearchSchema, { params }),
    /**
     * `POST /tags` with `{ data: { tag_name, color?, user_id? } }`. The page's field table requires
     * `data`; its curl example sends the fields flat. lunarsend.md: send the `data` envelope.
     */
    createTag: (data: NewTag) => call('POST', '/tags', TagAnswerSchema, { body: { data } }),
    /** `POST /tag/contacts` with `{ contact_id, tag_id }`, flat as the page documents it: the link made. */
    addTagToContact: (contactId: string, tagId: string): Promise<TagLink> =>
      call('POST', '/tag/contacts', TagLinkAnswerSchema, {
        body: { contact_id: contactId, tag_id: tagId },
        resource: `contact ${contactId} or tag ${tagId}`,
      }),
  };
};
