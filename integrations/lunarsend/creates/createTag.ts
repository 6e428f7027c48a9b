import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createTagLock } from '../src/constants';
import { id, ownerField, tagColor, tagOutputFields, text } from '../src/fields';
import { defined, flattenTag } from '../src/map';
import { TAG } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Tag Name',
    required: true,
    helpText: 'The name of the new tag, for example `Lead`. Tag names are unique in a LunarSend team.',
  },
  {
    key: 'color',
    label: 'Color',
    required: false,
    helpText: 'The color LunarSend shows the tag in, as a hex code like `#28a745`. LunarSend picks one when empty.',
  },
  {
    ...ownerField,
    helpText: 'The LunarSend team member who owns the tag. Leave empty to make the connected account the owner.',
  },
]);

export const CreateTagInput = lazySchema((zod) =>
  zod.object({ name: text(), color: inputs.optional(tagColor()), user_id: inputs.optional(id()) }),
);

/** `POST /tags` with `{ data: { tag_name, color?, user_id? } }` (lunarsend.md, "Tags"): one request. */
const perform = (async (z, bundle) => {
  const { name, ...rest } = parseInput(z, CreateTagInput, bundle.inputData, inputFields);
  const tag = await lunarsend(z).createTag(defined({ tag_name: name, ...rest }));
  return flattenTag(tag);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_tag',
  noun: 'Tag',
  display: { label: 'Create Tag', description: 'Creates a new contact tag in LunarSend.' },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    // Find or Create Tag: two runs must not both create the same tag.
    lock: createTagLock(),
    sample: flattenTag(TAG),
    outputFields: tagOutputFields,
  },
});
