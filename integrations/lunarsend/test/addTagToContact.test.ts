import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import addTagToContact from '../creates/addTagToContact';
import { TAG, TAG_LINK } from '../src/samples';
import { BASE, CONTACT_ID, api, lunarError, run } from './helpers';

useNock();

/** Tags as create-tag and search-tag answer them (lunarsend.md, "Tags"): `tag_name`, not `name`. */
const WEBINAR = { ...TAG, id: '5e2b7c1a-9d3f-4a8e-b6c0-1f4d2e7a9b35', tag_name: 'Webinar', color: '#6c757d' };
const LEADERSHIP = { ...TAG, id: 't1', tag_name: 'Leadership', color: null };

const tagSearch = (term: string) =>
  api().get(`${BASE}/tags/search`).query({ search_term: term, search_by: 'tag_name', query_amount: '100', page: '0' });
/** `POST /tag/contacts` answering the documented link `[{ status: "success", data: link }]`. */
const link = (tag: { id: string; tag_name: string }) =>
  api()
    .post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: tag.id })
    .matchHeader('content-type', 'application/json')
    .reply(200, [{ status: 'success', data: { ...TAG_LINK, tag_id: tag.id, tag_name: tag.tag_name } }]);

describe('Add Tag to Contact', () => {
  it('a tag picked from the dropdown: one request, the link answer as output (a Tag Name beside it is ignored)', async () => {
    link(TAG);
    const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id, tag_name: 'ignored' });
    expect(out).toEqual({
      id: CONTACT_ID,
      tag_id: TAG.id,
      tag_name: 'Lead',
      tag_color: null,
      tag_created: false,
      link_id: TAG_LINK.id,
      linked_at: TAG_LINK.created_at,
      user_id: TAG_LINK.user_id,
      owner: 'John',
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...addTagToContact.operation.sample }).sort());
  });

  it('a tag name: finds the tag named exactly so (any case), then adds it', async () => {
    tagSearch('LEAD').reply(200, { data: [LEADERSHIP, TAG] });
    link(TAG);
    const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'LEAD', create_tag: false });
    expect(out).toMatchObject({ tag_id: TAG.id, tag_name: 'Lead', tag_color: '#28a745', tag_created: false });
  });

  it('a new tag name: creates the tag with { data: { tag_name } } (the default), then adds it', async () => {
    tagSearch('Webinar').reply(200, { data: [{ ...LEADERSHIP, id: 't2', tag_name: 'Webinar 2024' }] });
    api()
      .post(`${BASE}/tags`, { data: { tag_name: 'Webinar' } })
      .reply(200, [{ status: 'success', data: WEBINAR }]);
    link(WEBINAR);
    const out = await run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Webinar' });
    expect(out).toMatchObject({ tag_id: WEBINAR.id, tag_name: 'Webinar', tag_color: '#6c757d', tag_created: true });
  });

  it('a new tag name with Create Tag If Missing = false: stops, creating and adding nothing', async () => {
    tagSearch('Webinar').reply(200, { data: [] });
    const err = await failureOf(
      run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Webinar' }, { extra: { create_tag: 'no' } }),
    );
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'NotFound', status: 404 });
    expect(err.message).toMatch(/^LunarSend has no tag named "Webinar"/);
  });

  it('an error envelope answered with HTTP 200 on the tag search is an error, and no tag is created', async () => {
    tagSearch('Lead').reply(200, {
      status: 'error',
      error: 'search_failed',
      message: 'The search index is rebuilding.',
    });
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_name: 'Lead' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'ErrorEnvelope', status: 200 });
    expect(err.message).toBe('LunarSend answered with an error: The search index is rebuilding. [search_failed]');
  });

  it('names the contact or tag on a 404', async () => {
    api().post(`${BASE}/tag/contacts`).reply(404, lunarError('not_found', 'No contact'));
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID} or tag ${TAG.id}: No contact [not_found]`);
  });

  it.each([
    ['{ status: "success" } without data', { status: 'success' }, 'data is missing'],
    [
      'a link without tag_name',
      [{ status: 'success', data: { ...TAG_LINK, tag_name: undefined } }],
      '[0].data.tag_name is missing',
    ],
    ['a link without its id', [{ status: 'success', data: { ...TAG_LINK, id: undefined } }], '[0].data.id is missing'],
  ])('a 200 answer of another shape (%s) is an unexpected answer, not a tag added', async (_name, answer, what) => {
    api().post(`${BASE}/tag/contacts`).reply(200, answer);
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'InvalidResponse' });
    expect(err.message).toBe(`LunarSend sent an answer of an unexpected shape: ${what}.`);
  });

  it('a 500 on the link may have tagged the contact: OutcomeUnknown, not retried', async () => {
    api().post(`${BASE}/tag/contacts`).reply(500, lunarError('server_error', 'Internal error'));
    const err = await failureOf(run.create(addTagToContact, { contact_id: CONTACT_ID, tag_id: TAG.id }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
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
