import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changeOutputFields, pollChanges } from '../src/changes';
import { changeRecordField, readableFolderField } from '../src/inputs';
import { flattenChange } from '../src/map';
import { SAMPLE_CHANGE } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeRecordField]);

const perform = (async (z, bundle) => pollChanges(z, bundle, ['DELETE'])) satisfies PollingTriggerPerform<
  typeof inputFields
>;

export default defineTrigger({
  key: 'deleted_record',
  noun: 'Record',
  display: {
    label: 'Deleted Record',
    description:
      "Triggers when a record is deleted from a folder. Gives the record's name and ID and who deleted it; its other fields are gone.",
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChange(
      { ...SAMPLE_CHANGE, time: '2024-03-15T08:12:40.220Z', recordAction: 'DELETE', fieldActions: undefined },
      'Jane Cooper',
    ),
    outputFields: changeOutputFields,
  },
});
