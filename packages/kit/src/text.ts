/** Reading loosely typed values from CRM answers and Zap inputs: written once for every app. */

/** A bare error code (`duplicate_email`, `email-verification-required`) as words; any other text as it is. */
export const codeAsWords = (text: string): string => {
  if (!/^[a-z][a-z0-9]*([_-][a-z0-9]+)+$/.test(text)) return text;
  const words = text.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Trimmed text, or undefined when the value is not text or is blank. */
export const nonBlank = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The value as a plain object (not null, not a list), or undefined. */
export const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Text cut to `max` characters, with an ellipsis when it was longer: CRM messages inside ours. */
export const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

/**
 * A boolean as Zapier's boolean fields send it: `true`/`false` or the text forms a mapped value
 * takes (`"yes"`, `"no"`, `"1"`, `"0"`, any case). Undefined for anything else, blank included.
 */
export const booleanText = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'number' ? String(value) : nonBlank(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
};
