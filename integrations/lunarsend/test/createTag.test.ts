import { expectNothingSent, failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import addTagToContact from '../creates/addTagToContact';
import createTag from '../creates/createTag';
import { TAG } from './documented';
import { AUTH, BASE, api, lunarError, run } from './helpers';

useNock();

const WEBINAR = { ...TAG, id: '5e2b7c1a-9d3f-4a8e-b6c0-1f4d2e7a9b35', tag_name: 'Webinar', color: '#6c757d' };

describe('Create Tag', () => {
  it('lunarsend.md "Tags" (create tag): sends { data: { tag_name, color, user_id } } and reads the tag from [{ status, data }]', async () => {
    api()
      .post(`${BASE}/tags`, { data: { tag_name: 'Webinar', color: '#6c757d', user_id: WEBINAR.user_id } })
      .matchHeader('content-type', 'application/json')
      .reply(200, [{ status: 'success', data: WEBINAR }]);
    const out = await run.create(createTag, { name: ' Webinar ', color: '#6c757d', user_id: WEBINAR.user_id! });
    expect(out).toEqual({
      id: WEBINAR.id,
      name: 'Webinar',
      color: '#6c757d',
      user_id: WEBINAR.user_id,
      owner: 'John',
      created_at: WEBINAR.created_at,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...createTag.operation.sample }).sort());
  });

  it('shows LunarSend’s message when the name is taken (409)', async () => {
    api().post(`${BASE}/tags`).reply(409, lunarError('duplicate_tag', 'A tag with this name already exists'));
    const err = await failureOf(run.create(createTag, { name: 'Lead' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Conflict', status: 409 });
    expect(err.message).toBe('LunarSend rejected the request: A tag with this name already exists');
  });

  it('refuses a tag named `name` instead of `tag_name`', async () => {
    api()
      .post(`${BASE}/tags`)
      .reply(200, [{ status: 'success', data: { id: TAG.id, name: 'Lead' } }]);
    const err = await failureOf(run.create(createTag, { name: 'Lead' }));
    expect(err.message).toBe(
      'LunarSend accepted the request but sent an answer of an unexpected shape: [0].data.tag_name is missing, so the change may or may not have been made in LunarSend. Check in LunarSend before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('a 500 may have created the tag: OutcomeUnknown, not retried', async () => {
    api().post(`${BASE}/tags`).reply(500, lunarError('server_error', 'Internal error'));
    const err = await failureOf(run.create(createTag, { name: 'Lead' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('does not follow a redirect', async () => {
    api().post(`${BASE}/tags`).reply(302, '', { Location: 'https://elsewhere.example/tags' });
    const err = await failureOf(run.create(createTag, { name: 'Lead' }));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 302 });
  });

  it.each([
    [{}, /Tag Name is missing/],
    [{ name: 'X', color: 'green' }, /Color: must be a hex color/],
    [{ name: 'X', user_id: 'a/b' }, /Owner: must be an id/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(createTag, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('shares one connection-wide lock with Add Tag to Contact, which may create a tag too', () => {
    const lock = createTag.operation.lock!;
    expect(addTagToContact.operation.lock).toEqual(lock);
    expect(lock.scope).toEqual(['auth']);
    expect(renderKey(lock.key, { inputData: { name: 'Lead' }, authData: AUTH })).toBe('lunarsend:create_tag');
  });
});
