import { booleanText, inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { isNoEndpoint } from '../src/errors';
import {
  connectedUserId,
  contactIdsField,
  idList,
  optionalText,
  TASK_SUBJECT_LENGTH,
  USER_DROPDOWN,
} from '../src/inputs';
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
  {
    ...contactIdsField,
    helpText: 'The people or companies the task is about: pick them, or map them from an earlier step.',
  },
  {
    key: 'assigned_to',
    label: 'Assignee',
    required: false,
    dynamic: USER_DROPDOWN,
    helpText:
      'Who does the task. Leave empty for yourself (the user this connection signed in as). The list shows you and the owners of recently changed deals; to pick someone else, map an **Owner** from an earlier step.',
  },
  {
    key: 'is_important',
    label: 'Important',
    type: 'boolean',
    required: false,
    helpText: 'Mark the task as important.',
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
  notes: optionalText(),
  due_date: inputs.optional(inputs.isoDateTime()),
  contact_ids: inputs.optional(idList()),
  assigned_to: inputs.optional(inputs.id()),
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
 * built for its own path. The due date is ISO 8601 with the offset of the Zap's time zone. The task
 * is assigned to the connected user unless another assignee is picked.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, CreateTaskInput, bundle.inputData, inputFields);
  const api = nimble(z);
  const due_date = input.due_date ? dueDateTime(input.due_date, bundle.meta?.timezone) : undefined;
  const me = await connectedUserId(z, bundle.authData);
  const common = {
    subject: input.subject,
    ...(input.notes ? { notes: input.notes } : {}),
    ...(due_date ? { due_date } : {}),
  };
  try {
    return flattenTask(
      await api.createTask({
        ...common,
        assigned_to: input.assigned_to ?? me,
        ...(input.is_important !== undefined ? { is_important: input.is_important } : {}),
        ...(input.contact_ids?.length ? { related: { contacts: input.contact_ids } } : {}),
      }),
    );
  } catch (err) {
    if (!isNoEndpoint(err)) throw err;
  }
  // The legacy endpoint documents no assignee and no importance: the task is the connected user's,
  // and another assignee or "important" is refused rather than dropped (no task is made yet).
  const unsupported = [
    ...(input.assigned_to && input.assigned_to !== me ? ['Assignee'] : []),
    ...(input.is_important ? ['Important'] : []),
  ];
  if (unsupported.length) {
    throw new z.errors.Error(
      `${unsupported.join(' and ')}: in this Nimble account, tasks made through Zapier are always yours and never marked important. Leave ${unsupported.length > 1 ? 'them' : 'it'} empty. No task was created.`,
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
  display: { label: 'Create Task', description: 'Creates a task, optionally linked to contacts.' },
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
