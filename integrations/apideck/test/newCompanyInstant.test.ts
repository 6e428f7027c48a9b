import { useNock } from '@crm-zapier/kit/testing';
import { COMPANY, USER } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import newCompanyInstant from '../triggers/instant/newCompanyInstant';
import { describeRecordTrigger } from './instant';

useNock();

describeRecordTrigger(newCompanyInstant, {
  eventType: CRM_EVENTS.company.created,
  resource: 'companies',
  record: COMPANY,
  output: { id: '23456', name: 'Northwind Aerospace', owner_name: 'Jordan Rivera' },
  users: [USER],
  pollQuery: {
    'filter[created_since]': '2024-05-03T12:00:00.000Z',
    'sort[by]': 'created_at',
    'sort[direction]': 'desc',
    limit: '100',
  },
});
