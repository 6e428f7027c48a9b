import { apideck } from '../../src/client';
import { flattenCompany } from '../../src/map';
import { CompanySchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import newCompany from '../newCompany';
import { fromPolling, instantTrigger } from '../../src/instant';
import { ownerNames } from '../../src/names';

export default instantTrigger({
  key: 'new_company_instant',
  noun: 'Company',
  label: 'New Company',
  description:
    'Triggers when a new company is created in the connected CRM, as soon as the CRM reports it: HubSpot and Pipedrive report it within seconds, Salesforce up to a day later. Other CRMs may not report it at all; then use New Company without the Instant badge.',
  eventType: CRM_EVENTS.company.created,
  toOutput: async (z, event) => {
    const company = await apideck(z).eventRecord('company', CompanySchema, event);
    return flattenCompany(company, (await ownerNames(z, [company], event.service_id))(company));
  },
  ...fromPolling(newCompany),
});
