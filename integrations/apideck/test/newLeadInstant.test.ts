import { useNock } from '@crm-zapier/kit/testing';
import { LEAD } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import newLeadInstant from '../triggers/instant/newLeadInstant';
import { describeRecordTrigger } from './instant';

useNock();

describeRecordTrigger(newLeadInstant, {
  eventType: CRM_EVENTS.lead.created,
  resource: 'leads',
  record: LEAD,
  output: { id: '67890', owner_name: 'Jordan Rivera' },
  pollQuery: { 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' },
});
