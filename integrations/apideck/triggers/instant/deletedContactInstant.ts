import type { Output } from '../../src/map';
import { CRM_EVENTS, deletedOutput, deletedOutputFields } from '../../src/webhooks';
import { instantTrigger } from '../../src/instant';

/** A deletion event as the trigger outputs it: what the Zap editor shows before a real one arrives. */
const SAMPLE: Output = {
  id: '12345',
  event_type: CRM_EVENTS.contact.deleted,
  occurred_at: '2024-06-05T18:02:11.000Z',
  service_id: 'hubspot',
};

export default instantTrigger({
  key: 'deleted_contact_instant',
  noun: 'Contact',
  label: 'Deleted Contact',
  description:
    'Triggers when a contact is deleted in the connected CRM, as soon as the CRM reports it: HubSpot and Pipedrive report deletions within seconds; other CRMs may not report them at all.',
  eventType: CRM_EVENTS.contact.deleted,
  // The contact is gone: the event (id, type, time) is the output, without a request.
  toOutput: async (_z, event) => deletedOutput(event),
  /**
   * The CRM API lists no deleted contacts and has no deletion events to read back (apideck-crm.md
   * §15: they only arrive as webhooks), so the Zap editor's example is the static sample. It is not
   * a live contact: any contact shown here would be one that still exists.
   */
  performList: async () => [SAMPLE],
  sample: SAMPLE,
  outputFields: deletedOutputFields('Contact'),
});
