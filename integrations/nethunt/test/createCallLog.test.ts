import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createCallLog from '../creates/createCallLog';
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

const path = `${BASE}/actions/create-call-log/${RECORD_ID}`;
const created = { callLogId: 'l1', createdAt: '2015-01-01T12:34:15.880Z' };
const logCall = () => run.create(createCallLog, { record_id: RECORD_ID, text: 'Short call' });

describe('Create Call Log (POST /actions/create-call-log/{recordId})', () => {
  it('sends the start time in UTC and the duration as a number of minutes, and outputs what was logged', async () => {
    api()
      .post(path, { text: "It's a call log", time: '2015-01-01T12:35:00.000Z', duration: 2.5 })
      .query({})
      .matchHeader('content-type', 'application/json')
      .reply(200, created);
    const out = await run.create(createCallLog, {
      record_id: RECORD_ID,
      text: "It's a call log",
      time: '2015-01-01T14:35:00+02:00',
      duration: 2.5,
    });
    expect(out).toEqual({
      id: 'l1',
      created_at: '2015-01-01T12:34:15.880Z',
      record_id: RECORD_ID,
      text: "It's a call log",
      time: '2015-01-01T12:35:00.000Z',
      duration: 2.5,
    });
    expectSampleKeys(createCallLog, out);
  });

  it('sends only the text when time and duration are empty', async () => {
    api().post(path, { text: 'Short call' }).reply(200, created);
    await expect(logCall()).resolves.toMatchObject({ id: 'l1', time: null, duration: null });
  });

  it("shows NetHunt's plain-text message for a 400", async () => {
    api().post(path).reply(400, 'Text is too long', TEXT);
    const err = await failureOf(logCall());
    expect(err.message).toBe('NetHunt CRM rejected the request: Text is too long');
  });

  it('reports an answer without the call log id as a broken answer', async () => {
    api().post(path).reply(200, [created]);
    const err = await failureOf(logCall());
    expect(err.message).toBe(
      'NetHunt CRM accepted the request but sent an answer of an unexpected shape: the answer: Invalid input: expected object, received array, so the change may or may not have been made in NetHunt CRM. Check in NetHunt CRM before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('takes a duration typed as text (a mapped value)', async () => {
    api().post(path, { text: 'Call', duration: 2.5 }).reply(200, created);
    await expect(
      run.create(createCallLog, { record_id: RECORD_ID, text: 'Call' }, { extra: { duration: ' 2.5 ' } }),
    ).resolves.toMatchObject({ duration: 2.5 });
  });

  it.each([
    [{ time: 'next tuesday' }, /^Call Started At: must be a date and time/],
    [{ duration: 'ten' }, /^Duration \(Minutes\): must be a number/],
    [{ duration: -3 }, /^Duration \(Minutes\): must not be negative/],
  ])('refuses %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createCallLog, { record_id: RECORD_ID, text: 'Call' }, { extra: input }));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('asks for the folder first, then the record from a dropdown linked to Find Record', () => {
    expectFolderThenRecord(createCallLog.operation.inputFields);
  });

  itRefusesUnsafeOutcomes('the call may have been logged', () => api().post(path), logCall);
});
