import { expectNothingSent, failureOf, renderKey, useNock } from '@crm-zapier/kit/testing';
import createContact from '../creates/createContact';
import { CONTACT } from './documented';
import { AUTH, BASE, USER_ID, api, lunarError, run } from './helpers';

useNock();

const input = {
  first_name: 'Joe',
  last_name: 'Doe',
  email: 'joe@example.com',
  phone: '+12025550123',
  company: 'Example Inc.',
  job_title: 'Sales Manager',
  notes: 'Interested in product demo',
  user_id: USER_ID,
};
const answer = { ...CONTACT, company: 'Example Inc.', job_title: 'Sales Manager', notes: 'Interested in product demo' };
const minimal = { first_name: 'Joe', email: 'joe@example.com' };

describe('Create Contact', () => {
  it('sends POST /contacts with every input inside the data envelope and answers a flat contact', async () => {
    api()
      .post(`${BASE}/contacts`, { data: input })
      .matchHeader('content-type', 'application/json')
      .reply(200, { status: 'success', data: answer });
    const out = await run.create(createContact, input);
    expect(out).toEqual({
      id: CONTACT.id,
      first_name: 'Joe',
      last_name: 'Doe',
      full_name: 'Joe Doe',
      email: 'joe@example.com',
      phone: '+12025550123',
      company: 'Example Inc.',
      job_title: 'Sales Manager',
      notes: 'Interested in product demo',
      user_id: CONTACT.user_id,
      owner: 'John',
      created_at: CONTACT.created_at,
      last_activity: null,
      tags: [],
      tag_ids: [],
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...createContact.operation.sample }).sort());
  });

  it('sends only the fields given, trimmed, and a phone typed as a number as text', async () => {
    api()
      .post(`${BASE}/contacts`, { data: { first_name: 'Joe', email: 'joe@example.com', phone: '12025550123' } })
      .reply(200, [{ status: 'success', data: [CONTACT] }]);
    const out = await run.create(
      createContact,
      { first_name: ' Joe ', email: 'joe@example.com', last_name: '' },
      { extra: { phone: 12025550123 } },
    );
    expect(out.id).toBe(CONTACT.id);
  });

  it('shows LunarSend’s message when the email is already used in the team (400)', async () => {
    api()
      .post(`${BASE}/contacts`)
      .reply(400, lunarError('duplicate_email', 'A contact with this email already exists'));
    const err = await failureOf(run.create(createContact, minimal));
    expect(err.message).toBe('LunarSend rejected the request: A contact with this email already exists');
  });

  it.each([
    [
      'names a field by its form label, not its API key',
      lunarError('missing_field', '"first_name" cannot be empty.'),
      'First Name cannot be empty.',
    ],
    [
      'names the owner field Owner',
      lunarError('invalid_user', '"user_id" u1 is not a member of your team.'),
      'Owner u1 is not a member of your team.',
    ],
    ['says a bare code in words', { status: 'error', error: 'duplicate_email' }, 'Duplicate email'],
  ])('LunarSend’s 400 in the user’s words (%s), without its code in brackets', async (_name, body, words) => {
    api().post(`${BASE}/contacts`).reply(400, body);
    const err = await failureOf(run.create(createContact, minimal));
    expect(err.message.endsWith(`: ${words}`)).toBe(true);
    expect(err.message).not.toMatch(/\[|_/);
  });

  it('refuses an answer with two contacts instead of guessing', async () => {
    api()
      .post(`${BASE}/contacts`)
      .reply(200, [
        { status: 'success', data: CONTACT },
        { status: 'success', data: CONTACT },
      ]);
    const err = await failureOf(run.create(createContact, minimal));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
    expect(err.message).toMatch(
      /^LunarSend accepted the request but sent an answer of an unexpected shape: .*expected exactly one item.*, so the change may or may not have been made in LunarSend\./,
    );
  });

  it('a 500 may have created the contact: OutcomeUnknown, sent once, not retried', async () => {
    api().post(`${BASE}/contacts`).reply(500, lunarError('server_error', 'Internal error'));
    const err = await failureOf(run.create(createContact, minimal));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
    expect(err.message).toMatch(/^LunarSend had a problem on its side: Internal error, so the change/);
  });

  it('does not follow a redirect (the key would go with it)', async () => {
    api().post(`${BASE}/contacts`).reply(302, '', { Location: 'https://elsewhere.example/contacts' });
    const err = await failureOf(run.create(createContact, minimal));
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'Redirect', status: 302 });
    expect(err.message).toMatch(/^LunarSend answered with a redirect to elsewhere\.example\. It was not followed/);
  });

  it.each([
    [{ email: 'joe@example.com' }, 'First Name is missing.'],
    [{ first_name: '', email: 'joe@example.com' }, 'First Name: is required.'],
    [{ first_name: 'Joe' }, 'Email is missing.'],
    [{ first_name: 'Joe', email: 'joe at example.com' }, 'Email: must be an email address.'],
    [
      { first_name: 'Joe', email: 'joe@example.com', user_id: 'a b' },
      'Owner: must be an id without spaces or slashes.',
    ],
  ])('rejects %j before any request', async (bad, message) => {
    const err = await failureOf(run.create(createContact, bad));
    expect(err.message).toBe(message);
    expectNothingSent();
  });

  it('locks per connection and email, so two runs of a find-or-create cannot both create', () => {
    const lock = createContact.operation.lock!;
    expect(lock.scope).toEqual(['auth']);
    expect(renderKey(lock.key, { inputData: minimal, authData: AUTH })).toBe(
      'lunarsend:create_contact:joe@example.com',
    );
  });
});
