import { sinceFor } from '@crm-zapier/kit';
import { apideck } from '../../src/client';
import { POLL_PAGE_SIZE } from '../../src/constants';
import { flattenCompany } from '../../src/map';
import { LOOK_BACK, newestPage } from '../../src/polling';
import { COMPANY, OWNER_NAMES } from '../../src/samples';
import { CompanySchema } from '../../src/schemas';
import { CRM_EVENTS } from '../../src/webhooks';
import { instantTrigger } from '../../src/instant';
import { companyOutputs } from '../../src/outputs';
import { ownerNames } from '../../src/names';

/** There is no polling New Company trigger: this is the request one would make (newest first). */
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
  performList: async (z, bundle) => {
    const companies = await newestPage(
      apideck(z).companies,
      {
        filter: { created_since: sinceFor(bundle, LOOK_BACK) },
        sort: { by: 'created_at', direction: 'desc' },
        limit: POLL_PAGE_SIZE,
      },
      (c) => c.created_at,
    );
    const names = await ownerNames(z, companies);
    return companies.map((c) => flattenCompany(c, names(c)));
  },
  sample: flattenCompany(COMPANY, OWNER_NAMES),
  outputFields: companyOutputs,
});
