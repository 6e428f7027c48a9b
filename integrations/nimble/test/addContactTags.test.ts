import { expectNothingSent, failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import addContactTags from '../creates/addContactTags';
import { CONTACT } from '../src/samples';
import {
  CONTACT_ID,
  FLAT_CONTACT,
  api,
  contactFieldsMeta,
  expectWriteSafety,
  offContract,
  runner,
  staticKeys,
  useEnv,
} from './helpers';

useNock();
useEnv();
const run = runner();
// The drop-down labels of the contact output (read once, then kept in the runner's z.cache).
beforeEach(() => contactFieldsMeta());

const TAGGED = { ...CONTACT, tags: ['webinar lead', 'VIP', 'speaker'] };

describe('Add Tags to Contact (add_contact_tags)', () => {
  it("nimble.md §1b: reads the contact's tags, then sets them with the new ones added once; the contact answered is the output (2 requests)", async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, {
        resources: [
          {
            ...CONTACT,
            tags: [
              { tag: 'webinar lead', id: 't1' },
              { tag: 'VIP', id: 't2' },
            ],
          },
        ],
      });
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['webinar lead', 'VIP', 'speaker'] })
      .matchHeader('content-type', 'application/json')
      .reply(200, TAGGED);
    const out = await run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['vip', ' speaker ', 'speaker'] });
    expect(out).toEqual({ ...FLAT_CONTACT, tags: ['webinar lead', 'VIP', 'speaker'] });
    expect(staticKeys(out)).toEqual(Object.keys(addContactTags.operation.sample ?? {}));
  });

  it("nimble.md §1b: on the legacy docs' {} answer, outputs the contact read before with the tags set (no third request)", async () => {
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [CONTACT] });
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['webinar lead', 'speaker'] })
      .reply(200, {});
    const out = await run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['speaker'] });
    expect(out).toEqual({ ...FLAT_CONTACT, tags: ['webinar lead', 'speaker'] });
  });

  it('replaces the tags in one request when asked to (the contact answered)', async () => {
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['lead'] })
      .reply(200, { ...CONTACT, tags: ['lead'] });
    expect(await run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['lead'], mode: 'replace' })).toEqual({
      ...FLAT_CONTACT,
      tags: ['lead'],
    });
  });

  it("nimble.md §1b: Replace on the legacy docs' {} answer reads the contact back for the output (2 requests)", async () => {
    api()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`, { tags: ['lead'] })
      .reply(200, {});
    api()
      .get(`/api/v1/contact/${CONTACT_ID}`)
      .reply(200, { resources: [{ ...CONTACT, tags: [{ tag: 'lead', id: 't9' }] }] });
    const out = await run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['lead'], mode: 'replace' });
    expect(out).toEqual({ ...FLAT_CONTACT, tags: ['lead'] });
  });

  it('names the contact Nimble could not find', async () => {
    api().get(`/api/v1/contact/${CONTACT_ID}`).reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['x'] }));
    expect(err.message).toBe(
      'Nimble could not find this contact: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .put(`/api/v1/contacts/${CONTACT_ID}/tags`)
      .reply(200, { id: CONTACT_ID, tags: ['lead'] });
    const err = await failureOf(
      run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['lead'], mode: 'replace' }),
    );
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: fields is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().put(`/api/v1/contacts/${CONTACT_ID}/tags`),
      () => run.create(addContactTags, { contact_id: CONTACT_ID, tags: ['lead'], mode: 'replace' }),
    );
  });

  it.each([
    [{ contact_id: CONTACT_ID, tags: ['  '] }, /Tags: needs at least one tag/],
    [{ contact_id: 'a/b', tags: ['x'] }, /Contact: must be an id/],
    [{ contact_id: CONTACT_ID, tags: ['x'], mode: 'merge' }, /Existing Tags/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(addContactTags, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it("locks per connection and contact, so two runs adding tags to one contact cannot drop each other's", () => {
    const lock = addContactTags.operation.lock!;
    expect(lock.scope).toEqual(['auth']);
    expect(renderKey(lock.key, { inputData: { contact_id: CONTACT_ID, tags: ['lead'] } })).toBe(
      `nimble:contact_tags:${CONTACT_ID}`,
    );
  });
});
