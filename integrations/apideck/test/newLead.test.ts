import { failureOf, useNock } from '@crm-zapier/kit/testing';
import newLead from '../triggers/newLead';
import { LEAD } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('new_lead', () => {
  it('lists leads newest first and outputs them flat, as the sample', async () => {
    api()
      .get('/crm/leads')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, listBody('leads', [LEAD]));
    const out = await run.trigger(newLead, {});
    expect(out).toEqual([newLead.operation.sample]);
  });

  it('a connector without paging gets the listing without limit; the newest 100 are kept', async () => {
    const leads = Array.from({ length: 150 }, (_x, i) => ({
      ...LEAD,
      id: `lead-${i}`,
      created_at: new Date(Date.parse('2024-01-01T00:00:00.000Z') + i * 3_600_000).toISOString(),
    }));
    api()
      .get('/crm/leads')
      .query(true)
      .reply(400, errorBody(400, 'PaginationNotSupportedError', 'Pagination not supported'));
    api().get('/crm/leads').reply(200, listBody('leads', leads));
    const out = await run.trigger(newLead, {});
    expect(out).toHaveLength(100);
    expect(out[0]!.id).toBe('lead-149');
    expect(out[99]!.id).toBe('lead-50');
  });

  it("a 403 is shown with Apideck's text", async () => {
    api()
      .get('/crm/leads')
      .query(true)
      .reply(403, errorBody(403, 'ForbiddenError', 'Forbidden', 'Leads are disabled for this consumer'));
    const err = await failureOf(run.trigger(newLead, {}));
    expect(err.message).toMatch(/^Apideck refused access: Forbidden — Leads are disabled for this consumer\./);
  });

  it('an answer that is not JSON is a clear error', async () => {
    api().get('/crm/leads').query(true).reply(200, 'Service Unavailable', { 'Content-Type': 'text/plain' });
    const err = await failureOf(run.trigger(newLead, {}));
    expect(err.message).toBe('Apideck sent an answer that is not JSON (text/plain): Service Unavailable.');
    allowOffContractReplies();
  });
});

describe('newLead in the Zap editor', () => {
  it("says what triggers it, whose records it sees, without the app's name or connector notes", () => {
    expect(newLead.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(newLead.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});
