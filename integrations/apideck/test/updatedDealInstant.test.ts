import { useNock } from '@crm-zapier/kit/testing';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import updatedDealInstant from '../triggers/instant/updatedDealInstant';
import { describeRecordTrigger } from './instant';

useNock();

describeRecordTrigger(updatedDealInstant, {
  eventType: CRM_EVENTS.opportunity.updated,
  resource: 'opportunities',
  record: OPPORTUNITY,
  output: {
    id: `34567-${Date.parse(OPPORTUNITY.updated_at!)}`,
    opportunity_id: '34567',
    pipeline_name: 'Sales Pipeline',
    stage_name: 'Contract Sent',
  },
  pipelines: [PIPELINE],
  pollQuery: { 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' },
});
