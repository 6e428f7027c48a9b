import { parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { actionThrottle, TAG_SEARCH_PAGE_SIZE } from '../src/constants';
import { FindTagInput } from '../src/inputs';
import { exactFirst, flattenTag, tagOutputFields } from '../src/map';
import { TAG } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Tag Name',
    required: true,
    helpText:
      'The name of the tag, for example `Lead`. A tag with exactly this name (ignoring case) comes first; LunarSend may also return tags whose names contain it.',
  },
]);

/** `GET /tags/search?search_term=&search_by=tag_name`: one request, exact name first. */
const perform = (async (z, bundle) => {
  const { name } = parseInput(z, FindTagInput, bundle.inputData, inputFields);
  const { data } = await lunarsend(z).searchTags({
    search_term: name,
    search_by: 'tag_name',
    query_amount: TAG_SEARCH_PAGE_SIZE,
    page: 0,
  });
  return exactFirst(data, name, (t) => [t.tag_name]).map(flattenTag);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_tag',
  noun: 'Tag',
  display: {
    label: 'Find Tag',
    description: 'Finds a contact tag by its name.',
  },
  operation: {
    inputFields,
    perform,
    throttle: actionThrottle(),
    sample: flattenTag(TAG),
    outputFields: tagOutputFields,
  },
});
