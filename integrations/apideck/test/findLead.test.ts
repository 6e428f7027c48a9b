import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import findLead from '../searches/findLead';
import { LEAD } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, AUTH_WITH_SERVICE, bundle, errorBody, listBody, run, runMethod } from './helpers';

useNock();

describe('find_lead', () => {
  it('filters by the fields given, keeps the leads at the company (any case) and outputs them flat', async () => {
    const other = { ...LEAD, id: '67891', company_name: 'Tesla' };
    api()
      .get('/crm/leads')
      .query({ 'filter[first_name]': 'Elon', 'filter[last_name]': 'Musk', limit: '10' })
      .reply(200, listBody('leads', [other, LEAD]));
    const out = await run.search(findLead, { first_name: 'Elon', last_name: 'Musk', company_name: 'SPACEX' });
    expect(out).toEqual([findLead.operation.sample]);
    expect(out[0]).toMatchObject({ id: '67890', lead_id: '67890', company_name: 'Spacex', owner_name: 'John Doe' });
  });

  it('a connection error names the consumer and says to check Vault', async () => {
    api()
      .get('/crm/leads')
      .query(true)
      .reply(404, errorBody(404, 'ConnectorNotFoundError', 'Unknown connector', 'zoho-crm is not enabled'));
    const err = await failureOf(run.search(findLead, { email: 'elon@musk.com' }));
    expect(err.message).toBe(
      'Apideck has no working CRM connection for consumer consumer-42: ConnectorNotFoundError: Unknown connector — zoho-crm is not enabled. Check the Service ID, and reconnect the CRM for this consumer in Apideck Vault',
    );
  });

  it('the connector a connection error names (the Service ID) is shown, not blanked like a secret', async () => {
    api(AUTH_WITH_SERVICE)
      .get('/crm/leads')
      .query(true)
      .reply(404, errorBody(404, 'ConnectionNotFoundError', 'The consumer has no pipedrive connection'));
    const err = await failureOf(
      runMethod(
        `searches.${findLead.key}.operation.perform`,
        bundle({ email: 'elon@musk.com' }, {}, AUTH_WITH_SERVICE),
      ),
    );
    expect(err.message).toMatch(
      /^Apideck has no working CRM connection for consumer consumer-42: ConnectionNotFoundError: The consumer has no pipedrive connection\./,
    );
  });

  it('a lead whose emails are not a list is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/leads')
      .query(true)
      .reply(200, listBody('leads', [{ ...LEAD, emails: 'elon@musk.com' }]));
    const err = await failureOf(run.search(findLead, { email: 'elon@musk.com' }));
    expect(err.message).toMatch(
      /^Apideck sent an answer of an unexpected shape: data\[0\]\.emails: Invalid input: expected array/,
    );
  });

  it('refuses a company alone (it cannot search on its own) before any request', async () => {
    const err = await failureOf(run.search(findLead, { company_name: 'SpaceX' }));
    expect(err.message).toMatch(/Enter at least one of Email, Phone Number, Full Name, First Name or Last Name/);
    expectNothingSent();
  });
});
