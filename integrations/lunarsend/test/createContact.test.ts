import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { CONTACT } from '../src/samples';
import { AUTH, BASE, USER_ID, api, bundle, jsonBody, keysOf, run, watchRequests } from './helpers';

useNock();

const perform = 'creates.create_contact.operation.perform';
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

describe('Create Contact', () => {
  it('sends POST /contacts with every input inside the data envelope and answers a flat contact', async () => {
    api()
      .post(`${BASE}/contacts`, { data: input })
      .matchHeader('content-type', jsonBody['content-type'])
      .reply(200, { status: 'success', data: answer });
    const out = await run(perform, bundle(input));
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
    expect(keysOf(out)).toEqual(keysOf(App.creates.create_contact.operation.sample));
    // Find Contact and Create Contact are paired: the same output keys either way.
    expect(keysOf(out)).toEqual(keysOf(App.searches.find_contact.operation.sample));
  });

  it('sends only the fields given (empty ones are left out) and trims them', async () => {
    api()
      .post(`${BASE}/contacts`, { data: { first_name: 'Joe', email: 'joe@example.com' } })
      .reply(200, { status: 'success', data: CONTACT });
    await run(perform, bundle({ first_name: ' Joe ', email: 'joe@example.com', last_name: '', phone: null }));
  });

  it('sends a phone typed as a number as text', async () => {
    api()
      .post(`${BASE}/contacts`, { data: { first_name: 'Joe', email: 'joe@example.com', phone: '12025550123' } })
      .reply(200, { status: 'success', data: CONTACT });
    await run(perform, bundle({ first_name: 'Joe', email: 'joe@example.com', phone: 12025550123 }));
  });

  it.each([
    ['the answer wrapped in an array', [{ status: 'success', data: CONTACT }]],
    ['data as a one-element array', { status: 'success', data: [CONTACT] }],
  ])('accepts %s', async (_name, body) => {
    api().post(`${BASE}/contacts`).reply(200, body);
    const out = (await run(perform, bundle({ first_name: 'Joe', email: 'joe@example.com' }))) as { id: string };
    expect(out.id).toBe(CONTACT.id);
  });

  it('refuses an answer with two contacts instead of guessing', async () => {
    api()
      .post(`${BASE}/contacts`)
      .reply(200, [
        { status: 'success', data: CONTACT },
        { status: 'success', data: CONTACT },
      ]);
    const err = await failureOf(run(perform, bundle({ first_name: 'Joe', email: 'joe@example.com' })));
    expect(err.message).toMatch(/^LunarSend sent an answer of an unexpected shape/);
  });

  it('shows LunarSend’s message when the email is already used in the team (400)', async () => {
    api()
      .post(`${BASE}/contacts`)
      .reply(400, { error: 'duplicate_email', message: 'A contact with this email already exists' });
    const err = await failureOf(run(perform, bundle({ first_name: 'Joe', email: 'joe@example.com' })));
    expect(err.message).toBe(
      'LunarSend rejected the request (HTTP 400): A contact with this email already exists [duplicate_email]',
    );
    expect(err.raw).not.toContain(AUTH.api_key);
  });

  it.each([
    [{ email: 'joe@example.com' }, /First Name \(first_name\) is missing/],
    [{ first_name: '', email: 'joe@example.com' }, /First Name \(first_name\)/],
    [{ first_name: 'Joe' }, /Email \(email\) is missing/],
    [{ first_name: 'Joe', email: 'joe at example.com' }, /Email \(email\): must be an email address/],
    [{ first_name: 'Joe', email: 'joe@example.com', user_id: 'a b' }, /Owner \(user_id\): must be an id/],
  ])('rejects %j before any request', async (bad, message) => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle(bad)));
      expect(err.message).toMatch(/^Please check your input: /);
      expect(err.message).toMatch(message);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
