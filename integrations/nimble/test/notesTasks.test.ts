import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { NOTE, TASK } from '../src/samples';
import { CONTACT_ID, USER_ID, api, bundle, run, unmatchedRequests, useEnv } from './helpers';

useNock();
useEnv();
const unmatched = unmatchedRequests();

describe('Create Note', () => {
  it('posts the note with its contacts and a 100-character preview', async () => {
    const text = 'x'.repeat(150);
    api()
      .post('/api/v1/contacts/notes', {
        contact_ids: [CONTACT_ID, '5049fb849b85f669e40000dd'],
        note: text,
        note_preview: 'x'.repeat(100),
      })
      .reply(201, NOTE);
    const out = await run(
      'creates.create_note.operation.perform',
      bundle({ contact_ids: `${CONTACT_ID}, 5049fb849b85f669e40000dd`, note: text }),
    );
    expect(out).toEqual({
      id: NOTE.id,
      note: NOTE.note,
      note_preview: NOTE.note_preview,
      author_name: 'John Doe',
      owner_id: USER_ID,
      contact_ids: [CONTACT_ID],
      contact_names: ['Amayak Akopyan'],
      created: NOTE.created,
      updated: NOTE.updated,
    });
  });

  it('rejects no contacts or more than ten before any request', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `5049fb849b85f669e40000${String(i).padStart(2, '0')}`);
    expect(
      (await failureOf(run('creates.create_note.operation.perform', bundle({ contact_ids: ids, note: 'n' })))).message,
    ).toMatch(/at most 10 contact IDs/);
    expect(
      (await failureOf(run('creates.create_note.operation.perform', bundle({ contact_ids: [], note: 'n' })))).message,
    ).toMatch(/at least one contact ID/);
    expect(unmatched).toEqual([]);
  });

  it('names the contact Nimble could not find', async () => {
    api().post('/api/v1/contacts/notes').reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(
      run('creates.create_note.operation.perform', bundle({ contact_ids: [CONTACT_ID], note: 'n' })),
    );
    expect(err.message).toMatch(`could not find the contact with ID ${CONTACT_ID}`);
  });
});

describe('Create Task', () => {
  it('posts subject, notes, due date, assignee and related contacts', async () => {
    api()
      .post('/api/v1/tasks', {
        subject: 'Send the quote',
        notes: 'Include the discount.',
        due_date: '2024-05-03T09:00:00.000Z',
        assigned_to: USER_ID,
        is_important: true,
        related: { contacts: [CONTACT_ID] },
      })
      .reply(201, TASK);
    const out = await run(
      'creates.create_task.operation.perform',
      bundle({
        subject: 'Send the quote',
        notes: 'Include the discount.',
        due_date: '2024-05-03T11:00:00+02:00',
        assigned_to: USER_ID,
        is_important: 'true',
        contact_ids: [CONTACT_ID],
      }),
    );
    expect(out).toMatchObject({
      id: TASK.id,
      subject: 'Send the quote',
      due_date: TASK.due_date,
      completed: false,
      assigned_to_id: USER_ID,
      contact_ids: [CONTACT_ID],
    });
  });

  it('sends only the subject when nothing else is given', async () => {
    api().post('/api/v1/tasks', { subject: 'Call back' }).reply(201, TASK);
    await run('creates.create_task.operation.perform', bundle({ subject: 'Call back' }));
  });

  it('rejects a missing subject and a bad due date before any request', async () => {
    expect((await failureOf(run('creates.create_task.operation.perform', bundle({ subject: ' ' })))).message).toMatch(
      /Subject \(subject\): is required/,
    );
    expect(
      (await failureOf(run('creates.create_task.operation.perform', bundle({ subject: 'x', due_date: 'tomorrowish' }))))
        .message,
    ).toMatch(/Due Date \(due_date\): must be a date/);
    expect(unmatched).toEqual([]);
  });
});
