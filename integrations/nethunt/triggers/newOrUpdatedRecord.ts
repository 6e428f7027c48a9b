import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changeOutputFields, pollChanges } from '../src/changes';
import { changeFieldNamesField, readableFolderField } from '../src/inputs';
import { flattenChange } from '../src/map';
import { RECORD_CHANGE_SHAPE } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeFieldNamesField]);

const perform = (async (z, bundle) => pollChanges(z, bundle, ['CREATE', 'UPDATE'])) satisfies PollingTriggerPerform<
  typeof inputFields
>;

export default defineTrigger({
  key: 'new_or_updated_record',
  noun: 'Record',
  display: {
    label: 'New or Updated Record',
    description: 'Triggers when a record in a NetHunt CRM folder is created or updated, with the values that changed.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChange({ ...RECORD_CHANGE_SHAPE, recordAction: 'CREATE' }),
    outputFields: changeOutputFields,
  },
});
