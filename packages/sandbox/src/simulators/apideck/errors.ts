import { json, type SimResponse } from '../../server';
import { dotted, type Problem } from '../openapi';

/** Apideck's error body (apideck-crm.md §5): status, reason, type, message, detail, ref. */

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
};

export const apiError = (status: number, typeName: string, message: string, detail?: unknown): SimResponse =>
  json(status, {
    status_code: status,
    error: REASONS[status] ?? 'Error',
    type_name: typeName,
    message,
    ...(detail !== undefined ? { detail } : {}),
    ref: `https://developers.apideck.com/errors#${typeName.toLowerCase()}`,
  });

export const unauthorized = () =>
  apiError(401, 'UnauthorizedError', 'Unauthorized Request', 'Verify your API key and application id.');

/** Where a problem is, as Apideck names it: `emails[0].email`, `filter[name]`, `x-apideck-app-id`. */
const where = (p: Problem) =>
  p.in === 'query' ? p.at.map((part, i) => (i === 0 ? part : `[${part}]`)).join('') : dotted(p.at);

const article = (type: string) => (/^[aeiou]/.test(type) ? 'an' : 'a');

/** What is wrong, in the words the sandbox has always used; `custom` may word some problems itself. */
const messageOf = (p: Problem): string => {
  if (p.keyword === 'readOnly' || (p.keyword === 'additionalProperties' && p.in === 'body')) {
    return 'is not a writable property';
  }
  if (p.keyword === 'additionalProperties') return 'is not a parameter of this endpoint';
  if (p.keyword === 'enum') return `must be one of ${(p.params.allowedValues as unknown[]).join(', ')}`;
  if (p.keyword === 'type') return `must be ${article(String(p.params.type))} ${String(p.params.type)}`;
  return p.message;
};

/**
 * The 400 for what the OpenAPI document refuses: `missing` and `invalid` lists of `{where: what}`;
 * a header problem is a RequestHeadersValidationError, anything else a RequestValidationError.
 */
export const invalidRequest = (problems: Problem[], custom: (p: Problem) => string | undefined = () => undefined) => {
  const missing = problems.filter((p) => p.keyword === 'required').map((p) => ({ [where(p)]: 'required' }));
  const invalid = problems
    .filter((p) => p.keyword !== 'required')
    .map((p) => ({ [where(p)]: custom(p) ?? messageOf(p) }));
  return apiError(
    400,
    problems.every((p) => p.in === 'header') ? 'RequestHeadersValidationError' : 'RequestValidationError',
    'Invalid Params',
    { ...(missing.length ? { missing } : {}), ...(invalid.length ? { invalid } : {}) },
  );
};
