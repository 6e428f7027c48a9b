import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt, type CallLogBody } from '../src/client';
import { recordField, recordFolderField, recordId } from '../src/inputs';
import { SAMPLE_RECORD } from '../src/samples';
import type { CreatedCallLog } from '../src/schemas';

export const inputFields = defineInputFields([
  recordFolderField,
  recordField,
  { key: 'text', label: 'Call Notes', type: 'text', required: true, helpText: 'What the call was about.' },
  {
    key: 'time',
    label: 'Call Started At',
    type: 'datetime',
    required: false,
    helpText: 'When the call started. Leave empty for none.',
  },
  {
    key: 'duration',
    label: 'Duration (Minutes)',
    type: 'number',
    required: false,
    helpText: 'How long the call lasted, in minutes; fractions are allowed (2.5 = 2 minutes 30 seconds).',
  },
]);

const CreateCallLogInput = z.object({
  record_id: recordId(),
  text: inputs.text(),
  time: inputs.isoDateTime().optional(),
  duration: inputs.number().pipe(z.number().min(0, 'must not be negative')).optional(),
});

/** The call log NetHunt created, with what was logged (the answer holds only its id and time). */
const flattenCallLog = (c: CreatedCallLog, recordId: string, body: CallLogBody) => ({
  id: c.callLogId,
  created_at: c.createdAt,
  record_id: recordId,
  text: body.text,
  time: body.time ?? null,
  duration: body.duration ?? null,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateCallLogInput, bundle.inputData, inputFields);
  const body = {
    text: input.text,
    // The document asks for ISO time in UTC.
    time: input.time ? new Date(input.time).toISOString() : undefined,
    duration: input.duration,
  };
  const created = await nethunt(z).createCallLog(input.record_id, body);
  return flattenCallLog(created, input.record_id, body);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_call_log',
  noun: 'Call Log',
  display: {
    label: 'Create Call Log',
    description: 'Logs a call on a record, with notes, when it started and how long it lasted.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenCallLog(
      { callLogId: '65f2b3e24e8b7d0012ab35c4', createdAt: '2024-03-13T12:31:09.402Z' },
      SAMPLE_RECORD.recordId,
      {
        text: 'Discussed volume pricing; she will confirm the order next week.',
        time: '2024-03-13T12:05:00.000Z',
        duration: 12.5,
      },
    ),
    outputFields: [
      { key: 'id', label: 'Call Log ID', type: 'string' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'text', label: 'Call Notes', type: 'string' },
      { key: 'time', label: 'Call Started At', type: 'datetime' },
      { key: 'duration', label: 'Duration (Minutes)', type: 'number' },
    ],
  },
});
