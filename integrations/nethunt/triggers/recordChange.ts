import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changeOutputFields, pollChanges } from '../src/changes';
import { changeFieldNamesField, changeRecordField, readableFolderField } from '../src/inputs';
import { flattenChange } from '../src/map';
import { SAMPLE_CHANGE } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeRecordField, changeFieldNamesField]);

const perform = (async (z, bundle) => pollChanges(z, bundle)) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'record_change',
  noun: 'Record Change',
  display: {
    label: 'Record Change',
    description:
      "Triggers when any record in a folder is created, updated or deleted, once per change. Gives what changed, by whom, and the record's name, not its other fields.",
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChange(SAMPLE_CHANGE, 'Jane Cooper'),
    outputFields: changeOutputFields,
  },
});
