import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { contactCustomOutputFields, recordTypeFilterField, recordTypeOf } from '../src/inputs';
import { contactOutputFields, flattenContactUpdate, staticSample } from '../src/map';
import { CONTACT } from '../src/samples';

const inputFields = defineInputFields([recordTypeFilterField]);

const perform = (async (z, bundle) => {
  const contacts = await nimble(z).recentContacts('updated', recordTypeOf(bundle.inputData.record_type));
  return contacts.map(flattenContactUpdate);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'updated_contact',
  noun: 'Contact',
  display: {
    label: 'Updated Contact',
    description: 'Triggers when a contact (person or company) is changed in Nimble, once per change.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: staticSample(flattenContactUpdate(CONTACT)),
    outputFields: [
      { key: 'id', label: 'Change ID', type: 'string' as const },
      ...contactOutputFields.filter((f) => f.key !== 'id'),
      contactCustomOutputFields,
    ],
  },
});
