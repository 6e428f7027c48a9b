import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { flattenActivity } from '../src/map';
import { ACTIVITY } from '../src/samples';
import type { ActivityBody } from '../src/schemas';
import { compact, companyField, contactIdField, opportunityIdField, optionalText, ownerField } from '../src/inputs';
import { activityOutputFields } from '../src/outputs';

export const ACTIVITY_TYPES = ['call', 'meeting', 'email'] as const;

export const inputFields = defineInputFields([
  {
    key: 'type',
    label: 'Activity Type',
    required: true,
    helpText:
      'Zoho CRM stores every activity as a calendar event, whatever the type; to log a note there use **Create Note**.',
    choices: [
      { value: 'call', label: 'Call', sample: 'call' },
      { value: 'meeting', label: 'Meeting', sample: 'meeting' },
      { value: 'email', label: 'Email', sample: 'email' },
    ],
  },
  { key: 'title', label: 'Title', required: false, helpText: 'e.g. `Intro call`.' },
  {
    key: 'start',
    label: 'Date and Time',
    type: 'datetime',
    required: false,
    helpText: 'When the activity happened or starts. Salesforce requires it (activities are Salesforce events).',
  },
  {
    key: 'duration_minutes',
    label: 'Duration (Minutes)',
    type: 'number',
    required: false,
    helpText: 'How long it lasted, in minutes; fractions are allowed (2.5 = 2 minutes 30 seconds).',
  },
  { key: 'description', label: 'Description', type: 'text', required: false },
  contactIdField,
  companyField,
  opportunityIdField,
  ownerField,
]);

const LogActivityInput = zod.object({
  type: zod.enum(ACTIVITY_TYPES),
  title: inputs.optional(inputs.text()),
  start: inputs.optional(inputs.isoDateTime()),
  duration_minutes: inputs.optional(inputs.number().pipe(zod.number().min(0, 'must not be negative'))),
  description: optionalText,
  contact_id: inputs.optional(inputs.id()),
  company_id: inputs.optional(inputs.id()),
  opportunity_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
});

/** The start goes out in UTC as both the activity time and the start; the end follows from the duration. */
export const toActivityBody = (i: zod.infer<typeof LogActivityInput>): ActivityBody => {
  const start = i.start ? new Date(i.start) : undefined;
  const seconds = i.duration_minutes !== undefined ? Math.round(i.duration_minutes * 60) : undefined;
  return compact({
    type: i.type,
    title: i.title,
    description: i.description,
    activity_datetime: start?.toISOString(),
    start_datetime: start?.toISOString(),
    end_datetime: start && seconds !== undefined ? new Date(start.getTime() + seconds * 1000).toISOString() : undefined,
    duration_seconds: seconds,
    contact_id: i.contact_id,
    company_id: i.company_id,
    opportunity_id: i.opportunity_id,
    owner_id: i.owner_id,
  });
};

const perform = (async (z, bundle) => {
  const input = parseInput(z, LogActivityInput, bundle.inputData, inputFields);
  const body = toActivityBody(input);
  const created = await apideck(z).createActivity(body);
  return flattenActivity({ ...body, id: created.id });
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'log_activity',
  noun: 'Activity',
  display: {
    label: 'Log Activity',
    description: 'Creates a call, meeting or email activity in your CRM, linked to a contact, company or deal.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenActivity(ACTIVITY),
    outputFields: activityOutputFields,
  },
});
