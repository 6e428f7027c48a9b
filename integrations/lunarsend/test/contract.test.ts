/**
 * The contract table: every operation against the request and the answer `lunarsend.md` documents
 * for it. Each row pins the exact request (method, path, query, headers, body: nock matches them all,
 * and `useNock` fails a row whose request never came) and replies with the answer exactly as the
 * reference shows it (`./documented.ts`); the flat output is what that answer holds.
 */
import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import type nock from 'nock';
import App from '../index';
import { contactTags, flattenContact, flattenDeal } from '../src/map';
import { CONTACT, DEAL, DOCUMENTED, SEARCH_CONTACT, TAG, TAG_LINK, TEAM_USER } from './documented';
import { AUTH, BASE, CONTACT_ID, api } from './helpers';

useNock();

const run = appRunner(App);
const bundle = (input: object = {}, meta: object = {}) => makeBundle(AUTH, { ...input }, meta);

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Exchange {
  method: Method;
  path: string;
  /** The whole query string, as parameters (nock matches it exactly). */
  query?: Record<string, string>;
  /** The whole JSON body (nock matches it exactly). */
  body?: nock.DataMatcherMap;
  /** The documented answer. */
  answer: unknown;
  status?: number;
}

interface Row {
  /** The lunarsend.md section (and operation) the row follows. */
  section: string;
  what: string;
  method: string;
  input?: Record<string, unknown>;
  meta?: Record<string, unknown>;
  exchanges: Exchange[];
  output: unknown;
}

/** Find Tag's and Create Tag's output for the documented tag. */
const FLAT_TAG = {
  id: TAG.id,
  name: 'Lead',
  color: '#28a745',
  user_id: TAG.user_id,
  owner: 'John',
  created_at: TAG.created_at,
};
/** Add Tag to Contact's output for the documented contact and link answer. */
const FLAT_LINK = {
  id: CONTACT_ID,
  full_name: 'Joe Doe',
  first_name: 'Joe',
  last_name: 'Doe',
  email: 'joe@example.com',
  tag_id: TAG.id,
  tag_name: 'Lead',
  linked_at: TAG_LINK.created_at,
};
/** Add Tag to Contact reads the contact first (its name and email). */
const GET_CONTACT: Exchange = {
  method: 'GET',
  path: '/contacts',
  query: { id: CONTACT_ID },
  answer: DOCUMENTED.getContact,
};

