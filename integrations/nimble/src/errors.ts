import { asRecord, type CrmErrorDetail, type CrmErrorOptions, nonBlank } from '@crm-zapier/kit';
import { CRM, TASKS_PATH } from './client';

/** `{"first name": [{message}]}` (contacts) or `{"/path": {message}}` (newer shape) as "name: message" parts. */
const fieldErrors = (errors: unknown): { field: string; message: string }[] =>
  Object.entries(asRecord(errors) ?? {}).flatMap(([field, detail]) => {
    const messages = (Array.isArray(detail) ? detail : [detail])
      .map((d) => nonBlank(asRecord(d)?.message) ?? nonBlank(d))
      .filter((m): m is string => m !== undefined);
    const name = field === '/' ? 'request' : field.replace(/^\//, '');
    return messages.length ? [{ field: name, message: messages.join(', ') }] : [];
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
  if (fields.length) {
    return { message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), field: fields[0]!.field };
  }
  const message = nonBlank(obj.human_readable_error) ?? nonBlank(obj.message);
  if (message) return { message };
  const type = nonBlank(obj.object_type);
  const id = nonBlank(obj.object_id);
  if (type && id) return { message: `no ${type} with ID ${id}` };
  return { message: nonBlank(obj.payment_type) };
};

/** The error code of a create sent to an endpoint Nimble does not have: nothing was created. */
export const NO_ENDPOINT = 'NoEndpoint';

/** True for the error `classify` gives a missing endpoint. */
export const isNoEndpoint = (err: unknown): boolean => {
  try {
    return (JSON.parse((err as Error).message) as { code?: unknown }).code === NO_ENDPOINT;
  } catch {
    return false;
  }
};

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
    return new z.errors.Error(`${CRM} has no ${TASKS_PATH} endpoint here (HTTP ${status}).`, NO_ENDPOINT, status);
  }
  if (status === 404 && type && id) {
    return new z.errors.Error(
      `${CRM} could not find the ${type} with ID ${id}. Check the ID, or map it from a trigger or a Find step.`,
      'NotFound',
      404,
    );
  }
  return undefined;
};
