import { nonBlank, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createTagLock, TAG_SEARCH_PAGE_SIZE } from '../src/constants';
import { AddTagInput, contactIdField } from '../src/inputs';
import { flattenContact, flattenTagLink, sameId, tagNamed } from '../src/map';
import { CONTACT, TAG_LINK } from '../src/samples';
import type { Contact, TagLink } from '../src/schemas';

export const inputFields = defineInputFields([
  {
    ...contactIdField,
    helpText: `${contactIdField.helpText} The tag is added to the contact's tags; its other tags stay.`,
  },
  {
    key: 'tag_id',
    label: 'Tag',
    required: false,
    dynamic: 'list_tags.id.name',
    search: 'find_tag.id',
    helpText:
      'The tag to add. Pick one from the list, or map a Tag ID from a **Find Tag** (or **Find or Create Tag**) step. Leave empty to name the tag in **Tag Name** instead; when both are filled in, this one is used.',
  },
  {
    key: 'tag_name',
    label: 'Tag Name',
    required: false,
    helpText:
      'The name of the tag to add, for example `Lead`, used when **Tag** is empty. The tag with exactly this name (ignoring case) is added; when there is none, **Create Tag If Missing** decides.',
  },
  {
    key: 'create_tag',
    label: 'Create Tag If Missing',
    type: 'boolean',
    required: false,
    default: 'true',
    helpText:
      'When no tag in LunarSend has the name in **Tag Name**: **True** creates the tag and adds it; **False** stops this step without adding a tag (the Zap stays on).',
  },
]);

/**
 * The tag named exactly `name` (`GET /tags/search`), or, when there is none and `create` allows
 * it, a new tag of that name (`POST /tags`). No such tag with Create Tag If Missing off stops the
 * run without an error count (a halt: the Zap stays on), changing nothing.
 */
const tagByName = async (z: ZObject, name: string, create: boolean) => {
  const api = lunarsend(z);
  const { data } = await api.searchTags({
    search_term: name,
    search_by: 'tag_name',
    query_amount: TAG_SEARCH_PAGE_SIZE,
    page: 0,
  });
  const existing = tagNamed(data, name);
  if (existing) return { id: existing.id, name: existing.tag_name, created: false };
  if (!create) {
    throw new z.errors.HaltedError(
      `No tag is named "${name}", and Create Tag If Missing is False, so no tag was added. Create the tag first, pick an existing tag in Tag, or set Create Tag If Missing to True.`,
    );
  }
  const made = await api.createTag({ tag_name: name });
  return { id: made.id, name: made.tag_name, created: true };
};

/**
 * The contact read first (`GET /contacts?id=`: its name and email for the output, and a missing
 * contact stops before anything changes), then the tag, then `POST /tag/contacts` with
 * `{ contact_id, tag_id }`. A tag given by name is looked up (`GET /tags/search`) and, when missing
 * and allowed, created (`POST /tags`). The tag's name comes from the link answer (lunarsend.md,
 * "Tags") or the lookup; only when a picked tag's link answer has none is it read from the
 * contact's tags (`GET /contacts/tags`). Requests: 2 for a picked tag (3 without a name in the
 * link), 3 for a named tag, 4 for a named tag created.
 */
const perform = (async (z, bundle) => {
  const { contact_id, tag } = parseInput(z, AddTagInput, bundle.inputData, inputFields);
  const api = lunarsend(z);
  const contact = await api.getContact(contact_id);
  if (!contact) {
    throw new z.errors.Error(
      'The contact in Contact no longer exists (it may have been deleted), so no tag was added. Pick another contact.',
      'NotFound',
      404,
    );
  }
  const found =
    tag.id !== undefined ? { id: tag.id, name: undefined, created: false } : await tagByName(z, tag.name, tag.create);
  const link = await api.addTagToContact(contact.id, found.id);
  const name =
    nonBlank(link.tag_name) ??
    found.name ??
    (await api.contactTags(contact.id)).find((t) => sameId(t.tag_id, link.tag_id))?.tag_name;
  return output(contact, link, name, found.created);
}) satisfies CreatePerform<typeof inputFields>;

/** The contact's id, name and email, then the tag's id and name, whether it was created, and when it was added. */
const output = (contact: Contact, link: TagLink, tagName: string | null | undefined, created: boolean) => {
  const { id, full_name, first_name, last_name, email } = flattenContact(contact);
  const { tag_id, tag_name, linked_at } = flattenTagLink(link, tagName);
  return { id, full_name, first_name, last_name, email, tag_id, tag_name, tag_created: created, linked_at };
};

export default defineCreate({
  key: 'add_tag_to_contact',
  noun: 'Tag',
  display: {
    label: 'Add Tag to Contact',
    description: 'Adds a tag to a contact: a tag you pick, or one you name, created if it does not exist yet.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    // A tag given by name may be created: runs that could create a tag go one at a time per connection.
    lock: createTagLock(),
    sample: output(CONTACT, TAG_LINK, undefined, false),
    outputFields: [
      { key: 'id', label: 'Contact ID', type: 'string' },
      { key: 'full_name', label: 'Contact Full Name', type: 'string' },
      { key: 'first_name', label: 'Contact First Name', type: 'string' },
      { key: 'last_name', label: 'Contact Last Name', type: 'string' },
      { key: 'email', label: 'Contact Email', type: 'string' },
      { key: 'tag_id', label: 'Tag ID', type: 'string' },
      { key: 'tag_name', label: 'Tag Name', type: 'string' },
      { key: 'tag_created', label: 'Tag Was Created', type: 'boolean' },
      { key: 'linked_at', label: 'Tagged At', type: 'datetime' },
    ],
  },
});
