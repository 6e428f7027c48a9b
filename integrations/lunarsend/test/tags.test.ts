import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { TAG, TAG_LINK } from '../src/samples';
import { BASE, CONTACT_ID, api, bundle, jsonBody, keysOf, run, watchRequests } from './helpers';

useNock();

/** Tags as create-tag and search-tag answer them (lunarsend.md, "Tags"): `tag_name`, not `name`. */
const NEW_TAG = { ...TAG, id: '5e2b7c1a-9d3f-4a8e-b6c0-1f4d2e7a9b35', tag_name: 'Webinar', color: '#6c757d' };
const LEADERSHIP = { ...TAG, id: 't1', tag_name: 'Leadership', color: null };
const tagSearch = (term: string) =>
  api().get(`${BASE}/tags/search`).query({ search_term: term, search_by: 'tag_name', query_amount: '100', page: '0' });
/** The documented link answer, `[{ status: "success", data: { id, tag_id, contact_id, created_at, tag_name, user_id, owner } }]`. */
const linkAnswer = (tag: { id: string; tag_name: string }) => [
  { status: 'success', data: { ...TAG_LINK, tag_id: tag.id, tag_name: tag.tag_name } },
];
const link = (tag: { id: string; tag_name: string }) =>
  api()
    .post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: tag.id })
    .matchHeader('content-type', jsonBody['content-type'])
    .reply(200, linkAnswer(tag));

describe('Find Tag', () => {
  it('lunarsend.md "Tags" (search tags): sends search_by=tag_name, reads tag_name, and puts the exact name first', async () => {
    tagSearch('lead').reply(200, { data: [LEADERSHIP, TAG], total_count: 2, page: 0, per_page: 100 });
    const out = (await run('searches.find_tag.operation.perform', bundle({ name: 'lead' }))) as {
      id: string;
      name: string;
    }[];
    expect(out.map((t) => [t.id, t.name])).toEqual([
      [TAG.id, 'Lead'],
      ['t1', 'Leadership'],
    ]);
    expect(keysOf(out[0])).toEqual(keysOf(App.searches.find_tag.operation.sample));
  });

  it('lunarsend.md "Tags": a tag search item with `name` and no `tag_name` is an unexpected answer', async () => {
    tagSearch('Lead').reply(200, { data: [{ id: TAG.id, name: 'Lead', color: '#28a745' }] });
    const err = await failureOf(run('searches.find_tag.operation.perform', bundle({ name: 'Lead' })));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].tag_name is missing.');
  });
});

describe('Create Tag', () => {
  it('lunarsend.md "Tags" (create tag): sends { data: { tag_name, color } } and reads the tag from [{ status, data }]', async () => {
    api()
      .post(`${BASE}/tags`, { data: { tag_name: 'Webinar', color: '#6c757d' } })
      .matchHeader('content-type', jsonBody['content-type'])
      .reply(200, [{ status: 'success', data: NEW_TAG }]);
    await expect(
      run('creates.create_tag.operation.perform', bundle({ name: ' Webinar ', color: '#6c757d' })),
    ).resolves.toEqual({
      id: NEW_TAG.id,
      name: 'Webinar',
      color: '#6c757d',
      user_id: NEW_TAG.user_id,
      owner: 'John',
      created_at: NEW_TAG.created_at,
    });
  });

  it.each([
    [{}, /Tag Name \(name\) is missing/],
    [{ name: 'X', color: 'green' }, /Color \(color\): must be a hex color/],
    [{ name: 'X', user_id: 'a/b' }, /Owner \(user_id\): must be an id/],
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

  it('lunarsend.md "Tags" (link tag to contact): a tag picked from the dropdown, one request; the output is the link answer, its tag_name included', async () => {
    link(TAG);
    const out = await run(perform, bundle({ contact_id: CONTACT_ID, tag_id: TAG.id, tag_name: 'ignored' }));
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
    expect(keysOf(out)).toEqual(keysOf(App.creates.add_tag_to_contact.operation.sample));
  });

  it.each([
    ['{ status: "success" } without data', { status: 'success' }, /data is missing/],
    [
      'a link without tag_name',
      [{ status: 'success', data: { ...TAG_LINK, tag_name: undefined } }],
      /data\.tag_name is missing/,
    ],
    ['a link without its id', [{ status: 'success', data: { ...TAG_LINK, id: undefined } }], /data\.id is missing/],
  ])(
    'lunarsend.md "Tags" (link tag to contact): a 200 answer of another shape (%s) is an unexpected answer, not a tag added',
    async (_name, answer, message) => {
      api().post(`${BASE}/tag/contacts`, { contact_id: CONTACT_ID, tag_id: TAG.id }).reply(200, answer);
      const err = await failureOf(run(perform, bundle({ contact_id: CONTACT_ID, tag_id: TAG.id })));
      expect(JSON.parse(err.raw)).toMatchObject({ code: 'InvalidResponse' });
      expect(err.message).toMatch(/^LunarSend sent an answer of an unexpected shape: /);
      expect(err.message).toMatch(message);
    },
  );

  it('with an existing tag name: finds it by tag_name (exact name, any case), then adds it', async () => {
    tagSearch('LEAD').reply(200, { data: [LEADERSHIP, TAG] });
    link(TAG);
    await expect(
      run(perform, bundle({ contact_id: CONTACT_ID, tag_name: 'LEAD', create_tag: 'false' })),
    ).resolves.toMatchObject({
      id: CONTACT_ID,
      tag_id: TAG.id,
      tag_name: 'Lead',
      tag_color: '#28a745',
      tag_created: false,
    });
  });

  it('with a missing tag name: creates the tag with { data: { tag_name } } (the default), then adds it', async () => {
    tagSearch('Webinar').reply(200, { data: [{ ...LEADERSHIP, id: 't2', tag_name: 'Webinar 2024' }] });
    api()
      .post(`${BASE}/tags`, { data: { tag_name: 'Webinar' } })
      .reply(200, [{ status: 'success', data: NEW_TAG }]);
    link(NEW_TAG);
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
  it('lunarsend.md "Tags" (search tags): list_tags pages through /tags/search, 100 at a time, named by tag_name', async () => {
    api()
      .get(`${BASE}/tags/search`)
      .query({ query_amount: '100', page: '1' })
      .reply(200, { data: [TAG], total_count: 101, page: 1, per_page: 100 });
    await expect(run('triggers.list_tags.operation.perform', bundle({}, { page: 1 }))).resolves.toEqual([
      expect.objectContaining({ id: TAG.id, name: 'Lead', color: '#28a745' }),
    ]);
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
