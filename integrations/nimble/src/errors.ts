import { type CrmErrorDetail, parseJsonBody } from '@crm-zapier/kit';
import type { AfterResponseMiddleware, HttpResponse, ZObject } from 'zapier-platform-core';
import { CRM, TASKS_PATH } from './constants';

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const asText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** `{"first name": [{message}]}` (contacts) or `{"/path": {message}}` (newer shape) as "name: message" parts. */
const fieldErrors = (errors: unknown): { field: string; message: string }[] => {
  const obj = asRecord(errors);
  if (!obj) return [];
  return Object.entries(obj).flatMap(([field, detail]) => {
    const items = Array.isArray(detail) ? detail : [detail];
    const messages = items.map((d) => asText(asRecord(d)?.message) ?? asText(d)).filter((m): m is string => !!m);
    const name = field === '/' ? 'request' : field.replace(/^\//, '');
    return messages.length ? [{ field: name, message: messages.join(', ') }] : [];
  });
};

/**
 * Reads Nimble's error bodies: the validation errors keyed by field name or by path (each named in
 * the message), `human_readable_error`, `message`, the 404 `{object_type, object_id}` and the 402
 * payment error `{payment_type, …}`.
 */
export const readNimbleError = (body: unknown): CrmErrorDetail => {
  const obj = asRecord(body);
  if (!obj) return { message: asText(body) };
  const fields = fieldErrors(obj.errors);
  if (fields.length) {
    return { message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), field: fields[0]!.field };
  }
  const message = asText(obj.human_readable_error) ?? asText(obj.message);
  if (message) return { message };
  if (asText(obj.object_type) && asText(obj.object_id))
    return { message: `no ${obj.object_type} with ID ${obj.object_id}` };
  if (asText(obj.payment_type)) return { message: asText(obj.payment_type) };
  return {};
};

/** The error code of a create sent to an endpoint Nimble does not have: nothing was created. */
export const NO_ENDPOINT = 'NoEndpoint';

const pathOf = (url: string | undefined): string => {
  try {
    return new URL(url ?? '').pathname;
  } catch {
    return '';
  }
};

/**
 * What Nimble signals differently from other CRMs, handled before the kit's `crmErrors`:
 * a 403 "Can't authenticate request" means a stale token (refresh it); 402 means a plan limit;
 * a 404 body names the missing object itself. A create task sent to `/api/v1/tasks` that answers 405,
 * or 404 without naming a missing object (a missing contact is named), met an account without that
 * endpoint: the error says so with the code NO_ENDPOINT, so Create Task can use the legacy path.
 */
export const nimbleErrors = ((response: HttpResponse, z: ZObject) => {
  const { status } = response;
  if (status < 400 || response.skipThrowForStatus || ![402, 403, 404, 405].includes(status)) return response;
  const body = parseJsonBody(response.content);
  const obj = asRecord(body);
  // No scrubbing here: guardApp scrubs every message of the app (index.ts).
  if (status === 403 && /authenticate/i.test(asText(obj?.message) ?? '')) {
    throw new z.errors.RefreshAuthError(`${CRM} could not authenticate the request with the current access token.`);
  }
  if (status === 402) {
    const said = readNimbleError(body).message;
    throw new z.errors.Error(
      `${CRM} refused this because your Nimble plan's limit is reached${said ? `: ${said}` : '.'} ` +
        'Upgrade the plan (or free up room, e.g. delete unused contacts) in Nimble, then retry.',
      'PlanLimit',
      402,
    );
  }
  const type = asText(obj?.object_type);
  const id = asText(obj?.object_id);
  const named = Boolean(type && id);
  if ((status === 405 || (status === 404 && !named)) && pathOf(response.request.url).endsWith(TASKS_PATH)) {
    throw new z.errors.Error(`${CRM} has no ${TASKS_PATH} endpoint here (HTTP ${status}).`, NO_ENDPOINT, status);
  }
  if (status === 404 && type && id) {
    throw new z.errors.Error(
      `${CRM} could not find the ${type} with ID ${id}. Check the ID, or map it from a trigger or a Find step.`,
      'NotFound',
      404,
    );
  }
  return response;
}) as unknown as AfterResponseMiddleware;