const ROWS: Row[] = [
  {
    section: 'lunarsend.md "Basics" (auth test)',
    what: "GET /team/users/search?query_amount=3: the team by its members (no endpoint names the key's owner)",
    method: 'authentication.test',
    exchanges: [
      { method: 'GET', path: '/team/users/search', query: { query_amount: '3' }, answer: DOCUMENTED.teamUsers },
    ],
    output: { label: `${TEAM_USER.name} (${TEAM_USER.email})`, team_size: 1 },
  },
  {
    section: 'lunarsend.md "Other endpoints" (team users)',
    what: 'list_team_users pages with page and query_amount',
    method: 'triggers.list_team_users.operation.perform',
    meta: { page: 1 },
    exchanges: [
      {
        method: 'GET',
        path: '/team/users/search',
        query: { query_amount: '100', page: '1' },
        answer: DOCUMENTED.teamUsers,
      },
    ],
    output: [{ id: TEAM_USER.user_id, name: 'John', email: 'john@example.com' }],
  },
  {
    section: 'lunarsend.md "Contacts" (search)',
    what: 'find_contact sends search_term, search_by, query_amount, page, reads contact_id and tags[].name, then gets the match by id',
    method: 'searches.find_contact.operation.perform',
    input: { search_by: 'tag', search_term: 'Lead' },
    exchanges: [
      {
        method: 'GET',
        path: '/contacts/search',
        query: { search_term: 'Lead', search_by: 'tag', query_amount: '10', page: '0' },
        answer: DOCUMENTED.searchContacts,
      },
      {
        method: 'GET',
        path: '/contacts',
        query: { id: SEARCH_CONTACT.contact_id },
        answer: [{ success: true, id: SEARCH_CONTACT.contact_id, data: { ...CONTACT, id: SEARCH_CONTACT.contact_id } }],
      },
    ],
    output: [
      {
        ...flattenContact({ ...CONTACT, id: SEARCH_CONTACT.contact_id }),
        ...contactTags([{ id: TAG.id, name: 'Lead' }]),
      },
    ],
  },
  {
    section: 'lunarsend.md "Contacts" (search)',
    what: 'list_contacts pages with page and query_amount',
    method: 'triggers.list_contacts.operation.perform',
    meta: { page: 2 },
    exchanges: [
      {
        method: 'GET',
        path: '/contacts/search',
        query: { query_amount: '100', page: '2' },
        answer: DOCUMENTED.searchContacts,
      },
    ],
    output: [{ id: SEARCH_CONTACT.contact_id, name: 'Elena Moreno (elena.moreno@outlook.com)' }],
  },
  {
    section: 'lunarsend.md "Contacts" (get)',
    what: "find_contact_by_id reads [{ success, id, data }], then the contact's tags (tag_id, tag_name)",
    method: 'searches.find_contact_by_id.operation.perform',
    input: { contact_id: CONTACT_ID },
    exchanges: [
      GET_CONTACT,
      { method: 'GET', path: '/contacts/tags', query: { id: CONTACT_ID }, answer: DOCUMENTED.contactTags },
    ],
    output: [{ ...flattenContact(CONTACT), ...contactTags([{ id: TAG.id, name: 'Lead' }]) }],
  },
  {
    section: 'lunarsend.md "Contacts" (create)',
    what: 'create_contact sends { data } and reads [{ status, data }]',
    method: 'creates.create_contact.operation.perform',
    input: { first_name: 'Joe', last_name: 'Doe', email: 'joe@example.com', phone: '+12025550123' },
    exchanges: [
      {
        method: 'POST',
        path: '/contacts',
        body: { data: { first_name: 'Joe', last_name: 'Doe', email: 'joe@example.com', phone: '+12025550123' } },
        answer: DOCUMENTED.createContact,
      },
    ],
    output: { ...flattenContact(CONTACT), tags: [], tag_ids: [] },
  },
  {
    section: 'lunarsend.md "Contacts" (update)',
    what: 'update_contact sends { data: { id, ...changes } } and reads [{ success, data }]',
    method: 'creates.update_contact.operation.perform',
    input: { contact_id: CONTACT_ID, phone: '+12025550123' },
    exchanges: [
      {
        method: 'PATCH',
        path: '/contacts',
        body: { data: { id: CONTACT_ID, phone: '+12025550123' } },
        answer: DOCUMENTED.updateContact,
      },
    ],
    output: flattenContact(CONTACT),
  },
  {
    section: 'lunarsend.md "Contacts" (delete, inferred path)',
    what: 'delete_contact sends { contact_id } and reads the plain-text answer',
    method: 'creates.delete_contact.operation.perform',
    input: { contact_id: CONTACT_ID },
    exchanges: [
      { method: 'DELETE', path: '/contacts', body: { contact_id: CONTACT_ID }, answer: DOCUMENTED.deleteContact },
    ],
    output: { id: CONTACT_ID, deleted: true, message: 'Document deleted successfully' },
  },
  {
    section: 'lunarsend.md "Pipeline deals" (search)',
    what: 'find_deal sends search_term, search_by, query_amount, page and reads deal_id',
    method: 'searches.find_deal.operation.perform',
    input: { search_by: 'company', search_term: 'Brightwave Solutions' },
    exchanges: [
      {
        method: 'GET',
        path: '/pipeline/search',
        query: { search_term: 'Brightwave Solutions', search_by: 'company', query_amount: '10', page: '0' },
        answer: DOCUMENTED.searchDeals,
      },
    ],
    output: [flattenDeal(DEAL)],
  },
  {
    section: 'lunarsend.md "Pipeline deals" (search)',
    what: 'list_deals pages with page and query_amount',
    method: 'triggers.list_deals.operation.perform',
    exchanges: [
      {
        method: 'GET',
        path: '/pipeline/search',
        query: { query_amount: '100', page: '0' },
        answer: DOCUMENTED.searchDeals,
      },
    ],
    output: [{ id: DEAL.id, name: 'Brightwave Solutions · Proposal · 12000' }],
  },
  {
    section: 'lunarsend.md "Pipeline deals" (get-deal)',
    what: 'find_deal_by_id reads the array-wrapped [{ success, id, data }]',
    method: 'searches.find_deal_by_id.operation.perform',
    input: { deal_id: DEAL.id },
    exchanges: [{ method: 'GET', path: '/pipeline', query: { id: DEAL.id }, answer: DOCUMENTED.getDeal }],
    output: [flattenDeal(DEAL)],
  },
  {
    section: 'lunarsend.md "Pipeline deals" (create)',
    what: 'create_deal sends { data } and reads [{ status, data }]',
    method: 'creates.create_deal.operation.perform',
    input: { company: 'Brightwave Solutions', stage: 'proposal', deal_size: '12000' },
    exchanges: [
      {
        method: 'POST',
        path: '/pipeline',
        body: { data: { company: 'Brightwave Solutions', stage: 'Proposal', deal_size: 12000 } },
        answer: DOCUMENTED.createDeal,
      },
    ],
    output: flattenDeal(DEAL),
  },
  {
    section: 'lunarsend.md "Pipeline deals" (edit-deal)',
    what: 'update_deal sends { data: { id, ...changes } } and reads [{ success, data }]',
    method: 'creates.update_deal.operation.perform',
    input: { deal_id: DEAL.id, stage: 'Proposal' },
    exchanges: [
      {
        method: 'PATCH',
        path: '/pipeline',
        body: { data: { id: DEAL.id, stage: 'Proposal' } },
        answer: DOCUMENTED.updateDeal,
      },
    ],
    output: flattenDeal(DEAL),
  },
  {
    section: 'lunarsend.md "Tags" (search tags)',
    what: 'find_tag sends search_term, search_by=tag_name, query_amount, page and reads tag_name',
    method: 'searches.find_tag.operation.perform',
    input: { name: 'lead' },
    exchanges: [
      {
        method: 'GET',
        path: '/tags/search',
        query: { search_term: 'lead', search_by: 'tag_name', query_amount: '100', page: '0' },
        answer: DOCUMENTED.searchTags,
      },
    ],
    output: [FLAT_TAG],
  },
  {
    section: 'lunarsend.md "Tags" (search tags)',
    what: 'list_tags (the tag dropdown) pages with page and query_amount and names each tag by tag_name',
    method: 'triggers.list_tags.operation.perform',
    exchanges: [
      { method: 'GET', path: '/tags/search', query: { query_amount: '100', page: '0' }, answer: DOCUMENTED.searchTags },
    ],
    output: [FLAT_TAG],
  },
  {
    section: 'lunarsend.md "Tags" (create tag)',
    what: 'create_tag sends { data: { tag_name, color, user_id } } and reads [{ status, data }]',
    method: 'creates.create_tag.operation.perform',
    input: { name: 'Lead', color: '#28a745', user_id: TAG.user_id },
    exchanges: [
      {
        method: 'POST',
        path: '/tags',
        body: { data: { tag_name: 'Lead', color: '#28a745', user_id: TAG.user_id } },
        answer: DOCUMENTED.createTag,
      },
    ],
    output: FLAT_TAG,
  },
  {
    section: 'lunarsend.md "Tags" (link tag to contact)',
    what: 'add_tag_to_contact sends { contact_id, tag_id } flat and outputs the link answer, tag_name included',
    method: 'creates.add_tag_to_contact.operation.perform',
    input: { contact_id: CONTACT_ID, tag_id: TAG.id },
    exchanges: [
      GET_CONTACT,
      {
        method: 'POST',
        path: '/tag/contacts',
        body: { contact_id: CONTACT_ID, tag_id: TAG.id },
        answer: DOCUMENTED.linkTag,
      },
    ],
    output: { ...FLAT_LINK, tag_created: false },
  },
  {
    section: 'lunarsend.md "Tags" (search tags, link tag to contact)',
    what: 'add_tag_to_contact by name finds the tag by tag_name, then links it',
    method: 'creates.add_tag_to_contact.operation.perform',
    input: { contact_id: CONTACT_ID, tag_name: 'LEAD', create_tag: 'false' },
    exchanges: [
      GET_CONTACT,
      {
        method: 'GET',
        path: '/tags/search',
        query: { search_term: 'LEAD', search_by: 'tag_name', query_amount: '100', page: '0' },
        answer: DOCUMENTED.searchTags,
      },
      {
        method: 'POST',
        path: '/tag/contacts',
        body: { contact_id: CONTACT_ID, tag_id: TAG.id },
        answer: DOCUMENTED.linkTag,
      },
    ],
    output: { ...FLAT_LINK, tag_created: false },
  },
  {
    section: 'lunarsend.md "Tags" (search tags, create tag, link tag to contact)',
    what: 'add_tag_to_contact by a new name creates the tag with { data: { tag_name } }, then links it',
    method: 'creates.add_tag_to_contact.operation.perform',
    input: { contact_id: CONTACT_ID, tag_name: 'Lead' },
    exchanges: [
      GET_CONTACT,
      {
        method: 'GET',
        path: '/tags/search',
        query: { search_term: 'Lead', search_by: 'tag_name', query_amount: '100', page: '0' },
        answer: { data: [], total_count: 0, page: 0, per_page: 100 },
      },
      { method: 'POST', path: '/tags', body: { data: { tag_name: 'Lead' } }, answer: DOCUMENTED.createTag },
      {
        method: 'POST',
        path: '/tag/contacts',
        body: { contact_id: CONTACT_ID, tag_id: TAG.id },
        answer: DOCUMENTED.linkTag,
      },
    ],
    output: { ...FLAT_LINK, tag_created: true },
  },
];

