import { expectNothingSent, failureOf, makeBundle, useNock } from '@crm-zapier/kit/testing';
import { CRM_EVENTS } from '../src/webhooks';
import deletedContactInstant from '../triggers/instant/deletedContactInstant';
import { api, AUTH, delivery, event, itSubscribes, OTHER_KEY, methodsOf, TARGET } from './instant';

useNock();

const EVENT = CRM_EVENTS.contact.deleted;
const { performSubscribe, perform, performList } = methodsOf(deletedContactInstant);

describe('deleted_contact_instant', () => {
  itSubscribes(deletedContactInstant, EVENT);

  it("a refused subscription is shown with Apideck's text", async () => {
    api()
      .post('/webhook/webhooks')
      .reply(403, { status_code: 403, type_name: 'ForbiddenError', message: 'Webhooks are not enabled' });
    const err = await failureOf(performSubscribe(makeBundle(AUTH, {}, {}, { targetUrl: TARGET })));
    expect(err.message).toMatch(/^Apideck refused access: Webhooks are not enabled\./);
  });

  it('perform returns the id, type and time of the deletion without a request', async () => {
    await expect(perform(delivery(event(EVENT, '12345')))).resolves.toEqual([
      {
        id: '12345',
        event_type: 'crm.contact.deleted',
        occurred_at: '2021-10-01T03:14:55.419Z',
        service_id: 'hubspot',
      },
    ]);
    expectNothingSent();
  });

  it("drops another consumer's deletion, an unsigned or forged one, and a replayed one", async () => {
    await expect(perform(delivery(event(EVENT, '12345', { consumer_id: 'consumer-7' })))).resolves.toEqual([]);
    await expect(perform(delivery(event(EVENT, '12345'), { signature: null }))).resolves.toEqual([]);
    await expect(perform(delivery(event(EVENT, '12345'), { key: OTHER_KEY }))).resolves.toEqual([]);
    const payload = event(EVENT, '12345');
    await expect(perform(delivery(payload))).resolves.toHaveLength(1);
    await expect(perform(delivery(payload))).resolves.toEqual([]);
  });

  it('an event whose entity_id is a path stops before any request', async () => {
    const err = await failureOf(perform(delivery(event(EVENT, '../companies/1'))));
    expect(err.message).toMatch(/entity_id .* is not a record id; the event was not used/);
    expect(err.raw).toContain('InvalidEvent');
    expectNothingSent();
  });

  it('performList returns the static sample and sends no request', async () => {
    await expect(performList(makeBundle(AUTH))).resolves.toEqual([deletedContactInstant.operation.sample]);
    expectNothingSent();
  });
});
