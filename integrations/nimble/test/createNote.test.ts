import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createNote from '../creates/createNote';
import { NOTE, NOTE_FONT } from '../src/samples';
import { CONTACT_ID, USER_ID, api, expectWriteSafety, offContract, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const OTHER_ID = '5049fb849b85f669e40000dd';

describe('Create Note (create_note)', () => {
  it('posts the note with its contacts and a 100-character preview, and reads the HTML answer as text', async () => {
    const text = 'x'.repeat(150);
    api()
      .post('/api/v1/contacts/notes', {
        contact_ids: [CONTACT_ID, OTHER_ID],
        note: text,
        note_preview: 'x'.repeat(100),
      })
      .matchHeader('content-type', 'application/json')
      .reply(201, NOTE);
    const out = await run.create(createNote, { contact_ids: [CONTACT_ID, ` ${OTHER_ID} `], note: text });
    expect(out).toEqual({
      id: NOTE.id,
      note: 'Called Maria about the renewal;\nshe wants a quote by Friday.',
      note_html: `${NOTE_FONT}Called Maria about the renewal;<br>she wants a quote by Friday.</font>`,
      note_preview: NOTE.note_preview,
      author_name: 'Daniel Reyes',
      owner_id: USER_ID,
      contact_ids: [CONTACT_ID],
      contact_names: ['Maria Lopez'],
      created: NOTE.created,
      updated: NOTE.updated,
    });
    expect(Object.keys(out)).toEqual(Object.keys(createNote.operation.sample ?? {}));
  });

  it('nimble.md §9: decodes entities of the URL-encoded HTML body, and keeps plain text as it is', async () => {
    const html = `${NOTE_FONT}Q&amp;A &lt;today&gt;<div>at 10&nbsp;am</div></font>`;
    api()
      .post('/api/v1/contacts/notes')
      .reply(201, { ...NOTE, note: encodeURIComponent(html) });
    expect(await run.create(createNote, { contact_ids: [CONTACT_ID], note: 'Q&A' })).toMatchObject({
      note: 'Q&A <today>at 10 am',
      note_html: html,
    });
    // Not encoded (spaces, no %XX), or not decodable (a bare %): kept as it came.
    for (const plain of ['50% off for you', '100%']) {
      api()
        .post('/api/v1/contacts/notes')
        .reply(201, { ...NOTE, note: plain });
      expect(await run.create(createNote, { contact_ids: [CONTACT_ID], note: plain })).toMatchObject({
        note: plain,
        note_html: plain,
      });
    }
  });

  it('names the contact Nimble could not find', async () => {
    api().post('/api/v1/contacts/notes').reply(404, { object_type: 'contact', object_id: CONTACT_ID });
    const err = await failureOf(run.create(createNote, { contact_ids: [CONTACT_ID], note: 'n' }));
    expect(err.message).toBe(
      'Nimble could not find this contact: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.',
    );
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract().post('/api/v1/contacts/notes').reply(201, { id: NOTE.id });
    const err = await failureOf(run.create(createNote, { contact_ids: [CONTACT_ID], note: 'n' }));
    expect(err.message).toBe(
      'Nimble accepted the request but sent an answer of an unexpected shape: note is missing, so the change may or may not have been made in Nimble. Check in Nimble before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('is not replayed after a 500, and does not follow a 302', async () => {
    await expectWriteSafety(
      () => offContract().post('/api/v1/contacts/notes'),
      () => run.create(createNote, { contact_ids: [CONTACT_ID], note: 'n' }),
    );
  });

  it.each([
    [
      {
        contact_ids: Array.from({ length: 11 }, (_, i) => `5049fb849b85f669e40000${String(i).padStart(2, '0')}`),
        note: 'n',
      },
      /Contacts: takes at most 10 contacts/,
    ],
    [{ contact_ids: [], note: 'n' }, /Contacts: needs at least one contact/],
    [{ contact_ids: [CONTACT_ID], note: ' ' }, /Note: is required/],
  ])('rejects %j before any request', async (input, message) => {
    const err = await failureOf(run.create(createNote, input));
    expect(err.message).toMatch(message);
    expectNothingSent();
  });
});
