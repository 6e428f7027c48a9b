import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import logActivity from '../creates/logActivity';
import { allowOffContractReplies } from './contract';
import { api, COMPANY_PICKER, errorBody, fieldOf, idBody, run } from './helpers';

useNock();

describe('log_activity', () => {
  it('POSTs /crm/activities with the start in UTC and the end from the duration, and outputs it flat', async () => {
    api()
      .post('/crm/activities', {
        type: 'call',
        title: 'Intro call',
        activity_datetime: '2024-06-30T08:00:00.000Z',
        start_datetime: '2024-06-30T08:00:00.000Z',
        end_datetime: '2024-06-30T08:02:30.000Z',
        duration_seconds: 150,
        contact_id: '12345',
      })
      .reply(201, idBody('activities', '56789'));
    const out = await run.create(logActivity, {
      type: 'call',
      title: 'Intro call',
      start: '2024-06-30T10:00:00+02:00',
      duration_minutes: 2.5,
      contact_id: '12345',
    });
    expect(Object.keys(out)).toEqual(Object.keys(logActivity.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '56789',
      type: 'call',
      start_datetime: '2024-06-30T08:00:00.000Z',
      end_datetime: '2024-06-30T08:02:30.000Z',
      duration_seconds: 150,
      done: null,
      created_at: null,
    });
  });

  it("shows an unsupported operation as Apideck's error, saying the CRM does not support it", async () => {
    api()
      .post('/crm/activities')
      .reply(
        400,
        errorBody(400, 'ConnectorOperationUnsupportedError', 'Operation not supported', 'Activities are not supported'),
      );
    const err = await failureOf(run.create(logActivity, { type: 'call' }));
    expect(err.message).toBe(
      'Apideck rejected the request: Operation not supported — Activities are not supported. The connected CRM does not support this through Apideck',
    );
  });

  it('an id that is an object is a clear error', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/activities')
      .reply(201, { status_code: 201, status: 'Created', data: { id: { value: 1 } } });
    const err = await failureOf(run.create(logActivity, { type: 'call' }));
    expect(err.message).toMatch(
      /^Apideck accepted the request but sent an answer of an unexpected shape: data\.id.*, so the change may or may not have been made in Apideck\./,
    );
  });

  it('refuses an unknown type, a negative duration or a date that is none before any request', async () => {
    const type = await failureOf(run.create(logActivity, { type: 'fax' }));
    expect(type.message).toBe('Activity Type: must be one of call, meeting or email.');
    const duration = await failureOf(run.create(logActivity, { type: 'call', duration_minutes: -1 }));
    expect(duration.message).toMatch(/must not be negative/);
    const start = await failureOf(run.create(logActivity, { type: 'call', start: 'yesterday' }));
    expect(start.message).toBe('Date and Time: must be a date and time (ISO 8601, e.g. 2024-05-01T14:30:00Z).');
    expectNothingSent();
  });

  it('a 500 after the POST is OutcomeUnknown, and the POST is not sent again', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/activities')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(logActivity, { type: 'call' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().post('/crm/activities').reply(302, '', { Location: 'https://elsewhere.example/crm/activities' });
    const err = await failureOf(run.create(logActivity, { type: 'call' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('logActivity in the Zap editor', () => {
  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(logActivity, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });

  it('Contact is picked by name and email, with a Find Contact step beside it', () => {
    expect(fieldOf(logActivity, 'contact_id')).toMatchObject({
      label: 'Contact',
      dynamic: 'list_contacts.id.name',
      search: 'find_contact.id',
    });
  });
});
