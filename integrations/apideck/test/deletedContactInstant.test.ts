import { expectNothingSent, failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import { CRM_EVENTS } from '../src/webhooks';
import deletedContactInstant from '../triggers/instant/deletedContactInstant';
import { api, AUTH, delivery, event, OTHER_KEY, run, TARGET, webhook } from './instant';

useNock();

const EVENT = CRM_EVENTS.contact.deleted;
const method = (name: string) => `triggers.${deletedContactInstant.key}.operation.${name}`;

describe('deleted_contact_instant', () => {
  it('performSubscribe creates one crm webhook for crm.contact.deleted events, delivering to the Zap', async () => {
    api()
      .post('/webhook/webhooks', {
        description: 'Zapier: Deleted Contact (Instant) for consumer consumer-42',
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

  it("a refused subscription is shown with Apideck's text", async () => {
    api()
      .post('/webhook/webhooks')
      .reply(403, { status_code: 403, type_name: 'ForbiddenError', message: 'Webhooks are not enabled' });
    const err = await failureOf(run(method('performSubscribe'), makeBundle(AUTH, {}, {}, { targetUrl: TARGET })));
    expect(err.message).toMatch(/^Apideck refused access: ForbiddenError: Webhooks are not enabled\./);
  });

  it('perform returns the id, type and time of the deletion without a request', async () => {
    await expect(run(method('perform'), delivery(event(EVENT, '12345')))).resolves.toEqual([
      {
        id: '12345',
        contact_id: '12345',
        event_type: 'crm.contact.deleted',
        occurred_at: '2021-10-01T03:14:55.419Z',
        service_id: 'hubspot',
      },
    ]);
    expectNothingSent();
  });

  it("drops another consumer's deletion, an unsigned or forged one, and a replayed one", async () => {
    const perform = (bundle: object) => run(method('perform'), bundle);
    await expect(perform(delivery(event(EVENT, '12345', { consumer_id: 'consumer-7' })))).resolves.toEqual([]);
    await expect(perform(delivery(event(EVENT, '12345'), { signature: null }))).resolves.toEqual([]);
    await expect(perform(delivery(event(EVENT, '12345'), { key: OTHER_KEY }))).resolves.toEqual([]);
    const payload = event(EVENT, '12345');
    await expect(perform(delivery(payload))).resolves.toHaveLength(1);
    await expect(perform(delivery(payload))).resolves.toEqual([]);
  });

  it('an event whose entity_id is a path stops before any request', async () => {
    const err = await failureOf(run(method('perform'), delivery(event(EVENT, '../companies/1'))));
    expect(err.message).toMatch(/entity_id .* is not a record id; the event was not used/);
    expect(err.raw).toContain('InvalidEvent');
    expectNothingSent();
  });

  it('performList returns the static sample and sends no request', async () => {
    await expect(run(method('performList'), makeBundle(AUTH))).resolves.toEqual([
      deletedContactInstant.operation.sample,
    ]);
    expectNothingSent();
  });
});
