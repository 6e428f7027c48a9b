import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changedRecordOutputFields, pollChangedRecords } from '../src/changes';
import { changeFieldNamesField, readableFolderField } from '../src/inputs';
import { flattenChangedRecord } from '../src/map';
import { SAMPLE_CHANGE, SAMPLE_RECORD } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeFieldNamesField]);

const perform = (async (z, bundle) => pollChangedRecords(z, bundle)) satisfies PollingTriggerPerform<
  typeof inputFields
>;

export default defineTrigger({
  key: 'new_or_updated_record',
  noun: 'Record',
  display: {
    label: 'New or Updated Record',
    description:
      'Triggers when a record in a folder is created or updated. Gives the full record, with the fields that changed and their old and new values.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChangedRecord(SAMPLE_CHANGE, null, SAMPLE_RECORD),
    outputFields: changedRecordOutputFields,
  },
});
