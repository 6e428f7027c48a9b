import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createTagLock, TAG_SEARCH_PAGE_SIZE } from '../src/constants';
import { AddTagInput, contactIdField } from '../src/inputs';
import { flattenTagLink, tagNamed } from '../src/map';
import { TAG, TAG_LINK } from '../src/samples';

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
      'When **Tag Name** names no tag in LunarSend: **True** creates the tag and adds it; **False** stops with an error and changes nothing.',
  },
]);

/**
 * The tag named exactly `name` (`GET /tags/search`), or, when there is none and `create` allows
 * it, a new tag of that name (`POST /tags`): its id, its color, and whether it was created.
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
  if (existing) return { id: existing.id, color: existing.color ?? null, created: false };
  if (!create) {
    throw new z.errors.Error(
      `LunarSend has no tag named "${name}". Create it first, pick an existing tag, or set Create Tag If Missing to True.`,
      'NotFound',
      404,
    );
  }
  const made = await api.createTag({ tag_name: name });
  return { id: made.id, color: made.color ?? null, created: true };
};

/**
 * `POST /tag/contacts` with `{ contact_id, tag_id }`. A tag given by name is looked up first
 * (`GET /tags/search`) and, when missing and allowed, created (`POST /tags`): 1, 2 or 3 requests.
 * The output is the link LunarSend answers (its `tag_name` too), plus the tag's color when the tag
 * was looked up or created (the link does not carry it).
 */
const perform = (async (z, bundle) => {
  const { contact_id, tag } = parseInput(z, AddTagInput, bundle.inputData, inputFields);
  const found =
    tag.id !== undefined ? { id: tag.id, color: null, created: false } : await tagByName(z, tag.name, tag.create);
  const link = await lunarsend(z).addTagToContact(contact_id, found.id);
  return { ...flattenTagLink(link), tag_color: found.color, tag_created: found.created };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'add_tag_to_contact',
  noun: 'Tag',
  display: {
    label: 'Add Tag to Contact',
    description:
      'Adds a tag to a LunarSend contact: an existing tag, or one given by name, created when it does not exist yet.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    // A tag given by name may be created: runs that could create a tag go one at a time per connection.
    lock: createTagLock(),
    sample: { ...flattenTagLink(TAG_LINK), tag_color: TAG.color ?? null, tag_created: false },
    outputFields: [
      { key: 'id', label: 'Contact ID', type: 'string' },
      { key: 'tag_id', label: 'Tag ID', type: 'string' },
      { key: 'tag_name', label: 'Tag Name', type: 'string' },
      { key: 'tag_color', label: 'Tag Color', type: 'string' },
      { key: 'tag_created', label: 'Tag Was Created', type: 'boolean' },
      { key: 'link_id', label: 'Tag Link ID', type: 'string' },
      { key: 'linked_at', label: 'Tagged At', type: 'datetime' },
      { key: 'user_id', label: 'Link Owner ID', type: 'string' },
      { key: 'owner', label: 'Link Owner Name', type: 'string' },
    ],
  },
});
