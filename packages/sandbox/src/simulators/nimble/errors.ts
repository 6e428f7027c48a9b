import { json } from '../../server';
import type { Problem } from '../openapi';

/** `Errors.ValidationError` (path-keyed), with `human_readable_error`. */
export const invalid = (errors: Record<string, string>) => {
  const parts = Object.entries(errors).map(([path, message]) => `${path}: ${message}`);
  return json(409, {
    message: `Invalid request: ${parts.join('; ')}`,
    code: 245,
    errors: Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, { message }])),
    human_readable_error: parts.join('; '),
    extra: [],
  });
};

/** The contact validation shape: errors keyed by field name, `[{message, field_id}]`. */
export const invalidFields = (errors: Record<string, { message: string; field_id: string | null }>) =>
  json(409, {
    message: 'Validation errors',
    code: 245,
    errors: Object.fromEntries(Object.entries(errors).map(([name, e]) => [name, [e]])),
  });

export const notFound = (object_type: string, object_id: string) => json(404, { object_type, object_id });

const MESSAGES: Record<string, (p: Problem) => string> = {
  required: () => 'is a required property',
  additionalProperties: () => 'is not an accepted property',
  type: (p) => `must be of type ${String(p.params.type)}`,
};

/** What the OpenAPI document finds wrong, as Nimble's 409: body paths as `/a/b`, query parameters by name. */
export const invalidRequest = (problems: Problem[]) =>
  invalid(
    Object.fromEntries(
      problems.map((p) => [
        p.in === 'body' ? `/${p.at.join('/')}` : p.at.join('.'),
        (MESSAGES[p.keyword] ?? ((x: Problem) => x.message))(p),
      ]),
    ),
  );