/** One nock interceptor per exchange: the key and Accept on every request, Content-Type on every body. */
const expectExchange = (e: Exchange) => {
  let interceptor = api().intercept(`${BASE}${e.path}`, e.method, e.body);
  interceptor = interceptor.query(e.query ?? {});
  if (e.body !== undefined) interceptor = interceptor.matchHeader('content-type', 'application/json');
  const text = typeof e.answer === 'string';
  interceptor.reply(e.status ?? 200, text ? (e.answer as string) : JSON.stringify(e.answer), {
    'content-type': text ? 'text/plain' : 'application/json',
  });
};

describe('the LunarSend contract (lunarsend.md): exact requests, documented answers, what they hold', () => {
  it.each(ROWS.map((r) => [`${r.section}: ${r.what}`, r] as const))('%s', async (_name, row) => {
    row.exchanges.forEach(expectExchange);
    const out = await run(row.method, bundle(row.input ?? {}, row.meta ?? {}));
    expect(out).toEqual(row.output);
  });

  it('lunarsend.md "Errors and success flags": a documented error body shows its message, without its code', async () => {
    expectExchange({
      method: 'PATCH',
      path: '/contacts',
      body: { data: { id: CONTACT_ID, notes: 'x' } },
      status: 404,
      answer: DOCUMENTED.error,
    });
    const err = await failureOf(
      run('creates.update_contact.operation.perform', bundle({ contact_id: CONTACT_ID, notes: 'x' })),
    );
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID}: No contact with that id.`);
    expect(err.raw).not.toContain(AUTH.api_key);
  });
});

describe('lunarsend.md "Basics": the documented rate limit, 2 requests per second per key', () => {
  const operations = [
    ...Object.values(App.triggers).map((op) => ['trigger', op] as const),
    ...Object.values(App.searches).map((op) => ['search', op] as const),
    ...Object.values(App.creates).map((op) => ['create', op] as const),
  ];

  it.each(operations.map(([kind, op]) => [`${kind} ${op.key}`, kind, op] as const))(
    '%s counts against one throttle per connection',
    (_name, kind, op) => {
      // One key and scope for every action: Zapier counts all runs of one connection together
      // (an "action" scope would give each action its own 2/s). `retry` has no effect on polling triggers.
      expect('throttle' in op.operation ? op.operation.throttle : undefined).toEqual({
        window: 1,
        limit: 2,
        key: 'lunarsend-api',
        scope: ['auth'],
        ...(kind === 'trigger' ? {} : { retry: true }),
      });
    },
  );
});

describe('Zap editor words', () => {
  const visible = [
    ...Object.values(App.searches).map((op) => ['search', op] as const),
    ...Object.values(App.creates).map((op) => ['create', op] as const),
    ...Object.values(App.searchOrCreates ?? {}).map((op) => ['search or create', op] as const),
  ];

  it.each(visible.map(([kind, op]) => [`${kind} ${op.key}`, op.display.description] as const))(
    "%s: its description follows Zapier's conventions and does not name the app",
    (_name, description) => {
      expect(description).toMatch(/^(Finds|Creates|Updates|Adds|Sends|Permanently deletes) .+\.$/);
      expect(description).not.toMatch(/LunarSend/i);
    },
  );
});
