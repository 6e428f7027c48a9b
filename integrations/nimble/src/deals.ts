import type { ZObject } from 'zapier-platform-core';
import { cached } from './cache';
import { nimble } from './client';
import type { DealBody } from './schemas';

/** How long the standard deal fields' ids are kept: they belong to the account and do not change. */
const FIELD_IDS_TTL = 24 * 60 * 60;

/** The standard deal fields a Zap can write, as checked input. */
export interface DealFieldInput {
  name?: string;
  amount?: number;
  probability?: number;
  expected_close_date?: string;
  description?: string;
}

/**
 * `fields_values` keyed by field ID, as the create example and the edit description key them. The
 * standard fields' ids come from `GET /api/v2/deals/fields` on the first run and are kept in
 * `z.cache` per connection (Create Deal and Update Deal share the entry); a field the answer does
 * not list falls back to its name, which the create example also uses.
 */
export const dealFieldsValues = async (z: ZObject, input: DealFieldInput): Promise<DealBody['fields_values']> => {
  const values: Record<string, string | undefined> = {
    name: input.name,
    amount: input.amount !== undefined ? String(input.amount) : undefined,
    probability: input.probability !== undefined ? String(input.probability) : undefined,
    expected_close_date: input.expected_close_date
      ? new Date(input.expected_close_date).toISOString().slice(0, 10)
      : undefined,
    description: input.description,
  };
  const given = Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined);
  if (given.length === 0) return {};
  const fieldIds = await cached(z, 'deal-standard-field-ids', FIELD_IDS_TTL, async () =>
    Object.fromEntries((await nimble(z).dealFields()).standard_fields.map((f) => [f.field_name, f.field_id])),
  );
  return Object.fromEntries(given.map(([name, value]) => [fieldIds[name] ?? name, [{ value }]]));
};
