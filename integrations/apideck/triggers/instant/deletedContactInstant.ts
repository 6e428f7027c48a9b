import { newestFirst } from '@crm-zapier/kit';
import { apideck } from '../../src/client';
import { CRM_EVENTS, deletedOutput, deletedOutputFields } from '../../src/webhooks';
import { instantTrigger } from './define';

/** How many recent contacts the Zap editor shows as examples of a deletion. */
const EXAMPLES = 3;

export default instantTrigger({
  key: 'deleted_contact_instant',
  noun: 'Contact',
  label: 'Deleted Contact',
  description: 'Triggers when a contact is deleted in your CRM, as soon as Apideck sends the event.',
  eventType: CRM_EVENTS.contact.deleted,
  // The contact is gone: the event (id, type, time) is the output, without a request.
  toOutput: async (_z, event) => deletedOutput('contact', event),
  /**
   * Apideck lists no deleted contacts, so the editor's examples are the most recently updated
   * contacts, shaped as their deletion events would be (one request, which also proves the connection).
   */
  performList: async (z) => {
    const page = await apideck(z).contacts({ sort: { by: 'updated_at', direction: 'desc' }, limit: EXAMPLES });
    return newestFirst(page.items, (c) => c.updated_at ?? c.created_at).map((c) =>
      deletedOutput('contact', {
        event_type: CRM_EVENTS.contact.deleted,
        entity_id: c.id,
        occurred_at: c.updated_at ?? c.created_at ?? null,
        service_id: page.service,
      }),
    );
  },
  sample: {
    id: '12345',
    contact_id: '12345',
    event_type: CRM_EVENTS.contact.deleted,
    occurred_at: '2020-09-30T07:43:32.000Z',
    service_id: 'hubspot',
  },
  outputFields: deletedOutputFields('contact', 'Contact'),
});
