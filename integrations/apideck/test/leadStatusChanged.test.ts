import { createHash } from 'node:crypto';
import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import leadStatusChanged from '../triggers/leadStatusChanged';
import { LEAD } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

/** The id the trigger gives a lead seen in a status: lead id, `status`, 16 hex of the status's SHA-256. */
const statusId = (leadId: string, status: string) =>
  `${leadId}:status:${createHash('sha256').update(status).digest('hex').slice(0, 16)}`;

const QUERY = { 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' };
const page = (leads: unknown[]) => api().get('/crm/leads').query(QUERY).reply(200, listBody('leads', leads));

describe('lead_status_changed', () => {
  it('one request: the most recently updated leads, newest first; the whole flat lead with its status change id', async () => {
    page([LEAD]);
    const out = await run.trigger(leadStatusChanged, {});
    expect(out).toEqual([leadStatusChanged.operation.sample]);
    expect(out).toEqual([
      {
        id: statusId('67890', 'New'),
        lead_id: '67890',
        name: 'Marcus Lee',
        first_name: 'Marcus',
        last_name: 'Lee',
        prefix: 'Mr.',
        title: 'Head of Fleet Operations',
        company_name: 'Bluewater Logistics',
        company_id: null,
        contact_id: null,
        owner_id: '54321',
        owner_name: 'Jordan Rivera',
        lead_source: 'Website',
        status: 'New',
        monetary_amount: 20000,
        currency: 'USD',
        language: 'EN',
        fax: null,
        description: 'Asked for a fleet-tracking demo through the website form.',
        email: 'marcus.lee@bluewaterlogistics.com',
        email_work: 'marcus.lee@bluewaterlogistics.com',
        email_personal: null,
        emails: ['marcus.lee@bluewaterlogistics.com'],
        phone_number: '+1 503-555-0110',
        phone_work: '+1 503-555-0110',
        phone_mobile: '+1 503-555-0178',
        phone_numbers: ['+1 503-555-0110', '+1 503-555-0178'],
        address: '1120 NW Front Ave, 97209 Portland, OR, US',
        address_line1: '1120 NW Front Ave',
        address_line2: null,
        address_city: 'Portland',
        address_state: 'OR',
        address_postal_code: '97209',
        address_country: 'US',
        addresses: ['1120 NW Front Ave, 97209 Portland, OR, US'],
        website: 'https://www.bluewaterlogistics.com',
        websites: ['https://www.bluewaterlogistics.com'],
        social_links: [],
        tags: ['Demo request'],
        created_at: '2024-06-04T08:12:45.000Z',
        updated_at: '2024-06-04T08:12:45.000Z',
      },
    ]);
  });

  it('a new status gives a new id; an edit that keeps the status gives the same id (so it does not trigger again)', async () => {
    const before = { ...LEAD, updated_at: '2024-06-04T08:12:45.000Z' };
    const edited = { ...LEAD, title: 'COO', updated_at: '2024-06-05T09:00:00.000Z' };
    const qualified = { ...LEAD, status: 'Qualified', updated_at: '2024-06-06T09:00:00.000Z' };
    const ids: unknown[] = [];
    for (const lead of [before, edited, qualified]) {
      page([lead]);
      ids.push(...(await run.trigger(leadStatusChanged, {})).map((l) => l.id));
    }
    expect(ids).toEqual([statusId('67890', 'New'), statusId('67890', 'New'), statusId('67890', 'Qualified')]);
    expect(new Set([...ids, statusId('1', 'New')]).size).toBe(3);
  });

  it('a Status keeps only the leads in it (any case); leads without a status never trigger', async () => {
    page([
      { ...LEAD, id: '1', status: 'Qualified', updated_at: '2024-06-06T09:00:00.000Z' },
      { ...LEAD, id: '2', status: 'New', updated_at: '2024-06-05T09:00:00.000Z' },
      { ...LEAD, id: '3', status: '  qualified ', updated_at: '2024-06-04T09:00:00.000Z' },
      { ...LEAD, id: '4', status: null, updated_at: '2024-06-03T09:00:00.000Z' },
    ]);
    const out = await run.trigger(leadStatusChanged, {}, { extra: { status: ' QUALIFIED ' } });
    expect(out.map((l) => [l.id, l.lead_id, l.status])).toEqual([
      [statusId('1', 'Qualified'), '1', 'Qualified'],
      [statusId('3', 'qualified'), '3', '  qualified '],
    ]);
  });

  it('a connector that refuses the sort gets one plain listing, sorted by update here', async () => {
    api()
      .get('/crm/leads')
      .query(QUERY)
      .reply(400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field', 'updated_at'));
    api()
      .get('/crm/leads')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('leads', [
          { ...LEAD, id: 'a', updated_at: '2024-05-01T00:00:00.000Z' },
          { ...LEAD, id: 'b', updated_at: '2024-05-08T00:00:00.000Z' },
        ]),
      );
    const out = await run.trigger(leadStatusChanged, {});
    expect(out.map((l) => l.lead_id)).toEqual(['b', 'a']);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/leads')
      .query(QUERY)
      .reply(403, errorBody(403, 'ForbiddenError', 'Forbidden', 'Leads are disabled for this consumer'));
    const err = await failureOf(run.trigger(leadStatusChanged, {}));
    expect(err.message).toMatch(/^Apideck refused access: Forbidden — Leads are disabled for this consumer\./);
  });

  it('a lead whose status is not text is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/leads')
      .query(QUERY)
      .reply(200, listBody('leads', [{ ...LEAD, status: { name: 'New' } }]));
    const err = await failureOf(run.trigger(leadStatusChanged, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.status/);
  });

  it('a Status that is not text is refused before any request', async () => {
    const err = await failureOf(run.trigger(leadStatusChanged, {}, { extra: { status: { a: 1 } } }));
    expect(err.message).toMatch(/^Status: /);
    expectNothingSent();
  });
});

describe('leadStatusChanged in the Zap editor', () => {
  it('says what triggers it, without the app name or connector notes', () => {
    expect(leadStatusChanged.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(leadStatusChanged.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});
