import { expectNothingSent, failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import { OPPORTUNITY } from '../src/samples';
import { CRM_EVENTS } from '../src/webhooks';
import updatedDealInstant from '../triggers/instant/updatedDealInstant';
import { api, AUTH, delivery, event, list, one, OTHER_KEY, run, TARGET, webhook, type Out } from './instant';

useNock();

const EVENT = CRM_EVENTS.opportunity.updated;
const method = (name: string) => `triggers.${updatedDealInstant.key}.operation.${name}`;

describe('updated_deal_instant', () => {
  it('performSubscribe creates one crm webhook for opportunity.updated events, delivering to the Zap', async () => {
    api()
      .post('/webhook/webhooks', {
        description: `Zapier: ${updatedDealInstant.display.label} for consumer consumer-42`,
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
    api(AUTH, 'hubspot').get('/crm/opportunities/34567').reply(200, one('opportunities', OPPORTUNITY));
    const out = (await run(method('perform'), delivery(event(EVENT, '34567')))) as Out[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: `34567-${Date.parse(OPPORTUNITY.updated_at!)}`, opportunity_id: '34567' });
    expect(Object.keys(out[0]!)).toEqual(Object.keys(updatedDealInstant.operation.sample ?? {}));
  });

  it("a record that is gone is a not-found error with Apideck's text", async () => {
    api(AUTH, 'hubspot')
      .get('/crm/opportunities/34567')
      .reply(404, { status_code: 404, type_name: 'EntityNotFoundError', message: 'Unknown record' });
    const err = await failureOf(run(method('perform'), delivery(event(EVENT, '34567'))));
    expect(err.message).toBe('Apideck could not find opportunity 34567: EntityNotFoundError: Unknown record');
  });

  it('a record without an id is a clear error', async () => {
    api(AUTH, 'hubspot')
      .get('/crm/opportunities/34567')
      .reply(200, one('opportunities', { ...OPPORTUNITY, id: null }));
    const err = await failureOf(run(method('perform'), delivery(event(EVENT, '34567'))));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.id/);
  });

  it("another consumer's event, or a delivery signed with another key, triggers nothing and sends nothing", async () => {
    const other = delivery(event(EVENT, '34567', { consumer_id: 'consumer-7' }));
    await expect(run(method('perform'), other)).resolves.toEqual([]);
    const forged = delivery(event(EVENT, '34567'), { key: OTHER_KEY });
    await expect(run(method('perform'), forged)).resolves.toEqual([]);
    expectNothingSent();
  });

  it('performList is the polling request, newest first', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-05-10T12:00:00.000Z'));
    api()
      .get('/crm/opportunities')
      .query({ 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, list('opportunities', [OPPORTUNITY]));
    const out = (await run(method('performList'), makeBundle(AUTH))) as Out[];
    jest.restoreAllMocks();
    expect(out).toEqual([updatedDealInstant.operation.sample]);
  });
});
