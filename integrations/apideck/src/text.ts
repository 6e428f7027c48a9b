// TEMPORARY: the kit's text helpers (packages/kit/src/text.ts) until they land on main.
export const nonBlank = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
