import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import linkGmailThread from '../creates/linkGmailThread';
import {
  BASE,
  RECORD_ID,
  TEXT,
  api,
  expectSampleKeys,
  expectFolderThenRecord,
  itRefusesUnsafeOutcomes,
  run,
} from './helpers';

useNock();

const path = `${BASE}/actions/link-gmail-thread/${RECORD_ID}`;
const link = (gmail_thread: string) => run.create(linkGmailThread, { record_id: RECORD_ID, gmail_thread });

describe('Add Gmail Thread to Record (POST /actions/link-gmail-thread/{recordId})', () => {
  it('posts the thread id and outputs whatever the (undocumented) answer holds', async () => {
    api()
      .post(path, { gmailThreadId: '1234567890abcdef' })
      .query({})
      .matchHeader('content-type', 'application/json')
      .reply(200, { linkedAt: '2024-05-01T10:00:00.000Z', thread: { subject: 'Hello' } });
    const out = await link('1234567890abcdef');
    expect(out).toEqual({
      id: RECORD_ID,
      gmail_thread_id: '1234567890abcdef',
      linked_at: '2024-05-01T10:00:00.000Z',
      thread__subject: 'Hello',
    });
    expectSampleKeys(linkGmailThread, out);
  });

  it.each([
    ['a Gmail URL', 'https://mail.google.com/mail/u/0/#inbox/17c0a5f4e3d2b1a0', '17c0a5f4e3d2b1a0'],
    [
      'a Gmail URL under a label',
      'https://mail.google.com/mail/u/1/#label/Clients%2FVIP/17c0a5f4e3d2b1a0',
      '17c0a5f4e3d2b1a0',
    ],
    ['an old Gmail URL with ?th=', 'https://mail.google.com/mail/u/0/?ui=2&th=17c0a5f4e3d2b1a0', '17c0a5f4e3d2b1a0'],
    [
      'a thread-f URL (decimal id)',
      'https://mail.google.com/mail/u/0/#inbox/thread-f:1711550329613627808',
      '17c0a5f4e3d2b1a0',
    ],
  ])('takes %s and sends the thread id', async (_what, given, sent) => {
    api().post(path, { gmailThreadId: sent }).reply(200, {});
    await expect(link(given)).resolves.toEqual({ id: RECORD_ID, gmail_thread_id: sent });
  });

  it("shows NetHunt's plain-text error for a thread that does not exist", async () => {
    api().post(path).reply(400, 'Gmail thread not found', TEXT);
    const err = await failureOf(link('1234567890abcdef'));
    expect(err.message).toBe('NetHunt CRM rejected the request: Gmail thread not found');
  });

  it.each([
    ['an empty body', ''],
    ['JSON that is not an object', '[]'],
  ])('reads %s with a 2xx as linked, never as a failure the user would run again', async (_what, body) => {
    api().post(path).reply(200, body, { 'Content-Type': 'application/json' });
    await expect(link('1234567890abcdef')).resolves.toEqual({
      id: RECORD_ID,
      gmail_thread_id: '1234567890abcdef',
    });
  });

  it('takes a Gmail address whose fragment holds a stray % as it is, instead of crashing', async () => {
    const err = await failureOf(link('https://mail.google.com/mail/u/0/#inbox/%zz'));
    expect(err.message).toMatch(/^Gmail Thread/);
    expectNothingSent();
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://example.com/#inbox/17c0a5f4e3d2b1a0',
    'thread 17c0',
    '..',
  ])('refuses %j before any request, naming the field', async (given) => {
    const err = await failureOf(link(given));
    expect(err.message).toBe(
      'Gmail Thread: must be a Gmail thread ID (like 1234567890abcdef) or the address of a thread opened in Gmail.',
    );
    expectNothingSent();
  });

  it('asks for the folder first, then the record from a dropdown linked to Find Record', () => {
    expectFolderThenRecord(linkGmailThread.operation.inputFields);
  });

  itRefusesUnsafeOutcomes(
    'the thread may have been linked',
    () => api().post(path),
    () => link('1234567890abcdef'),
  );
});
