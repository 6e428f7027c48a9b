import {
  appErrorOf,
  asRecord,
  codeAsWords,
  type CrmErrorDetail,
  type CrmErrorOptions,
  nonBlank,
} from '@crm-zapier/kit';
import { CRM, TASKS_PATH } from './client';

/**
 * The Zap-editor labels of the fields Nimble names in its errors (contact fields by their names, the
 * other requests' keys by their paths' last part), so a message names what the user filled in.
 */
const LABELS: Record<string, string> = {
  'first name': 'First Name',
  'last name': 'Last Name',
  'middle name': 'Middle Name',
  'company name': 'Company Name',
  'contact employment': 'Company Name / Job Title',
  email: 'Email',
  phone: 'Phone',
  URL: 'Website',
  address: 'Address',
  domain: 'Domain',
  tags: 'Tags',
  owner_id: 'Owner',
  name: 'Deal Name',
  amount: 'Amount',
  currency: 'Currency',
  probability: 'Probability (%)',
  description: 'Description',
  expected_close_date: 'Expected Close Date',
  pipeline_id: 'Pipeline',
  stage_id: 'Stage',
  related_contacts: 'Related Contacts',
  contact_ids: 'Contacts',
  note: 'Note',
  note_preview: 'Preview',
  title: 'Title',
  body: 'Note',
  subject: 'Subject',
  notes: 'Notes',
  due_date: 'Due Date',
  assigned_to: 'Assignee',
  related: 'Contacts',
};

/** A field Nimble names (`first name`, `/fields_values/probability`) as the user knows it. */
const labelOf = (field: string): string => {
  const parts = field.split('/').filter(Boolean);
  const known = [...parts].reverse().find((p) => LABELS[p]);
  if (known) return LABELS[known]!;
  const last = parts.at(-1);
  // The account's own contact fields ("lead source") are named as the form titles them.
  return last ? last.replace(/(^|[\s_-])(\p{L})/gu, (m) => m.toUpperCase()).replace(/_/g, ' ') : 'Request';
};

/** `{"first name": [{message}]}` (contacts) or `{"/path": {message}}` (newer shape) as "Label: message" parts. */
const fieldErrors = (errors: unknown): { field: string; message: string }[] =>
  Object.entries(asRecord(errors) ?? {}).flatMap(([field, detail]) => {
    const messages = (Array.isArray(detail) ? detail : [detail])
      .map((d) => nonBlank(asRecord(d)?.message) ?? nonBlank(d))
      .filter((m): m is string => m !== undefined);
    return messages.length ? [{ field: labelOf(field), message: messages.join(', ') }] : [];
  });

/**
 * Reads Nimble's error bodies: the validation errors keyed by field name or by path (each named in
 * the message), `human_readable_error`, `message`, the 404 `{object_type, object_id}` and the 402
 * payment error `{payment_type, …}`.
 */
export const readError = (body: unknown): CrmErrorDetail => {
  const obj = asRecord(body);
  if (!obj) return { message: nonBlank(body) };
  const fields = fieldErrors(obj.errors);
  // Each field is named in the message by its label (so no separate `field`, which would repeat it).
  if (fields.length) return { message: fields.map((f) => `${f.field}: ${f.message}`).join('; ') };
  const message = nonBlank(obj.human_readable_error) ?? nonBlank(obj.message);
  if (message) return { message: codeAsWords(message) };
  const type = nonBlank(obj.object_type);
  const id = nonBlank(obj.object_id);
  if (type && id) return { message: `the ${type} was not found` };
  return { message: nonBlank(obj.payment_type) };
};

/** The error code of a create sent to an endpoint Nimble does not have: nothing was created. */
export const NO_ENDPOINT = 'NoEndpoint';

/** True for the error `classify` gives a missing endpoint. */
export const isNoEndpoint = (err: unknown): boolean => appErrorOf(err)?.code === NO_ENDPOINT;

const pathOf = (url: string | undefined): string => {
  try {
    return new URL(url ?? '').pathname;
  } catch {
    return '';
  }
};

/**
 * What Nimble signals differently from other CRMs, decided before the kit's status table:
 * a 403 "Can't authenticate request" means a stale token (refresh it); 402 means a plan limit;
 * a 404 body names the missing object itself. A create task sent to `/api/v1/tasks` that answers 405,
 * or 404 without naming a missing object (a missing contact is named), met an account without that
 * endpoint: the error says so with the code NO_ENDPOINT, so Create Task can use the legacy path.
 * (No scrubbing here: guardApp scrubs every message of the app.)
 */
export const classify: NonNullable<CrmErrorOptions['classify']> = (status, body, { z, response, said }) => {
  // Successes, and the token requests that read their own answers (`skipThrowForStatus`), are not Nimble's errors.
  if (status < 400 || response.skipThrowForStatus) return undefined;
  const obj = asRecord(body);
  if (status === 403 && /authenticate/i.test(nonBlank(obj?.message) ?? '')) {
    return new z.errors.RefreshAuthError(`${CRM} could not authenticate the request with the current access token.`);
  }
  if (status === 402) {
    return new z.errors.Error(
      `${CRM} refused this because your Nimble plan's limit is reached${said ? `: ${said}` : '.'} ` +
        'Upgrade the plan (or free up room, e.g. delete unused contacts) in Nimble, then retry.',
      'PlanLimit',
      402,
    );
  }
  const type = nonBlank(obj?.object_type);
  const id = nonBlank(obj?.object_id);
  if ((status === 405 || (status === 404 && !(type && id))) && pathOf(response.request.url).endsWith(TASKS_PATH)) {
    return new z.errors.Error(`${CRM} has no ${TASKS_PATH} endpoint at this address.`, NO_ENDPOINT, status);
  }
  if (status === 404 && type && id) {
    return new z.errors.Error(
      `${CRM} could not find this ${type}: it may have been deleted, or be hidden from you. Pick it again, or check the step it is mapped from.`,
      'NotFound',
      404,
    );
  }
  return undefined;
};
