import { inputs, lazySchema, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { nimble } from '../src/client';
import { contactIdsField } from '../src/fields';
import { idList } from '../src/inputs';
import { flattenTask } from '../src/map';
import { TASK } from '../src/samples';

export const inputFields = defineInputFields([
  { key: 'subject', label: 'Subject', required: true, helpText: 'What the task is, e.g. "Send the quote".' },
  { key: 'notes', label: 'Notes', type: 'text', required: false, helpText: 'Details of the task.' },
  {
    key: 'due_date',
    label: 'Due Date',
    type: 'datetime',
    required: false,
    helpText: 'When the task is due. Leave empty for no due date.',
  },
  { ...contactIdsField, helpText: 'Nimble contact IDs to link the task to (optional).' },
  {
    key: 'assigned_to',
    label: 'Assignee User ID',
    required: false,
    helpText: 'The Nimble user ID to assign the task to. Leave empty to assign it to yourself.',
  },
  {
    key: 'is_important',
    label: 'Important',
    type: 'boolean',
    required: false,
    helpText: 'Mark the task as important.',
  },
]);

const CreateTaskInput = lazySchema((zod) =>
  zod.object({
    subject: inputs.text(),
    notes: zod.string().trim().min(1).optional(),
    due_date: inputs.isoDateTime().optional(),
    contact_ids: idList().optional(),
    assigned_to: inputs.id().optional(),
    is_important: zod
      .union([zod.boolean(), zod.enum(['true', 'false', 'yes', 'no'])])
      .transform((v) => v === true || v === 'true' || v === 'yes')
      .optional(),
  }),
);

const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateTaskInput, bundle.inputData, inputFields);
  const task = await nimble(z).createTask({
    subject: input.subject,
    ...(input.notes ? { notes: input.notes } : {}),
    ...(input.due_date ? { due_date: new Date(input.due_date).toISOString() } : {}),
    ...(input.assigned_to ? { assigned_to: input.assigned_to } : {}),
    ...(input.is_important !== undefined ? { is_important: input.is_important } : {}),
    ...(input.contact_ids?.length ? { related: { contacts: input.contact_ids } } : {}),
  });
  return flattenTask(task);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_task',
  noun: 'Task',
  display: { label: 'Create Task', description: 'Creates a task in Nimble, optionally linked to contacts.' },
  operation: {
    inputFields,
    perform,
    sample: flattenTask(TASK),
    outputFields: [
      { key: 'id', label: 'Task ID', type: 'string' },
      { key: 'subject', label: 'Subject' },
      { key: 'notes', label: 'Notes' },
      { key: 'due_date', label: 'Due Date', type: 'datetime' },
      { key: 'completed', label: 'Completed', type: 'boolean' },
      { key: 'is_important', label: 'Important', type: 'boolean' },
      { key: 'owner_id', label: 'Owner User ID' },
      { key: 'assigned_to_id', label: 'Assignee User ID' },
      { key: 'assigned_to_name', label: 'Assignee Name' },
      { key: 'contact_ids', label: 'Contact IDs', list: true },
      { key: 'contact_names', label: 'Contact Names', list: true },
      { key: 'tags', label: 'Tags', list: true },
      { key: 'created', label: 'Created At', type: 'datetime' },
      { key: 'updated', label: 'Updated At', type: 'datetime' },
    ],
  },
});
