import { useNock } from '@crm-zapier/kit/testing';
import { CONTACT, USER } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import updatedContactInstant from '../triggers/instant/updatedContactInstant';
import { describeRecordTrigger } from './instant';

useNock();

describeRecordTrigger(updatedContactInstant, {
  eventType: CRM_EVENTS.contact.updated,
  resource: 'contacts',
  record: CONTACT,
  output: { id: `12345-${Date.parse('2024-06-05T17:42:10.000Z')}`, contact_id: '12345', owner_name: 'Jordan Rivera' },
  users: [USER],
  pollQuery: {
    'filter[updated_since]': '2024-05-03T12:00:00.000Z',
    'sort[by]': 'updated_at',
    'sort[direction]': 'desc',
    limit: '100',
  },
});
