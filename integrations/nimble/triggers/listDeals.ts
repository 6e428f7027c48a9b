import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { DROPDOWN_PAGE_SIZE, nimble } from '../src/client';
import { flattenDeal } from '../src/map';

/**
 * The deal dropdown: the most recently changed deals, one request. Nimble's deal list has only
 * `sort` and `limit` (no page parameter), so the dropdown holds one page; older deals are mapped by
 * ID or found with Find Deal.
 */
const perform = (async (z) =>
  (await nimble(z).dealsByUpdate(DROPDOWN_PAGE_SIZE)).map((d) => {
    const { name, stage_name, pipeline_name } = flattenDeal(d);
    const where = [pipeline_name, stage_name].filter((v) => typeof v === 'string' && v).join(' / ');
    const label = typeof name === 'string' && name ? name : d.deal_id;
    return { id: d.deal_id, name: where ? `${label} (${where})` : label };
  })) satisfies PollingTriggerPerform<[], { id: string; name: string }>;

export default defineTrigger({
  key: 'list_deals',
  noun: 'Deal',
  display: {
    label: 'List Deals',
    description: 'Lists deals, most recently changed first, for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    sample: { id: '65958d7ef2e8748e6361dd00', name: 'Brightwave annual plan (Sales / Qualified)' },
    outputFields: [
      { key: 'id', label: 'Deal ID' },
      { key: 'name', label: 'Deal' },
    ],
  },
});
