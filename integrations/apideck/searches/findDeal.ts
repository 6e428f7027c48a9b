import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { SEARCH_PAGE_SIZE } from '../src/constants';
import { sameText } from '../src/exact';
import { companyField, contactIdField } from '../src/inputs';
import { flattenOpportunity } from '../src/map';
import { dealNames } from '../src/names';
import { opportunityOutputs } from '../src/outputs';
import { DEAL_NAMES, OPPORTUNITY } from '../src/samples';
import type { Opportunity } from '../src/schemas';

export const inputFields = defineInputFields([
  {
    key: 'title',
    label: 'Deal Title',
    required: false,
    helpText:
      'Find deals with this title, e.g. `Fleet telemetry for 50 aircraft`. Your CRM decides whether part of a title matches; a deal with exactly this title (any case) comes first.',
  },
  {
    ...companyField,
    helpText:
      'Find the deals of this company. Pick one, search for it by name with **Find Company**, or map a Company ID from an earlier step.',
  },
  {
    ...contactIdField,
    key: 'primary_contact_id',
    label: 'Primary Contact',
    helpText:
      'Find the deals whose primary contact is this contact. Pick one, search for it with **Find Contact**, or map a Contact ID. Deals that list the contact only among their other contacts are not found.',
  },
]);

const FindDealInput = zod
  .object({
    title: inputs.optional(inputs.text()),
    company_id: inputs.optional(inputs.id()),
    primary_contact_id: inputs.optional(inputs.id()),
  })
  .refine((i) => [i.title, i.company_id, i.primary_contact_id].some((x) => x !== undefined), {
    message: 'Enter at least one of Deal Title, Company or Primary Contact',
    path: ['title'],
  });

/** The CRM's order, with the deals titled exactly as asked (any case) first: Zapier uses the first. */
const exactTitleFirst = (deals: readonly Opportunity[], title: string | undefined): Opportunity[] =>
  title === undefined
    ? [...deals]
    : [...deals.filter((o) => sameText(o.title, title)), ...deals.filter((o) => !sameText(o.title, title))];

/**
 * One page of at most 10 deals, every input one documented `filter[...]` of OpportunitiesFilter
 * (`title`, `company_id`, `primary_contact_id`): the CRM filters, nothing is scanned here. A
 * connector that cannot filter so answers `UnsupportedFiltersError`, shown to the user. The pipeline
 * and stage names come from one more request, the pipeline list, when a deal names them.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, FindDealInput, bundle.inputData, inputFields);
  const page = await apideck(z).opportunities({
    filter: { title: input.title, company_id: input.company_id, primary_contact_id: input.primary_contact_id },
    limit: SEARCH_PAGE_SIZE,
  });
  const deals = exactTitleFirst(page.items, input.title);
  const names = await dealNames(z, deals);
  return deals.map((o) => flattenOpportunity(o, names(o)));
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_deal',
  noun: 'Deal',
  display: {
    label: 'Find Deal',
    description: 'Finds a deal (opportunity) in your CRM by title, company or primary contact.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenOpportunity(OPPORTUNITY, DEAL_NAMES),
    outputFields: opportunityOutputs,
  },
});
