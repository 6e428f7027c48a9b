import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createTask from '../creates/createTask';
import { LEGACY_TASK, MYSELF, TASK } from '../src/samples';
import { AUTH, CONTACT_ID, USER_ID, api, expectWriteSafety, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
/** A connection that stored its user's id (every connection made since that was added). */
const run = runner({ ...AUTH, user_id: USER_ID });
/** Another user of the account, picked as the assignee. */
const COLLEAGUE = TASK.assigned_to.user_id;

describe('Create Task (create_task)', () => {
  it('nimble.md §9.1: posts to /api/v1/tasks with related.contacts and the due date at the offset of the Zap time zone', async () => {
    api()
      .post('/api/v1/tasks', {
        subject: 'Send the quote',
        notes: 'Include the discount.',
        due_date: '2024-05-03T05:00:00-04:00',
        assigned_to: COLLEAGUE,
        is_important: true,
        related: { contacts: [CONTACT_ID] },
      })
      .matchHeader('content-type', 'application/json')
      .reply(201, TASK);
    const out = await run.create(
      createTask,
      {
        subject: 'Send the quote',
        notes: 'Include the discount.',
        due_date: '2024-05-03T11:00:00+02:00',
        assigned_to: COLLEAGUE,
        contact_ids: [CONTACT_ID],
      },
      // Zapier's boolean fields send text.
      { extra: { is_important: 'yes' }, meta: { timezone: 'America/New_York' } },
    );
    expect(out).toEqual({
      id: TASK.id,
      subject: 'Send the quote',
      notes: 'Include the volume discount.',
      due_date: TASK.due_date,
      completed: false,
      is_important: false,
      owner_id: USER_ID,
      assigned_to_id: COLLEAGUE,
      assigned_to_name: 'Priya Natarajan',
      contact_ids: [CONTACT_ID],
      contact_names: ['Maria Lopez'],
      tags: [],
      created: TASK.created,
      updated: TASK.updated,
    });
    expect(Object.keys(out)).toEqual(Object.keys(createTask.operation.sample ?? {}));
  });

  it.each([
    ['Europe/Berlin', '2024-05-03', '2024-05-03T09:00:00+02:00'],
    ['America/Los_Angeles', '2024-12-03', '2024-12-03T09:00:00-08:00'],
    [null, '2024-05-03', '2024-05-03T09:00:00+00:00'],
    ['Asia/Tokyo', '2024-05-03T18:30', '2024-05-03T18:30:00+09:00'],
    [null, '2024-05-03T11:00:00Z', '2024-05-03T11:00:00+00:00'],
  ])(
    'nimble.md §9.1: in time zone %s, a due date of %s is sent as %s (a date alone: 09:00)',
    async (timezone, given, sent) => {
      api().post('/api/v1/tasks', { subject: 'Call back', due_date: sent, assigned_to: USER_ID }).reply(201, TASK);
      await run.create(createTask, { subject: 'Call back', due_date: given }, { meta: { timezone } });
    },
  );

  it.each([
    [404, { message: 'Not found' }],
    [405, { message: 'Method not allowed' }],
  ])(
    'nimble.md §9.1: without /api/v1/tasks (%i), posts once to /api/v1/activities/task with related_to, its own body',
    async (status, body) => {
      api().post('/api/v1/tasks').reply(status, body);
      api()
        .post('/api/v1/activities/task', {
          subject: 'Send the quote',
          notes: 'Include the volume discount.',
          due_date: '2024-05-03T09:00:00+02:00',
          related_to: [CONTACT_ID],
        })
        .reply(200, LEGACY_TASK);
      const out = await run.create(
        createTask,
        {
          subject: 'Send the quote',
          notes: 'Include the volume discount.',
          due_date: '2024-05-03',
          contact_ids: [CONTACT_ID],
        },
        { meta: { timezone: 'Europe/Berlin' } },
      );
      expect(out).toMatchObject({
        id: LEGACY_TASK.id,
        due_date: LEGACY_TASK.due_date,
        contact_ids: [CONTACT_ID],
        contact_names: [],
      });
    },
  );

  it('nimble.md §9.1: a 404 naming the missing contact is that error, not a missing endpoint: no second request', async () => {
    api().post('/api/v1/tasks').reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(run.create(createTask, { subject: 'Call back', contact_ids: [CONTACT_ID] }));
    expect(err.message).toBe(
      'Nimble could not find this contact: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it('nimble.md §9.1: refuses another assignee or importance the legacy endpoint does not take, by their labels, before creating', async () => {
    api().post('/api/v1/tasks').reply(404, { message: 'Not found' });
    const err = await failureOf(
      run.create(createTask, { subject: 'Call back', assigned_to: COLLEAGUE, is_important: true }),
    );
    expect(err.message).toBe(
      'Assignee and Important: in this Nimble account, tasks made through Zapier are always yours and never marked important. Leave them empty. No task was created.',
    );
  });

  it('nimble.md §9.1: the connected user picked as Assignee is what the legacy endpoint does anyway: the task is made', async () => {
    api()
      .post('/api/v1/tasks', { subject: 'Call back', assigned_to: USER_ID })
      .reply(405, { message: 'Method not allowed' });
    api().post('/api/v1/activities/task', { subject: 'Call back' }).reply(200, LEGACY_TASK);
    const out = await run.create(createTask, { subject: 'Call back', assigned_to: USER_ID });
    expect(out).toMatchObject({ id: LEGACY_TASK.id });
  });

  it('Assignee left empty (or mapped blank) is the connected user; a connection without a stored user id asks /myself once', async () => {
    api().get('/api/v1/myself').reply(200, MYSELF);
    api().post('/api/v1/tasks', { subject: 'Call back', assigned_to: USER_ID }).reply(201, TASK);
    await runner().create(createTask, { subject: 'Call back', assigned_to: ' ', notes: '' });
  });

  it('Assignee is a dropdown of users labelled by name, not a typed user id', () => {
    const field = createTask.operation.inputFields?.find((f) => 'key' in f && f.key === 'assigned_to');
    expect(field).toMatchObject({ label: 'Assignee', dynamic: 'list_users.id.name' });
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().post('/api/v1/tasks').reply(201, { id: TASK.id });
    const err = await failureOf(run.create(createTask, { subject: 'Call back' }));
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: subject is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().post('/api/v1/tasks'),
      () => run.create(createTask, { subject: 'Call back' }),
    );
  });

  it.each([
    [{ subject: ' ' }, /Subject: is required/],
    [{ subject: 'x' }, /Subject: must be at least 2 characters/],
    [{ subject: 'xy', due_date: 'tomorrowish' }, /Due Date: must be a date/],
    [{ subject: 'xy', contact_ids: ['a/b'] }, /Contacts/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createTask, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });

  it('rejects an Important value that is not yes or no before any request', async () => {
    const err = await failureOf(run.create(createTask, { subject: 'xy' }, { extra: { is_important: 'maybe' } }));
    expect(err.message).toBe('Important: must be yes or no.');
    expectNothingSent();
  });
});
