import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findContactById from '../searches/findContactById';
import findContact from '../searches/findContact';
import { CONTACT, DOCUMENTED, TAG } from './documented';
import { BASE, CONTACT_ID, api, lunarError, run } from './helpers';

useNock();

const OTHER_CONTACT_ID = '2f6e1b9c-4a3d-4c8e-9b7a-0d1e2f3a4b5c';
const get = (id = CONTACT_ID) => api().get(`${BASE}/contacts`).query({ id });
/** `GET /contacts/tags?id=` for the documented contact: `tag_id`, `tag_name`. */
const tagsOf = () => api().get(`${BASE}/contacts/tags`).query({ id: CONTACT_ID });

describe('Find Contact by ID', () => {
  it('lunarsend.md "Contacts" (get, contact\'s tags): GET /contacts?id=, then GET /contacts/tags?id=; answers the contact and its tags with Find Contact’s keys', async () => {
    get().reply(200, [{ success: true, id: CONTACT_ID, data: CONTACT }]);
    tagsOf().reply(200, DOCUMENTED.contactTags);
    const out = await run.search(findContactById, { contact_id: CONTACT_ID });
    expect(out).toEqual([
      {
        id: CONTACT_ID,
        first_name: 'Joe',
        last_name: 'Doe',
        full_name: 'Joe Doe',
        email: 'joe@example.com',
        phone: '+12025550123',
        company: null,
        job_title: null,
        notes: '',
        user_id: CONTACT.user_id,
        owner: 'John',
        created_at: CONTACT.created_at,
        last_activity: null,
        tags: ['Lead'],
        tag_ids: [TAG.id],
      },
    ]);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys({ ...findContact.operation.sample }).sort());
  });

  it('finds the contact when LunarSend writes its id in another case (a uuid is the same id)', async () => {
    get(CONTACT_ID.toUpperCase()).reply(200, [{ success: true, id: CONTACT_ID, data: CONTACT }]);
    tagsOf().reply(200, [{ status: 'success', id: CONTACT_ID, data: [] }]);
    const out = await run.search(findContactById, { contact_id: CONTACT_ID.toUpperCase() });
    expect(out.map((c) => c.id)).toEqual([CONTACT_ID]);
  });

  it('finds nothing when the answer holds another contact (never a contact with another id)', async () => {
    get().reply(200, [{ success: true, id: CONTACT_ID, data: { ...CONTACT, id: OTHER_CONTACT_ID } }]);
    await expect(run.search(findContactById, { contact_id: CONTACT_ID })).resolves.toEqual([]);
  });

  it('a contact without tags: empty lists (data [] or null)', async () => {
    get().reply(200, [{ success: true, id: CONTACT_ID, data: CONTACT }]);
    tagsOf().reply(200, [{ status: 'success', id: CONTACT_ID, data: null }]);
    const [out] = await run.search(findContactById, { contact_id: CONTACT_ID });
    expect(out).toMatchObject({ id: CONTACT_ID, tags: [], tag_ids: [] });
  });

  it('a contact deleted between the two reads (404 on its tags) is nothing found', async () => {
    get().reply(200, [{ success: true, id: CONTACT_ID, data: CONTACT }]);
    tagsOf().reply(404, lunarError('not_found', 'No contact'));
    await expect(run.search(findContactById, { contact_id: CONTACT_ID })).resolves.toEqual([]);
  });

  it('finds nothing (an empty list, not an error) when LunarSend answers 404', async () => {
    get().reply(404, lunarError('not_found', 'No contact'));
    await expect(run.search(findContactById, { contact_id: CONTACT_ID })).resolves.toEqual([]);
  });

  it('still fails on other errors, with LunarSend’s message (403)', async () => {
    get().reply(403, lunarError('forbidden', 'No access'));
    const err = await failureOf(run.search(findContactById, { contact_id: CONTACT_ID }));
    expect(err.message).toMatch(
      /^LunarSend refused access: No access\. Check that the user you connected with may do this in LunarSend\.$/,
    );
  });

  it('refuses an answer whose contact has no id', async () => {
    get().reply(200, [{ success: true, data: { ...CONTACT, id: undefined } }]);
    const err = await failureOf(run.search(findContactById, { contact_id: CONTACT_ID }));
    expect(err.message).toBe('LunarSend sent an answer of an unexpected shape: [0].data.id is missing.');
  });

  it.each([
    [{ contact_id: 'x/y' }, /Contact: must be an id/],
    [{}, /Contact is missing/],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.search(findContactById, bad));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
