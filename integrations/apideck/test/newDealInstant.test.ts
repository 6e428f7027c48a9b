import { useNock } from '@crm-zapier/kit/testing';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import newDealInstant from '../triggers/instant/newDealInstant';
import { describeRecordTrigger } from './instant';

useNock();

describeRecordTrigger(newDealInstant, {
  eventType: CRM_EVENTS.opportunity.created,
  resource: 'opportunities',
  record: OPPORTUNITY,
  output: { id: '34567', pipeline_name: 'Sales Pipeline', stage_name: 'Contract Sent' },
  pipelines: [PIPELINE],
  pollQuery: { 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' },
});
