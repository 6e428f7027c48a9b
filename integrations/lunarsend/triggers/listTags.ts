import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { lunarsend } from '../src/client';
import { MAX_PAGE_SIZE, triggerThrottle } from '../src/constants';
import { flattenTag, tagOutputFields } from '../src/map';
import { TAG } from '../src/samples';

/**
 * The tag dropdown: one page of `GET /tags/search` (no term: every tag, as the page's curl example
 * lists them) per request; each tag's `tag_name` is the choice's name.
 */
const perform = (async (z, bundle) => {
  const { data } = await lunarsend(z).searchTags({ query_amount: MAX_PAGE_SIZE, page: bundle.meta?.page ?? 0 });
  return data.map(flattenTag);
}) satisfies PollingTriggerPerform<[], ReturnType<typeof flattenTag>>;

export default defineTrigger({
  key: 'list_tags',
  noun: 'Tag',
  display: {
    label: 'List Tags',
    description: 'Lists contact tags for dropdowns, one page of 100 at a time.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    throttle: triggerThrottle(),
    sample: flattenTag(TAG),
    outputFields: tagOutputFields,
  },
});
