import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt, type CallLogBody } from '../src/client';
import { recordId, recordIdField } from '../src/inputs';
import { CREATED_CALL_LOG } from '../src/samples';
import type { CreatedCallLog } from '../src/schemas';

export const inputFields = defineInputFields([
  recordIdField,
  { key: 'text', label: 'Call Notes', type: 'text', required: true, helpText: 'What the call was about.' },
  {
    key: 'time',
    label: 'Call Started At',
    type: 'datetime',
    required: false,
    helpText: 'When the call started. Sent to NetHunt CRM in UTC. Leave empty for none.',
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
  call_log_id: c.callLogId,
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
  display: { label: 'Create Call Log', description: 'Logs a call on a NetHunt CRM record.' },
  operation: {
    inputFields,
    perform,
    sample: flattenCallLog(CREATED_CALL_LOG, '596f644b8f6d05e16c24b830', {
      text: "It's a call log",
      time: '2015-01-01T12:35:00.000Z',
      duration: 2.5,
    }),
    outputFields: [
      { key: 'id', label: 'Call Log ID', type: 'string' },
      { key: 'call_log_id', label: 'Call Log ID (NetHunt)', type: 'string' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
      { key: 'record_id', label: 'Record ID', type: 'string' },
      { key: 'text', label: 'Call Notes', type: 'string' },
      { key: 'time', label: 'Call Started At', type: 'datetime' },
      { key: 'duration', label: 'Duration (Minutes)', type: 'number' },
    ],
  },
});
