import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { api, bundle, idBody, run } from './helpers';

useNock();

describe('create_note', () => {
  it('POSTs the note with its links', async () => {
    api()
      .post('/crm/notes', {
        content: 'Office hours are 9AM-6PM',
        title: 'Meeting Notes',
        contact_id: '12345',
        opportunity_id: '34567',
      })
      .reply(201, idBody('notes', '45'));
    const result = await run(
      'creates.create_note.operation.perform',
      bundle({
        content: 'Office hours are 9AM-6PM',
        title: 'Meeting Notes',
        contact_id: '12345',
        opportunity_id: '34567',
        company_id: '',
      }),
    );
    expect(result).toMatchObject({ id: '45', note_id: '45', content: 'Office hours are 9AM-6PM', company_id: null });
    expect(Object.keys(result as object).sort()).toEqual(
      Object.keys(App.creates!.create_note!.operation.sample!).sort(),
    );
  });

  it('requires content before any request', async () => {
    const err = await failureOf(run('creates.create_note.operation.perform', bundle({ title: 'Empty' })));
    expect(err.message).toMatch(/Content \(content\)/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('log_activity', () => {
  it('POSTs the activity in UTC with its duration in seconds and the end time', async () => {
    api()
      .post('/crm/activities', {
        type: 'call',
        title: 'Intro call',
        activity_datetime: '2024-05-01T12:30:00.000Z',
        start_datetime: '2024-05-01T12:30:00.000Z',
        end_datetime: '2024-05-01T12:32:30.000Z',
        duration_seconds: 150,
        contact_id: '12345',
      })
      .reply(201, idBody('activities', '56'));
    const result = await run(
      'creates.log_activity.operation.perform',
      bundle({
        type: 'call',
        title: 'Intro call',
        start: '2024-05-01T14:30:00+02:00',
        duration_minutes: '2.5',
        contact_id: '12345',
      }),
    );
    expect(result).toMatchObject({ id: '56', type: 'call', duration_seconds: 150 });
    expect(Object.keys(result as object).sort()).toEqual(
      Object.keys(App.creates!.log_activity!.operation.sample!).sort(),
    );
  });

  it('rejects an unknown type, a bad date or a negative duration before any request', async () => {
    for (const [input, message] of [
      [{ type: 'lunch' }, /Activity Type \(type\)/],
      [{ type: 'call', start: 'yesterday-ish' }, /Date and Time \(start\): must be a date and time/],
      [{ type: 'call', duration_minutes: -5 }, /Duration \(Minutes\) \(duration_minutes\): must not be negative/],
    ] as const) {
      const err = await failureOf(run('creates.log_activity.operation.perform', bundle(input)));
      expect(err.message).toMatch(message);
    }
    expect(nock.pendingMocks()).toEqual([]);
  });
});
