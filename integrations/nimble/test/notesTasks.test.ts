import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { LEGACY_TASK, NOTE, NOTE_FONT, TASK } from '../src/samples';
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
      note: 'Called Amayak about the renewal;\nhe wants a quote by Friday.',
      note_html: `${NOTE_FONT}Called Amayak about the renewal;<br>he wants a quote by Friday.</font>`,
      note_preview: NOTE.note_preview,
      author_name: 'John Doe',
      owner_id: USER_ID,
      contact_ids: [CONTACT_ID],
      contact_names: ['Amayak Akopyan'],
      created: NOTE.created,
      updated: NOTE.updated,
    });
  });

  it('nimble.md §9: reads the URL-encoded HTML body Nimble answers as text, entities decoded, and keeps plain text as it is', async () => {
    const html = `${NOTE_FONT}Q&amp;A &lt;today&gt;<div>at 10&nbsp;am</div></font>`;
    api()
      .post('/api/v1/contacts/notes')
      .reply(201, { ...NOTE, note: encodeURIComponent(html) });
    expect(
      await run('creates.create_note.operation.perform', bundle({ contact_ids: [CONTACT_ID], note: 'Q&A' })),
    ).toMatchObject({ note: 'Q&A <today>at 10 am', note_html: html });
    // Not encoded (spaces, no %XX), or not decodable (a bare %): kept as it came.
    for (const plain of ['50% off for you', '100%']) {
      api()
        .post('/api/v1/contacts/notes')
        .reply(201, { ...NOTE, note: plain });
      expect(
        await run('creates.create_note.operation.perform', bundle({ contact_ids: [CONTACT_ID], note: plain })),
      ).toMatchObject({ note: plain, note_html: plain });
    }
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
  it('nimble.md §9.1: posts to /api/v1/tasks with related.contacts and the due date at the offset of the Zap time zone', async () => {
    api()
      .post('/api/v1/tasks', {
        subject: 'Send the quote',
        notes: 'Include the discount.',
        due_date: '2024-05-03T05:00:00-04:00',
        assigned_to: USER_ID,
        is_important: true,
        related: { contacts: [CONTACT_ID] },
      })
      .reply(201, TASK);
    const out = await run(
      'creates.create_task.operation.perform',
      bundle(
        {
          subject: 'Send the quote',
          notes: 'Include the discount.',
          due_date: '2024-05-03T11:00:00+02:00',
          assigned_to: USER_ID,
          is_important: 'true',
          contact_ids: [CONTACT_ID],
        },
        { timezone: 'America/New_York' },
      ),
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

  it.each([
    ['Europe/Berlin', '2024-05-03', '2024-05-03T09:00:00+02:00'],
    ['America/Los_Angeles', '2024-12-03', '2024-12-03T09:00:00-08:00'],
    [null, '2024-05-03', '2024-05-03T09:00:00+00:00'],
    ['Asia/Tokyo', '2024-05-03T18:30', '2024-05-03T18:30:00+09:00'],
    [null, '2024-05-03T11:00:00Z', '2024-05-03T11:00:00+00:00'],
  ])(
    'nimble.md §9.1: in time zone %s, a due date of %s is sent as %s (a date alone: 09:00)',
    async (timezone, given, sent) => {
      api().post('/api/v1/tasks', { subject: 'Call back', due_date: sent }).reply(201, TASK);
      await run(
        'creates.create_task.operation.perform',
        bundle({ subject: 'Call back', due_date: given }, { timezone }),
      );
    },
  );

  it('sends only the subject when nothing else is given', async () => {
    api().post('/api/v1/tasks', { subject: 'Call back' }).reply(201, TASK);
    await run('creates.create_task.operation.perform', bundle({ subject: 'Call back' }));
  });

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
      const out = await run(
        'creates.create_task.operation.perform',
        bundle(
          {
            subject: 'Send the quote',
            notes: 'Include the volume discount.',
            due_date: '2024-05-03',
            contact_ids: [CONTACT_ID],
          },
          { timezone: 'Europe/Berlin' },
        ),
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
    const err = await failureOf(
      run('creates.create_task.operation.perform', bundle({ subject: 'Call back', contact_ids: [CONTACT_ID] })),
    );
    expect(err.message).toMatch(`Nimble could not find the contact with ID ${CONTACT_ID}`);
    expect(unmatched).toEqual([]);
  });

  it('nimble.md §9.1: refuses an assignee or importance the legacy endpoint does not take, naming them, before creating', async () => {
    api().post('/api/v1/tasks').reply(404, { message: 'Not found' });
    const err = await failureOf(
      run(
        'creates.create_task.operation.perform',
        bundle({ subject: 'Call back', assigned_to: USER_ID, is_important: true }),
      ),
    );
    expect(err.message).toBe(
      'Please check your input: Assignee User ID (assigned_to) and Important (is_important): this Nimble account has only the older task endpoint (/api/v1/activities/task), which takes no assignee or importance. Leave them empty. No task was created.',
    );
    expect(unmatched).toEqual([]);
  });

  it('rejects a missing or one-letter subject and a bad due date before any request', async () => {
    expect((await failureOf(run('creates.create_task.operation.perform', bundle({ subject: ' ' })))).message).toMatch(
      /Subject \(subject\): is required/,
    );
    expect((await failureOf(run('creates.create_task.operation.perform', bundle({ subject: 'x' })))).message).toMatch(
      /Subject \(subject\): must be at least 2 characters/,
    );
    expect(
      (
        await failureOf(
          run('creates.create_task.operation.perform', bundle({ subject: 'xy', due_date: 'tomorrowish' })),
        )
      ).message,
    ).toMatch(/Due Date \(due_date\): must be a date/);
    expect(unmatched).toEqual([]);
  });
});
