import { booleanText, inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { isNoEndpoint } from '../src/errors';
import { contactIdsField, idList, TASK_SUBJECT_LENGTH } from '../src/inputs';
import { flattenTask } from '../src/map';
import { dueDateTime } from '../src/dates';
import { TASK } from '../src/samples';

export const inputFields = defineInputFields([
  {
    key: 'subject',
    label: 'Subject',
    required: true,
    helpText: `What the task is, e.g. "Send the quote" (${TASK_SUBJECT_LENGTH.min} to ${TASK_SUBJECT_LENGTH.max} characters).`,
  },
  { key: 'notes', label: 'Notes', type: 'text', required: false, helpText: 'Details of the task.' },
  {
    key: 'due_date',
    label: 'Due Date',
    type: 'datetime',
    required: false,
    helpText:
      "When the task is due, in your Zap's time zone. A date alone is due at 09:00 that day. Leave empty for no due date.",
  },
  { ...contactIdsField, helpText: 'Nimble contact IDs to link the task to (optional).' },
  {
    key: 'assigned_to',
    label: 'Assignee User ID',
    required: false,
    helpText:
      "The Nimble user ID to assign the task to. Leave empty to assign it to yourself. (Accounts that only have Nimble's older task endpoint take no assignee.)",
  },
  {
    key: 'is_important',
    label: 'Important',
    type: 'boolean',
    required: false,
    helpText: "Mark the task as important. (Accounts that only have Nimble's older task endpoint take no importance.)",
  },
]);

const CreateTaskInput = z.object({
  subject: inputs
    .text()
    .pipe(
      z
        .string()
        .min(TASK_SUBJECT_LENGTH.min, `must be at least ${TASK_SUBJECT_LENGTH.min} characters`)
        .max(TASK_SUBJECT_LENGTH.max, `must be at most ${TASK_SUBJECT_LENGTH.max} characters`),
    ),
  notes: z.string().trim().min(1).optional(),
  due_date: inputs.isoDateTime().optional(),
  contact_ids: idList().optional(),
  assigned_to: inputs.id().optional(),
  // Zapier's boolean fields send true/false, or text when mapped ("yes", "no", "1", "0").
  is_important: inputs.optional(
    z.unknown().transform((v, ctx) => {
      const flag = booleanText(v);
      if (flag === undefined) ctx.addIssue({ code: 'custom', message: 'must be yes or no' });
      return flag;
    }),
  ),
});

/**
 * nimble.md §9.1: `POST /api/v1/tasks` with `related.contacts` (the current documentation's path);
 * if the account has no such endpoint (404 naming no object, or 405: nothing was created), once
 * `POST /api/v1/activities/task` with `related_to` (the path Pipedream and GearPlug use). Each body is
 * built for its own path. The due date is ISO 8601 with the offset of the Zap's time zone.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateTaskInput, bundle.inputData, inputFields);
  const api = nimble(z);
  const due_date = input.due_date ? dueDateTime(input.due_date, bundle.meta?.timezone) : undefined;
  const common = {
    subject: input.subject,
    ...(input.notes ? { notes: input.notes } : {}),
    ...(due_date ? { due_date } : {}),
  };
  try {
    return flattenTask(
      await api.createTask({
        ...common,
        ...(input.assigned_to ? { assigned_to: input.assigned_to } : {}),
        ...(input.is_important !== undefined ? { is_important: input.is_important } : {}),
        ...(input.contact_ids?.length ? { related: { contacts: input.contact_ids } } : {}),
      }),
    );
  } catch (err) {
    if (!isNoEndpoint(err)) throw err;
  }
  // The legacy endpoint documents no assignee and no importance: refused rather than dropped
  // (an unimportant task is what it creates anyway).
  const unsupported = [
    ...(input.assigned_to ? ['Assignee User ID'] : []),
    ...(input.is_important ? ['Important'] : []),
  ];
  if (unsupported.length) {
    throw new z.errors.Error(
      `${unsupported.join(' and ')}: this Nimble account has only the older task endpoint (/api/v1/activities/task), which takes no assignee or importance. Leave ${unsupported.length > 1 ? 'them' : 'it'} empty. No task was created.`,
      'InvalidInput',
      400,
    );
  }
  return flattenTask(
    await api.createLegacyTask({
      ...common,
      ...(input.contact_ids?.length ? { related_to: input.contact_ids } : {}),
    }),
  );
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
