import { useNock } from '@crm-zapier/kit/testing';
import { CONTACT, USER } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import newContactInstant from '../triggers/instant/newContactInstant';
import { describeRecordTrigger } from './instant';

useNock();

describeRecordTrigger(newContactInstant, {
  eventType: CRM_EVENTS.contact.created,
  resource: 'contacts',
  record: CONTACT,
  output: { id: '12345', email: 'ava.thompson@northwindaero.com', owner_name: 'Jordan Rivera' },
  users: [USER],
  pollQuery: {
    'filter[created_since]': '2024-05-03T12:00:00.000Z',
    'sort[by]': 'created_at',
    'sort[direction]': 'desc',
    limit: '100',
  },
});
