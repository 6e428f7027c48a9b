import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import addTagToContact from '../creates/addTagToContact';
import { DOCUMENTED, TAG, TAG_LINK } from './documented';
import { BASE, CONTACT_ID, api, lunarError, run } from './helpers';

useNock();

/** Tags as create-tag and search-tag answer them (lunarsend.md, "Tags"): `tag_name`, not `name`. */
const WEBINAR = { ...TAG, id: '5e2b7c1a-9d3f-4a8e-b6c0-1f4d2e7a9b35', tag_name: 'Webinar', color: '#6c757d' };
const LEADERSHIP = { ...TAG, id: 't1', tag_name: 'Leadership', color: null };

const tagSearch = (term: string) =>
  api().get(`${BASE}/tags/search`).query({ search_term: term, search_by: 'tag_name', query_amount: '100', page: '0' });
/** `GET /contacts?id=` answering the documented get: the contact, read before anything changes. */
const getContact = () => api().get(`${BASE}/contacts`).query({ id: CONTACT_ID }).reply(200, DOCUMENTED.getContact);
/** The contact part of every output: the documented contact's id, name and email. */
const JOE = {
  id: CONTACT_ID,
  full_name: 'Joe Doe',
  first_name: 'Joe',
  last_name: 'Doe',
  email: 'joe@example.com',
};

/** `POST /tag/contacts` answering the documented link `[{ status: "success", data: link }]`. */
const link = (tag: { id: string; tag_name: string }) =>
  api()
    .post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: tag.id })
    .matchHeader('content-type', 'application/json')
    .reply(200, [{ status: 'success', data: { ...TAG_LINK, tag_id: tag.id, tag_name: tag.tag_name } }]);

describe('Add Tag to Contact', () => {
  it("a tag picked from the dropdown: reads the contact, links the tag; outputs the contact's name and email and the tag's id and name (a Tag Name beside it is ignored)", async () => {
    getContact();
    link(TAG);
    const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id, tag_name: 'ignored' });
    expect(out).toEqual({
      ...JOE,
      tag_id: TAG.id,
      tag_name: 'Lead',
      tag_created: false,
      linked_at: TAG_LINK.created_at,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...addTagToContact.operation.sample }).sort());
  });

  it.each([
    ['without tag_name', { ...TAG_LINK, tag_name: undefined }],
    ['with tag_name null', { ...TAG_LINK, tag_name: null }],
  ])(
    "a picked tag whose link answer comes %s: the name is read from the contact's tags (GET /contacts/tags)",
    async (_name, answer) => {
      getContact();
      api()
        .post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: TAG.id })
        .reply(200, [{ status: 'success', data: answer }]);
      api().get(`${BASE}/contacts/tags`).query({ id: CONTACT_ID }).reply(200, DOCUMENTED.contactTags);
      const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id });
      expect(out).toEqual({
        ...JOE,
        tag_id: TAG.id,
        tag_name: 'Lead',
        tag_created: false,
        linked_at: TAG_LINK.created_at,
      });
    },
  );

  it('a tag name: reads the contact, finds the tag named exactly so (any case), then adds it', async () => {
    getContact();
    tagSearch('LEAD').reply(200, { data: [LEADERSHIP, TAG] });
    link(TAG);
    const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'LEAD', create_tag: false });
    expect(out).toEqual({
      ...JOE,
      tag_id: TAG.id,
      tag_name: 'Lead',
      tag_created: false,
      linked_at: TAG_LINK.created_at,
    });
  });

  it('a new tag name: creates the tag with { data: { tag_name } } (the default), then adds it', async () => {
    getContact();
    tagSearch('Webinar').reply(200, { data: [{ ...LEADERSHIP, id: 't2', tag_name: 'Webinar 2024' }] });
    api()
      .post(`${BASE}/tags`, { data: { tag_name: 'Webinar' } })
      .reply(200, [{ status: 'success', data: WEBINAR }]);
    link(WEBINAR);
    const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Webinar' });
    expect(out).toEqual({
      ...JOE,
      tag_id: WEBINAR.id,
      tag_name: 'Webinar',
      tag_created: true,
      linked_at: TAG_LINK.created_at,
    });
  });

  it('a new tag name with Create Tag If Missing = false: a halt (the Zap stays on), creating and adding nothing', async () => {
    getContact();
    tagSearch('Webinar').reply(200, { data: [] });
    const err = await failureOf(
      run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Webinar' }, { extra: { create_tag: 'no' } }),
    );
    expect(err.name).toBe('HaltedError');
    expect(err.message.split('\n')[0]).toBe(
      'No tag is named "Webinar", and Create Tag If Missing is False, so no tag was added. Create the tag first, pick an existing tag in Tag, or set Create Tag If Missing to True.',
    );
  });

  it('a contact that no longer exists (404 on the read): an error before anything changes', async () => {
    api().get(`${BASE}/contacts`).query({ id: CONTACT_ID }).reply(404, lunarError('not_found', 'No contact'));
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Lead' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'NotFound', status: 404 });
    expect(err.message).toBe(
      'The contact in Contact no longer exists (it may have been deleted), so no tag was added. Pick another contact.',
    );
  });

  it('an error envelope answered with HTTP 200 on the tag search is an error, and no tag is created', async () => {
    getContact();
    tagSearch('Lead').reply(200, {
      status: 'error',
      error: 'search_failed',
      message: 'The search index is rebuilding.',
    });
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Lead' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'ErrorEnvelope', status: 200 });
    expect(err.message).toBe('LunarSend answered with an error: The search index is rebuilding.');
  });

  it('names the contact or tag on a 404', async () => {
    getContact();
    api().post(`${BASE}/tag/contacts`).reply(404, lunarError('not_found', 'No contact'));
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID} or tag ${TAG.id}: No contact`);
  });

  it.each([
    ['{ status: "success" } without data', { status: 'success' }, 'data is missing'],
    ['a link without its id', [{ status: 'success', data: { ...TAG_LINK, id: undefined } }], '[0].data.id is missing'],
  ])('a 200 answer of another shape (%s) is an unexpected answer, not a tag added', async (_name, answer, what) => {
    getContact();
    api().post(`${BASE}/tag/contacts`).reply(200, answer);
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
    expect(err.message).toBe(
      `LunarSend accepted the request but sent an answer of an unexpected shape: ${what}, so the change may or may not have been made in LunarSend. Check in LunarSend before running this step again; Zapier will not retry it on its own.`,
    );
  });

  it('a 500 on the link may have tagged the contact: OutcomeUnknown, not retried', async () => {
    getContact();
    api().post(`${BASE}/tag/contacts`).reply(500, lunarError('server_error', 'Internal error'));
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
    getContact();
    api().post(`${BASE}/tag/contacts`).reply(302, '', { Location: 'https://elsewhere.example/tag/contacts' });
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 302 });
  });

  it.each([
    [{ contact_id: CONTACT_ID }, /Tag: pick a Tag, or fill in Tag Name/],
    [{ contact_id: CONTACT_ID, tag_name: '  ' }, /pick a Tag, or fill in Tag Name/],
    [{ tag_id: TAG.id }, /Contact is missing/],
    [{ contact_id: CONTACT_ID, tag_id: 'a b' }, /Tag: must be an id/],
    [{ contact_id: CONTACT_ID, tag_name: 'X', create_tag: 'maybe' }, /Create Tag If Missing: must be true or false/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(addTagToContact, {}, { extra: bad }));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
