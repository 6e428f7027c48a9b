import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateLead from '../creates/updateLead';
import { LEAD } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, COMPANY_PICKER, errorBody, fieldOf, idBody, oneBody, run, itShowsCustomFieldInputs } from './helpers';

useNock();

describe('update_lead', () => {
  it("adds a phone number to the lead's numbers (one read), PATCHes, reads back and outputs it flat", async () => {
    api().get('/crm/leads/67890').reply(200, oneBody('leads', LEAD));
    api()
      .patch('/crm/leads/67890', {
        phone_numbers: [
          { id: '12345', number: '+1 503-555-0110', type: 'work' },
          { id: '12346', number: '+1 503-555-0178', type: 'mobile' },
          { number: '+1 503-555-0100', type: 'home' },
        ],
      })
      .reply(200, idBody('leads', '67890', 'update'));
    api().get('/crm/leads/67890').reply(200, oneBody('leads', LEAD));
    const out = await run.create(updateLead, { lead_id: '67890', phone_number: '+1 503-555-0100', phone_type: 'home' });
    expect(Object.keys(out)).toEqual(Object.keys(updateLead.operation.sample ?? {}));
    expect(out).toMatchObject({ id: '67890', name: 'Marcus Lee', company_name: 'Bluewater Logistics' });
  });

  it('a number the lead already has is sent back unchanged, not added twice', async () => {
    api().get('/crm/leads/67890').reply(200, oneBody('leads', LEAD));
    api()
      .patch('/crm/leads/67890', {
        phone_numbers: [
          { id: '12345', number: '+1 503-555-0110', type: 'work' },
          { id: '12346', number: '+1 503-555-0178', type: 'mobile' },
        ],
      })
      .reply(200, idBody('leads', '67890', 'update'));
    api().get('/crm/leads/67890').reply(200, oneBody('leads', LEAD));
    await run.create(updateLead, { lead_id: '67890', phone_number: '+1 (503) 555 0110', phone_type: 'mobile' });
  });

  it("a downstream rate limit waits for the connector's window", async () => {
    api()
      .patch('/crm/leads/67890')
      .reply(429, errorBody(429, 'ConnectorRateLimitError', 'HubSpot rate limit reached'), { 'Retry-After': '17' });
    const err = await failureOf(run.create(updateLead, { lead_id: '67890', status: 'Qualified' }));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toBe(
      'The connected CRM is rate limiting Apideck (HubSpot rate limit reached); Zapier will retry in 17 s.',
    );
  });

  it('a downstream rate limit answered with a 5xx after a write is not retried: the change may have been made', async () => {
    api()
      .patch('/crm/leads/67890')
      .reply(502, errorBody(502, 'ConnectorRateLimitError', 'HubSpot rate limit reached'));
    const err = await failureOf(run.create(updateLead, { lead_id: '67890', status: 'Qualified' }));
    expect(err.name).toBe('AppError');
    expect(JSON.parse(err.raw)).toMatchObject({ code: 'OutcomeUnknown' });
    expect(err.message).toMatch(/may or may not have been made/);
  });

  it('a read of the lists that is not an object is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/leads/67890')
      .reply(200, oneBody('leads', { ...LEAD, emails: [1] }));
    const err = await failureOf(run.create(updateLead, { lead_id: '67890', email: 'elon@x.com' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.emails/);
  });

  it('refuses an update that changes nothing before any request', async () => {
    const err = await failureOf(run.create(updateLead, { lead_id: '67890', phone_type: 'mobile' }));
    expect(err.message).toMatch(/Fill in at least one field to change/);
    expectNothingSent();
  });

  it('a 500 after the PATCH is OutcomeUnknown, and the PATCH is not sent again', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/leads/67890')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(updateLead, { lead_id: '67890', status: 'Qualified' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().patch('/crm/leads/67890').reply(302, '', { Location: 'https://elsewhere.example/crm/leads/67890' });
    const err = await failureOf(run.create(updateLead, { lead_id: '67890', status: 'Qualified' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('updateLead in the Zap editor', () => {
  itShowsCustomFieldInputs(updateLead, 'leads');

  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(updateLead, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });
});
