import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { flatContactUpdates } from '../src/contacts';
import { contactCustomOutputFields, recordTypeFilterField, recordTypeOf } from '../src/inputs';
import { contactOutputFields, flattenContactUpdate, staticSample } from '../src/map';
import { CONTACT } from '../src/samples';

const inputFields = defineInputFields([recordTypeFilterField]);

const perform = (async (z, bundle) => {
  const contacts = await nimble(z).recentContacts('updated', recordTypeOf(bundle.inputData.record_type));
  return flatContactUpdates(z, contacts);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'updated_contact',
  noun: 'Contact',
  display: {
    label: 'Updated Contact',
    description:
      'Triggers when a contact (a person or a company) is changed, once per change, with the whole contact. Only contacts the connected user can see are included.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: staticSample(flattenContactUpdate(CONTACT)),
    outputFields: [
      { key: 'id', label: 'Change ID', type: 'string' as const },
      { key: 'contact_id', label: 'Contact ID', type: 'string' as const },
      ...contactOutputFields.filter((f) => f.key !== 'id'),
      contactCustomOutputFields,
    ],
  },
});
