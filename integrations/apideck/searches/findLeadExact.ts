import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { exactMatches, sameText, severalMatches } from '../src/exact';
import { flattenLead } from '../src/map';
import { LEAD } from '../src/samples';
import { leadOutputs } from '../src/outputs';

export const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText:
      'Find the one lead with exactly this email (any case) and update it. Without an email, or when no lead has it, a new lead is created; when several have it, the step stops with an error.',
  },
]);

const FindLeadExactInput = zod.object({ email: inputs.optional(inputs.email()) });

/**
 * The search behind Find or Create Lead (see `src/exact.ts`): `filter[email]`, then only the
 * leads that really have that email. Other inputs (a name, a phone number, a company) are not
 * used: they do not identify one lead.
 */
const perform = (async (z, bundle) => {
  const { email } = parseInput(z, FindLeadExactInput, bundle.inputData, inputFields);
  if (email === undefined) return [];
  const client = apideck(z);
  const found = await exactMatches(
    z,
    (page) => client.leads({ filter: { email }, ...page }),
    (l) => (l.emails ?? []).some((e) => sameText(e.email, email)),
    `the email ${email}`,
  );
  if (found.length > 1) throw severalMatches(z, 'lead', `the email ${email} (Email)`);
  return found.map(flattenLead);
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_lead_exact',
  noun: 'Lead',
  display: {
    label: 'Find Lead by Exact Email',
    description: 'Finds the one lead with exactly this email, for Find or Create Lead.',
    hidden: true,
  },
  operation: {
    inputFields,
    perform,
    sample: flattenLead(LEAD),
    outputFields: leadOutputs,
  },
});
