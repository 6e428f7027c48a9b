import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findTag from '../searches/findTag';
import { TAG } from './documented';
import { BASE, api, lunarError, run } from './helpers';

useNock();

const LEADERSHIP = { ...TAG, id: 't1', tag_name: 'Leadership', color: null };
const search = (term: string) =>
  api().get(`${BASE}/tags/search`).query({ search_term: term, search_by: 'tag_name', query_amount: '100', page: '0' });

describe('Find Tag', () => {
  it('lunarsend.md "Tags" (search tags): sends search_by=tag_name, reads tag_name, and puts the exact name first', async () => {
    search('lead').reply(200, { data: [LEADERSHIP, TAG], total_count: 2, page: 0, per_page: 100 });
    const out = await run.search(findTag, { name: 'lead' });
    expect(out).toEqual([
      { id: TAG.id, name: 'Lead', color: '#28a745', user_id: TAG.user_id, owner: 'John', created_at: TAG.created_at },
      { id: 't1', name: 'Leadership', color: null, user_id: TAG.user_id, owner: 'John', created_at: TAG.created_at },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...findTag.operation.sample }).sort());
  });

  it('shows LunarSend’s message on a 401, asking to reconnect', async () => {
    search('Lead').reply(401, lunarError('unauthorized', 'Missing or invalid API key.'));
    const err = await failureOf(run.search(findTag, { name: 'Lead' }));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(
      /^LunarSend did not accept your API key \(Missing or invalid API key\.\)\. Check them and reconnect/,
    );
  });

  it('lunarsend.md "Tags": a tag search item with `name` and no `tag_name` is an unexpected answer', async () => {
    search('Lead').reply(200, { data: [{ id: TAG.id, name: 'Lead', color: '#28a745' }] });
    const err = await failureOf(run.search(findTag, { name: 'Lead' }));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].tag_name is missing.');
  });

  it.each([
    [{}, /Tag Name is missing/],
    [{ name: ' ' }, /Tag Name: is required/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.search(findTag, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
