import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changeOutputFields, pollChanges } from '../src/changes';
import { changeFieldNamesField, changeRecordIdField, readableFolderField } from '../src/inputs';
import { flattenChange } from '../src/map';
import { RECORD_CHANGE_SHAPE } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeRecordIdField, changeFieldNamesField]);

const perform = (async (z, bundle) => pollChanges(z, bundle)) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'record_change',
  noun: 'Record Change',
  display: {
    label: 'Record Change',
    description: 'Triggers when a record in a NetHunt CRM folder is created, updated or deleted, with what changed.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChange(RECORD_CHANGE_SHAPE),
    outputFields: changeOutputFields,
  },
});
