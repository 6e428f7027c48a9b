import type { ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';

// A Zap step parses one answer, in a process Zapier may start just for it: zod's JIT (it compiles
// each object schema to a function on first use) costs more there than it ever saves.
zod.config({ jitless: true });

type Issue = zod.core.$ZodIssue;

const pathText = (path: PropertyKey[]): string =>
  path.length === 0
    ? 'the answer'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[');

/** A root-level type mismatch: the value is not even of the branch's type. */
const wrongType = (list: readonly Issue[]): boolean =>
  list.every((i) => i.code === 'invalid_type' && i.path.length === 0);

/**
 * A union's issue names nothing ("Invalid input"); zod keeps each branch's own issues beside it.
 * Describe the branch the value came closest to — the first whose type matched, with the fewest
 * issues — with paths made relative to the whole value, so the message names what is missing.
 */
const expandUnion = (issue: Issue): Issue[] => {
  const branches = issue.code === 'invalid_union' ? (issue as { errors?: Issue[][] }).errors : undefined;
  if (!Array.isArray(branches) || branches.length === 0) return [issue];
  const typed = branches.filter((list) => list.length > 0 && !wrongType(list));
  if (typed.length === 0) {
    // No branch even got a value: the key is missing ("received undefined" in every branch).
    const first = branches[0]?.[0];
    const missing = branches.every((list) => list.every((i) => /received undefined/.test(i.message)));
    return missing && first ? [{ ...first, path: [...issue.path] } as Issue] : [issue];
  }
  const best = typed.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((inner) => expandUnion({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
};

/** One readable line for a list of zod issues: "`fields` is missing in [0]; …". */
export const describeIssues = (issues: readonly Issue[], labels: Record<string, string> = {}): string =>
  issues
    .flatMap(expandUnion)
    .slice(0, 5)
    .map((issue) => {
      const key = issue.path.map(String)[0];
      const name = key !== undefined && labels[key] ? labels[key] : pathText(issue.path as PropertyKey[]);
      if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${name} is missing`;
      // zod's enum wording ('expected one of "a"|"b"') in the editor's words.
      if (issue.code === 'invalid_value' && issue.values.length > 1) {
        const values = issue.values.map(String);
        return `${name}: must be one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
      }
      return `${name}: ${issue.message}`;
    })
    .join('; ');

/** A field list as `inputFields` declares it: only the key and label matter here. */
export interface LabelledField {
  key: string;
  label?: string;
}

/**
 * Validates what a user typed before any request is sent. Each failing field is named by its
 * label as the Zap editor shows it, so the user knows which input to fix.
 */
export const parseInput = <S extends zod.ZodType>(
  z: ZObject,
  schema: S,
  inputData: unknown,
  fields: readonly (LabelledField | unknown)[] = [],
): zod.output<S> => {
  const labels: Record<string, string> = {};
  for (const f of fields) {
    if (f && typeof f === 'object' && 'key' in f && typeof (f as LabelledField).key === 'string') {
      const field = f as LabelledField;
      labels[field.key] = field.label ?? field.key;
    }
  }
  const parsed = schema.safeParse(inputData ?? {});
  if (parsed.success) return parsed.data as zod.output<S>;
  throw new z.errors.Error(`${describeIssues(parsed.error.issues, labels)}.`, 'InvalidInput', 400);
};

/** A date, or a date and time with an optional offset: the forms Zapier's datetime fields send. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for a real date in one of the ISO 8601 forms Zapier's datetime fields send. */
export const isIsoDateTime = (v: string): boolean => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));

/** Common input rules, written once. */
export const inputs = {
  /** An optional input: blank (empty text, null, empty list) counts as not given. */
  optional: <S extends zod.ZodType>(schema: S) =>
    zod.preprocess(
      (v) =>
        v === undefined ||
        v === null ||
        (typeof v === 'string' && v.trim() === '') ||
        (Array.isArray(v) && v.length === 0)
          ? undefined
          : v,
      schema.optional(),
    ),
  /** Trimmed non-empty text. */
  text: () => zod.string().trim().min(1, 'is required'),
  /** An id: no spaces, no slashes, not `.` or `..` (it goes into a URL path, where those change the endpoint). */
  id: () =>
    zod
      .string()
      .trim()
      .min(1, { message: 'is required', abort: true })
      .regex(/^[^\s/?#\\]+$/, 'must be an id without spaces or slashes')
      .refine((v) => !/^\.+$/.test(v), 'must be an id, not dots'),
  email: () => zod.string().trim().email('must be an email address'),
  /**
   * An ISO 8601 date or date-time, as Zapier's datetime fields send them (`2024-05-01`,
   * `2024-05-01T14:30:00Z`, `2024-05-01T14:30:00.000-05:00`, seconds optional). Anything else — a
   * bare number, "tomorrow" — is refused rather than guessed by `Date.parse`.
   */
  isoDateTime: () =>
    zod.string().trim().refine(isIsoDateTime, 'must be a date and time (ISO 8601, e.g. 2024-05-01T14:30:00Z)'),
  /** A finite number typed into a text box, or a real number (`1e999`, `Infinity` and `NaN` are refused). */
  number: () =>
    zod.union([zod.number(), zod.string().trim().min(1)]).transform((v, ctx) => {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: 'must be a number' });
        return zod.NEVER;
      }
      return n;
    }),
};
