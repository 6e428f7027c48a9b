import { z } from 'zod';
import { json } from '../../server';
import {
  badBody,
  contains,
  EditedId,
  EMAIL,
  Envelope,
  fail,
  isResponse,
  pageOf,
  required,
  requiredId,
  says,
  searchOf,
  text,
  textOrNull,
  type LunarSendRoute,
} from './http';
import {
  addContact,
  isTeamMember,
  ownerName,
  tagsOf,
  type LunarSendStore,
  type NewContact,
  type StoredContact,
} from './store';

const CONTACT_SEARCH_BY = [
  'first_name',
  'email',
  'last_name',
  'phone',
  'company',
  'job_title',
  'notes',
  'user_id',
  'tag',
];

const INVALID_EMAIL = says('invalid_email', '"email" must be a valid email address.');
const CANNOT_BE_EMPTY = says('missing_field', '"first_name" cannot be empty.');
const email = text('email', INVALID_EMAIL).regex(EMAIL, INVALID_EMAIL);

/**
 * lunarsend.md "Contacts": `first_name` and `email` required on create, every field text (or null),
 * `id` only names the contact an edit changes; nothing else is a contact field.
 */
const contactData = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(
    {
      ...shape,
      id: z.unknown().optional(),
      last_name: textOrNull('last_name').optional(),
      phone: textOrNull('phone').optional(),
      company: textOrNull('company').optional(),
      job_title: textOrNull('job_title').optional(),
      notes: textOrNull('notes').optional(),
      user_id: textOrNull('user_id').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says('invalid_field', `"${issue.keys[0]}" is not a contact field.`)
          : undefined,
    },
  );
const NewContactData = contactData({
  first_name: text('first_name', required('first_name')).refine((v) => v.trim() !== '', required('first_name')),
  email,
});
const ContactChanges = contactData({
  first_name: text('first_name', CANNOT_BE_EMPTY).min(1, CANNOT_BE_EMPTY).optional(),
  email: email.optional(),
});
const DeleteContactBody = z.object({ contact_id: requiredId('contact_id') }, required('contact_id'));

/** The checks that need the store: the email unique per team (any case), the owner a team member. */
const refusedByTeam = (
  store: LunarSendStore,
  fields: { email?: string; user_id?: string | null },
  self?: StoredContact,
) => {
  const address = fields.email?.toLowerCase();
  if (address !== undefined && store.contacts.some((c) => c !== self && c.email.toLowerCase() === address)) {
    return fail(400, 'duplicate_email', `A contact with the email ${fields.email} already exists in your team.`);
  }
  if (fields.user_id !== undefined && !isTeamMember(store, fields.user_id)) {
    return fail(400, 'invalid_user', `"user_id" ${String(fields.user_id)} is not a member of your team.`);
  }
  return undefined;
};

export const contactView = (store: LunarSendStore, c: StoredContact) => ({
  id: c.id,
  user_id: c.user_id,
  email: c.email,
  first_name: c.first_name,
  last_name: c.last_name,
  phone: c.phone,
  company: c.company,
  job_title: c.job_title,
  notes: c.notes,
  owner: ownerName(store, c.user_id),
  created_at: c.created_at,
  last_activity: c.last_activity,
});

/** Search results as the document shows them: `contact_id`, tags as `{ id, name, color }`, `total_count` on each item. */
const contactSearchView = (store: LunarSendStore, c: StoredContact, total: number) => ({
  contact_id: c.id,
  first_name: c.first_name,
  last_name: c.last_name,
  email: c.email,
  phone: c.phone,
  company: c.company,
  owner: ownerName(store, c.user_id),
  last_activity: c.last_activity,
  user_id: c.user_id,
  tags: tagsOf(store, c).map((t) => ({ id: t.id, name: t.tag_name, color: t.color })),
  total_count: total,
});

export const contactRoutes: LunarSendRoute[] = [
  {
    method: 'POST',
    path: '/contacts',
    handle: (store, req, who) => {
      const body = Envelope.safeParse(req.body);
      if (!body.success) return badBody(body.error);
      const data = NewContactData.safeParse(body.data.data);
      if (!data.success) return badBody(data.error);
      const { id: _id, ...fields } = data.data;
      const refused = refusedByTeam(store, fields);
      if (refused) return refused;
      const contact = addContact(store, fields as NewContact, fields.user_id ?? who.user.user_id);
      // The reference wraps the create answer in an array; create answers `status`.
      return json(200, [{ status: 'success', data: contactView(store, contact) }]);
    },
  },
  {
    method: 'PATCH',
    path: '/contacts',
    handle: (store, req) => {
      const body = Envelope.safeParse(req.body);
      if (!body.success) return badBody(body.error);
      const edited = EditedId.safeParse(body.data.data);
      if (!edited.success) return badBody(edited.error);
      const contact = store.contacts.find((c) => c.id === edited.data.id);
      if (!contact) return fail(404, 'not_found', `No contact with id ${edited.data.id}.`);
      const data = ContactChanges.safeParse(body.data.data);
      if (!data.success) return badBody(data.error);
      const { id: _id, ...fields } = data.data;
      const refused = refusedByTeam(store, fields, contact);
      if (refused) return refused;
      Object.assign(contact, fields, { last_activity: store.now() });
      // The reference wraps the edit answer in an array; edit answers `success: true`.
      return json(200, [{ success: true, data: contactView(store, contact) }]);
    },
  },
  {
    method: 'GET',
    path: '/contacts',
    handle: (store, req) => {
      const id = req.query.get('id');
      if (!id) return fail(400, 'missing_field', '"id" is required.');
      const contact = store.contacts.find((c) => c.id === id);
      // get-contact: `[{ success: true, id: "<the id asked for>", data: { … } }]`, no tags.
      return contact
        ? json(200, [{ success: true, id, data: contactView(store, contact) }])
        : fail(404, 'not_found', `No contact with id ${id}.`);
    },
  },
  {
    method: 'DELETE',
    path: '/contacts',
    handle: (store, req) => {
      const body = DeleteContactBody.safeParse(req.body ?? {});
      if (!body.success) return badBody(body.error);
      const id = body.data.contact_id;
      const i = store.contacts.findIndex((c) => c.id === id);
      if (i < 0) return fail(404, 'not_found', `No contact with id ${id}.`);
      store.contacts.splice(i, 1);
      for (let j = store.links.length - 1; j >= 0; j -= 1)
        if (store.links[j]!.contact_id === id) store.links.splice(j, 1);
      // The v1 text's answer, as plain text.
      return json(200, 'Document deleted successfully');
    },
  },
  {
    method: 'GET',
    path: '/contacts/search',
    handle: (store, req) => {
      const s = searchOf(req, CONTACT_SEARCH_BY);
      if (isResponse(s)) return s;
      const { term, by } = s;
      const found = store.contacts.filter((c) => {
        if (!term) return true;
        if (by === 'tag') return tagsOf(store, c).some((t) => t.tag_name.toLowerCase() === term.toLowerCase());
        if (by) return contains(c[by as keyof StoredContact], term);
        return [c.first_name, c.last_name, c.email, c.company].some((v) => contains(v, term));
      });
      return json(
        200,
        pageOf(found, s, (c, total) => contactSearchView(store, c, total)),
      );
    },
  },
];
