import { expectNothingSent, failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import { LEAD } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import newLeadInstant from '../triggers/instant/newLeadInstant';
import { api, AUTH, delivery, event, list, one, OTHER_KEY, run, TARGET, webhook, type Out } from './instant';

useNock();

const EVENT = CRM_EVENTS.lead.created;
const method = (name: string) => `triggers.${newLeadInstant.key}.operation.${name}`;

describe('new_lead_instant', () => {
  it('performSubscribe creates one crm webhook for lead.created events, delivering to the Zap', async () => {
    api()
      .post('/webhook/webhooks', {
        description: `Zapier: ${newLeadInstant.display.label} for consumer consumer-42`,
        unified_api: 'crm',
        status: 'enabled',
        delivery_url: TARGET,
        events: [EVENT],
      })
      .reply(201, webhook('whk_1', EVENT));
    await expect(run(method('performSubscribe'), makeBundle(AUTH, {}, {}, { targetUrl: TARGET }))).resolves.toEqual({
      id: 'whk_1',
      event_type: EVENT,
    });
  });

  it('perform reads the record once, from the connector the event names, as the sample', async () => {
    api(AUTH, 'hubspot').get('/crm/leads/67890').reply(200, one('leads', LEAD));
    const out = (await run(method('perform'), delivery(event(EVENT, '67890')))) as Out[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: '67890', lead_id: '67890' });
    expect(Object.keys(out[0]!)).toEqual(Object.keys(newLeadInstant.operation.sample ?? {}));
  });

  it("a record that is gone is a not-found error with Apideck's text", async () => {
    api(AUTH, 'hubspot')
      .get('/crm/leads/67890')
      .reply(404, { status_code: 404, type_name: 'EntityNotFoundError', message: 'Unknown record' });
    const err = await failureOf(run(method('perform'), delivery(event(EVENT, '67890'))));
    expect(err.message).toBe('Apideck could not find lead 67890: EntityNotFoundError: Unknown record');
  });

  it('a record without an id is a clear error', async () => {
    api(AUTH, 'hubspot')
      .get('/crm/leads/67890')
      .reply(200, one('leads', { ...LEAD, id: null }));
    const err = await failureOf(run(method('perform'), delivery(event(EVENT, '67890'))));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.id/);
  });

  it("another consumer's event, or a delivery signed with another key, triggers nothing and sends nothing", async () => {
    const other = delivery(event(EVENT, '67890', { consumer_id: 'consumer-7' }));
    await expect(run(method('perform'), other)).resolves.toEqual([]);
    const forged = delivery(event(EVENT, '67890'), { key: OTHER_KEY });
    await expect(run(method('perform'), forged)).resolves.toEqual([]);
    expectNothingSent();
  });

  it('performList is the polling request, newest first', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-05-10T12:00:00.000Z'));
    api()
      .get('/crm/leads')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, list('leads', [LEAD]));
    const out = (await run(method('performList'), makeBundle(AUTH))) as Out[];
    jest.restoreAllMocks();
    expect(out).toEqual([newLeadInstant.operation.sample]);
  });
});
