import { objectId, json, type SimRequest, type SimResponse } from '../../server';
import { contactsOf, shortContact } from './contacts';
import { invalid } from './errors';
import { SHORT_USER, stamp, USER, type NimbleStore } from './store';

/**
 * A note body as Nimble stores and answers it: HTML in the editor's `<font>`, URL-encoded (the legacy
 * docs answer `%3Cfont%20face%3D%22Arial%2C%20Tahoma%2C%20Verdana%2C%20Helvetica%2C%20sans-serif%22%3Enote%201%3C%2Ffont%3E`
 * for a note sent as "note 1": nimble.md §9). Plain text is escaped, its line breaks become `<br>`;
 * markup sent is kept.
 */
const noteBody = (sent: string): string => {
  const html = /<[a-z/!]/i.test(sent)
    ? sent
    : sent.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
  return encodeURIComponent(`<font face="Arial, Tahoma, Verdana, Helvetica, sans-serif">${html}</font>`);
};

/** `POST /api/v1/contacts/notes`: a note on 1 to 10 contacts. */
export const createNote = (store: NimbleStore, req: SimRequest): SimResponse => {
  const body = req.body as { contact_ids: string[]; note: string; note_preview: string };
  // "Contacts count should be between 1 and 10" (Contacts.ContactNoteSpec.contact_ids).
  if (body.contact_ids.length < 1 || body.contact_ids.length > 10) {
    return invalid({ '/contact_ids': 'must hold 1 to 10 contact ids' });
  }
  if (!body.note.trim()) return invalid({ '/note': 'must not be empty' });
  const linked = contactsOf(store, body.contact_ids);
  if (!Array.isArray(linked)) return linked;
  const now = stamp(Date.now());
  const note = {
    id: objectId(),
    note: noteBody(body.note),
    note_preview: body.note_preview,
    author_name: USER.name,
    owner_id: USER.user_id,
    owner: SHORT_USER,
    contacts: linked.map(shortContact),
    created: now,
    updated: now,
  };
  store.notes.push(note);
  return json(201, note);
};
