import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changeOutputFields, pollChanges } from '../src/changes';
import { changeRecordIdField, readableFolderField } from '../src/inputs';
import { flattenChange } from '../src/map';
import { RECORD_CHANGE_SHAPE } from '../src/samples';

const inputFields = defineInputFields([readableFolderField, changeRecordIdField]);

const perform = (async (z, bundle) => pollChanges(z, bundle, ['DELETE'])) satisfies PollingTriggerPerform<
  typeof inputFields
>;

export default defineTrigger({
  key: 'deleted_record',
  noun: 'Record',
  display: {
    label: 'Deleted Record',
    description: 'Triggers when a record is deleted from a NetHunt CRM folder.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenChange({
      ...RECORD_CHANGE_SHAPE,
      id: '597084cc39b70d3b5959c604',
      time: '2017-03-01T12:30:10.510Z',
      recordAction: 'DELETE',
    }),
    outputFields: changeOutputFields,
  },
});
