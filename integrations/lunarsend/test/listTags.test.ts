import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listTags from '../triggers/listTags';
import { TAG } from './documented';
import { BASE, api, lunarError, runDropdown } from './helpers';

useNock();

const page = (n: number) =>
  api()
    .get(`${BASE}/tags/search`)
    .query({ query_amount: '100', page: String(n) });

describe('List Tags (the tag dropdown)', () => {
  it('lunarsend.md "Tags" (search tags): pages through /tags/search, 100 at a time, named by tag_name', async () => {
    page(1).reply(200, { data: [TAG], total_count: 101, page: 1, per_page: 100 });
    const out = await runDropdown(listTags, { page: 1 });
    expect(out).toEqual([
      { id: TAG.id, name: 'Lead', color: '#28a745', user_id: TAG.user_id, owner: 'John', created_at: TAG.created_at },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...listTags.operation.sample }).sort());
  });

  it('shows LunarSend’s message on a 403', async () => {
    page(0).reply(403, lunarError('forbidden', 'Tags are disabled for this team'));
    const err = await failureOf(runDropdown(listTags));
    expect(err.message).toMatch(/^LunarSend refused access: Tags are disabled for this team/);
  });

  it('refuses a tag named `name` instead of `tag_name`', async () => {
    page(0).reply(200, { data: [{ id: TAG.id, name: 'Lead' }] });
    const err = await failureOf(runDropdown(listTags));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: data[0].tag_name is missing.');
  });
});
