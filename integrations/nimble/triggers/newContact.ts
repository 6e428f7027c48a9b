import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { flatContacts } from '../src/contacts';
import { contactCustomOutputFields, recordTypeFilterField, recordTypeOf } from '../src/inputs';
import { contactOutputFields, flattenContact, staticSample } from '../src/map';
import { CONTACT } from '../src/samples';

const inputFields = defineInputFields([recordTypeFilterField]);

const perform = (async (z, bundle) => {
  const contacts = await nimble(z).recentContacts('created', recordTypeOf(bundle.inputData.record_type));
  return flatContacts(z, contacts);
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description:
      'Triggers when a new contact (a person or a company) is added. Only contacts the connected user can see are included.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});
