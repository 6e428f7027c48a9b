import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { json, type SimRequest } from '../../server';
import {
  badBody,
  contains,
  Envelope,
  fail,
  isResponse,
  pageOf,
  required,
  requiredId,
  says,
  searchOf,
  type LunarSendRoute,
} from './http';
import {
  isTeamMember,
  link,
  ownerName,
  type LunarSendStore,
  type StoredContact,
  type Tag,
  type TagLink,
} from './store';

const TAG_SEARCH_BY = ['tag_name', 'color', 'owner', 'user_id'];
/** The contacts-by-tag search's `search_by` (examples `company`, `owner`) over its items' fields. */
const TAGGED_CONTACT_SEARCH_BY = ['first_name', 'last_name', 'email', 'company', 'owner'];
/** "If omitted, a default color may be assigned." */
const DEFAULT_TAG_COLOR = '#6c757d';

const INVALID_COLOR = says('invalid_color', '"color" must be a hex RGB color like #FD7E14.');
/** create-tag: the field table requires `data.tag_name`; `color` (hex RGB) and `user_id` are optional. */
const NewTagData = z.strictObject(
  {
    tag_name: z.string(required('tag_name')).trim().min(1, required('tag_name')),
    color: z
      .string(INVALID_COLOR)
      .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, INVALID_COLOR)
      .optional(),
    user_id: z
      .string({
        error: (issue) => says('invalid_user', `"user_id" ${String(issue.input)} is not a member of your team.`),
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? says('invalid_field', `"${issue.keys[0]}" is not a tag field.`) : undefined,
  },
);
/** create-contact-tag-link: `contact_id` and `tag_id`, both required, flat (no `data` envelope). */
const TagLinkBody = z.object(
  { contact_id: requiredId('contact_id'), tag_id: requiredId('tag_id') },
  required('contact_id'),
);

/** A tag as create-tag and search-tag show it: `tag_name`, never `name`. */
const tagView = (store: LunarSendStore, t: Tag) => ({
  id: t.id,
  user_id: t.user_id,
  tag_name: t.tag_name,
  owner: ownerName(store, t.user_id),
  color: t.color,
  created_at: t.created_at,
});

/** A link as "create contact-tag link" answers it. */
const linkView = (store: LunarSendStore, l: TagLink) => ({
  id: l.id,
  tag_id: l.tag_id,
  contact_id: l.contact_id,
  created_at: l.created_at,
  tag_name: store.tags.find((t) => t.id === l.tag_id)?.tag_name ?? null,
  user_id: l.user_id,
  owner: ownerName(store, l.user_id),
});

const createTag = (store: LunarSendStore, req: SimRequest, userId: string) => {
  const body = Envelope.safeParse(req.body);
  if (!body.success) return badBody(body.error);
  const data = NewTagData.safeParse(body.data.data);
  if (!data.success) return badBody(data.error);
  const { tag_name: name, color, user_id } = data.data;
  // "Must be unique per team." Whether case counts is not said: the sandbox holds "lead" and "Lead" the same.
  if (store.tags.some((t) => t.tag_name.toLowerCase() === name.toLowerCase())) {
    return fail(400, 'duplicate_tag', `A tag named ${name} already exists in your team.`);
  }
  if (user_id !== undefined && !isTeamMember(store, user_id)) {
    return fail(400, 'invalid_user', `"user_id" ${user_id} is not a member of your team.`);
  }
  const tag: Tag = {
    id: randomUUID(),
    user_id: user_id ?? userId,
    tag_name: name,
    color: color ?? DEFAULT_TAG_COLOR,
    created_at: store.now(),
  };
  store.tags.push(tag);
  return json(200, [{ status: 'success', data: tagView(store, tag) }]);
};

/** search-tag: all four parameters optional; no term lists every tag (the page's curl example). */
const searchTags = (store: LunarSendStore, req: SimRequest) => {
  const s = searchOf(req, TAG_SEARCH_BY);
  if (isResponse(s)) return s;
  const { term, by } = s;
  const found = store.tags.filter((t) => {
    if (!term) return true;
    if (by) return contains(tagView(store, t)[by as keyof ReturnType<typeof tagView>], term);
    return contains(t.tag_name, term);
  });
  return json(
    200,
    pageOf(found, s, (t) => tagView(store, t)),
  );
};

const linkTag = (store: LunarSendStore, req: SimRequest, userId: string) => {
  const body = TagLinkBody.safeParse(req.body ?? {});
  if (!body.success) return badBody(body.error);
  const { contact_id, tag_id } = body.data;
  const contact = store.contacts.find((c) => c.id === contact_id);
  const tag = store.tags.find((t) => t.id === tag_id);
  if (!contact) return fail(404, 'not_found', `No contact with id ${contact_id}.`);
  if (!tag) return fail(404, 'not_found', `No tag with id ${tag_id}.`);
  // Linking a tag the contact already has is not documented: the sandbox answers the existing link.
  return json(200, [{ status: 'success', data: linkView(store, link(store, contact, tag, userId)) }]);
};

/** get-contact-tags: `[{ status, id: <contact id>, data: [{ contact_tag_id, tag_id, tag_name, … }] }]`. */
const contactTags = (store: LunarSendStore, req: SimRequest) => {
  const id = req.query.get('id');
  if (!id) return fail(400, 'missing_field', '"id" is required.');
  if (!store.contacts.some((c) => c.id === id)) return fail(404, 'not_found', `No contact with id ${id}.`);
  const data = store.links
    .filter((l) => l.contact_id === id)
    .flatMap((l) => {
      const tag = store.tags.find((t) => t.id === l.tag_id);
      return tag
        ? [
            {
              contact_tag_id: l.id,
              tag_id: tag.id,
              tag_name: tag.tag_name,
              color: tag.color,
              created_at: l.created_at,
              user_id: l.user_id,
              contact_id: l.contact_id,
            },
          ]
        : [];
    });
  return json(200, [{ status: 'success', id, data }]);
};

/** search-contact-tag: `tag_id` required; items carry the contact's `id`; the total is `count`. */
const contactsWithTag = (store: LunarSendStore, req: SimRequest) => {
  const tagId = req.query.get('tag_id');
  if (!tagId) return fail(400, 'missing_field', '"tag_id" is required.');
  const s = searchOf(req, TAGGED_CONTACT_SEARCH_BY);
  if (isResponse(s)) return s;
  const { term, by } = s;
  const view = (c: StoredContact) => ({
    id: c.id,
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email,
    tag_id: tagId,
    company: c.company,
    owner: ownerName(store, c.user_id),
    last_activity: c.last_activity,
  });
  const found = store.contacts
    .filter((c) => store.links.some((l) => l.contact_id === c.id && l.tag_id === tagId))
    .filter((c) => {
      if (!term) return true;
      if (by) return contains(view(c)[by as keyof ReturnType<typeof view>], term);
      return [c.first_name, c.last_name, c.email, c.company].some((v) => contains(v, term));
    });
  const { total_count: count, ...page } = pageOf(found, s, view);
  return json(200, { data: page.data, count, page: page.page, per_page: page.per_page });
};

export const tagRoutes: LunarSendRoute[] = [
  { method: 'POST', path: '/tags', handle: (store, req, who) => createTag(store, req, who.user.user_id) },
  { method: 'GET', path: '/tags/search', handle: searchTags },
  { method: 'POST', path: '/tag/contacts', handle: (store, req, who) => linkTag(store, req, who.user.user_id) },
  { method: 'GET', path: '/contacts/tags', handle: contactTags },
  { method: 'GET', path: '/tag/contacts/tag/search', handle: contactsWithTag },
];
