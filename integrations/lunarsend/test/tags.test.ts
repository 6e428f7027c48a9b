import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { TAG } from '../src/samples';
import { BASE, CONTACT_ID, api, bundle, jsonBody, keysOf, run, watchRequests } from './helpers';

useNock();

const NEW_TAG = { id: '5e2b7c1a-9d3f-4a8e-b6c0-1f4d2e7a9b35', name: 'Webinar', color: '#6c757d' };
const tagSearch = (term: string) =>
  api().get(`${BASE}/tags/search`).query({ search_term: term, query_amount: '100', page: '0' });
const link = (tagId: string) =>
  api()
    .post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: tagId })
    .matchHeader('content-type', jsonBody['content-type'])
    .reply(200, { status: 'success' });

describe('Find Tag', () => {
  it('sends GET /tags/search with the name and puts the exact name first', async () => {
    tagSearch('lead').reply(200, { data: [{ id: 't1', name: 'Leadership', color: null }, TAG] });
    const out = (await run('searches.find_tag.operation.perform', bundle({ name: 'lead' }))) as { id: string }[];
    expect(out.map((t) => t.id)).toEqual([TAG.id, 't1']);
    expect(keysOf(out[0])).toEqual(keysOf(App.searches.find_tag.operation.sample));
  });
});

describe('Create Tag', () => {
  it('sends POST /tags with { data: { name, color } }', async () => {
    api()
      .post(`${BASE}/tags`, { data: { name: 'Webinar', color: '#6c757d' } })
      .reply(200, { status: 'success', data: NEW_TAG });
    await expect(
      run('creates.create_tag.operation.perform', bundle({ name: ' Webinar ', color: '#6c757d' })),
    ).resolves.toEqual(NEW_TAG);
  });

  it.each([
    [{}, /Tag Name \(name\) is missing/],
    [{ name: 'X', color: 'green' }, /Color \(color\): must be a hex color/],
  ])('rejects %j before any request', async (bad, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run('creates.create_tag.operation.perform', bundle(bad)));
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});

describe('Add Tag to Contact', () => {
  const perform = 'creates.add_tag_to_contact.operation.perform';

  it('with a tag picked from the dropdown: one request, POST /tag/contacts { contact_id, tag_id }', async () => {
    link(TAG.id);
    const out = await run(perform, bundle({ contact_id: CONTACT_ID, tag_id: TAG.id, tag_name: 'ignored' }));
    expect(out).toEqual({
      id: CONTACT_ID,
      tag_id: TAG.id,
      tag_name: null,
      tag_color: null,
      tag_created: false,
    });
    expect(keysOf(out)).toEqual(keysOf(App.creates.add_tag_to_contact.operation.sample));
  });

  it('with an existing tag name: finds it (exact name, any case), then adds it', async () => {
    tagSearch('LEAD').reply(200, { data: [{ id: 't1', name: 'Leadership', color: null }, TAG] });
    link(TAG.id);
    await expect(
      run(perform, bundle({ contact_id: CONTACT_ID, tag_name: 'LEAD', create_tag: 'false' })),
    ).resolves.toEqual({ id: CONTACT_ID, tag_id: TAG.id, tag_name: 'Lead', tag_color: '#28a745', tag_created: false });
  });

  it('with a missing tag name: creates the tag (the default), then adds it', async () => {
    tagSearch('Webinar').reply(200, { data: [{ id: 't2', name: 'Webinar 2024', color: null }] });
    api()
      .post(`${BASE}/tags`, { data: { name: 'Webinar' } })
      .reply(200, { status: 'success', data: [NEW_TAG] });
    link(NEW_TAG.id);
    await expect(run(perform, bundle({ contact_id: CONTACT_ID, tag_name: 'Webinar' }))).resolves.toMatchObject({
      tag_id: NEW_TAG.id,
      tag_name: 'Webinar',
      tag_created: true,
    });
  });

  it('with a missing tag name and Create Tag If Missing = false: stops, creating and adding nothing', async () => {
    tagSearch('Webinar').reply(200, { data: [] });
    const err = await failureOf(
      run(perform, bundle({ contact_id: CONTACT_ID, tag_name: 'Webinar', create_tag: false })),
    );
    expect(err.message).toMatch(/^LunarSend has no tag named "Webinar"/);
  });

  it('names the contact or tag on a 404', async () => {
    api().post(`${BASE}/tag/contacts`).reply(404, { error: 'not_found', message: 'No contact' });
    const err = await failureOf(run(perform, bundle({ contact_id: CONTACT_ID, tag_id: TAG.id })));
    expect(err.message).toBe(`LunarSend could not find contact ${CONTACT_ID} or tag ${TAG.id}: No contact [not_found]`);
  });

  it.each([
    [{ contact_id: CONTACT_ID }, /pick a Tag, or fill in Tag Name/],
    [{ contact_id: CONTACT_ID, tag_name: '  ' }, /pick a Tag, or fill in Tag Name/],
    [{ tag_id: TAG.id }, /Contact \(contact_id\) is missing/],
    [{ contact_id: CONTACT_ID, tag_id: 'a b' }, /Tag \(tag_id\): must be an id/],
    [
      { contact_id: CONTACT_ID, tag_name: 'X', create_tag: 'maybe' },
      /Create Tag If Missing \(create_tag\): must be true or false/,
    ],
  ])('rejects %j before any request', async (bad, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle(bad)));
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});

describe('tag and deal dropdowns', () => {
  it('list_tags pages through /tags/search, 100 at a time', async () => {
    api()
      .get(`${BASE}/tags/search`)
      .query({ query_amount: '100', page: '1' })
      .reply(200, { data: [TAG], total_count: 101, page: 1, per_page: 100 });
    await expect(run('triggers.list_tags.operation.perform', bundle({}, { page: 1 }))).resolves.toEqual([TAG]);
  });

  it('list_deals pages through /pipeline/search with readable labels', async () => {
    api()
      .get(`${BASE}/pipeline/search`)
      .query({ query_amount: '100', page: '0' })
      .reply(200, {
        data: [{ deal_id: 'd1', company: 'Brightwave Solutions', stage: 'Proposal', deal_size: 12000 }],
      });
    await expect(run('triggers.list_deals.operation.perform', bundle())).resolves.toEqual([
      { id: 'd1', name: 'Brightwave Solutions · Proposal · 12000' },
    ]);
  });
});
