import { parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, createTagLock } from '../src/constants';
import { NewTagInput, ownerField } from '../src/inputs';
import { flattenTag, tagOutputFields } from '../src/map';
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
    helpText:
      'The team member who owns the tag. Leave empty to make the team member whose API key this connection uses the owner.',
  },
]);

/** `POST /tags` with `{ data: { tag_name, color?, user_id? } }` (lunarsend.md, "Tags"): one request. */
const perform = (async (z, bundle) => {
  const { name, ...rest } = parseInput(z, NewTagInput, bundle.inputData, inputFields);
  const tag = await lunarsend(z).createTag({ tag_name: name, ...rest });
  return flattenTag(tag);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_tag',
  noun: 'Tag',
  display: { label: 'Create Tag', description: 'Creates a new contact tag.' },
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
