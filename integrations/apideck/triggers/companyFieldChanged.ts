import { inputs, parseInput, sinceFor } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { POLL_PAGE_SIZE } from '../src/constants';
import {
  COMPANY_WATCHED_FIELDS,
  flattenCompanyUpdate,
  sortedList,
  valueText,
  type CompanyWatchedField,
} from '../src/map';
import { LOOK_BACK, newestPage } from '../src/polling';
import { COMPANY, OWNER_NAMES } from '../src/samples';
import { companyOutputFields, customOutputFields, eventIdField } from '../src/outputs';
import { ownerNames } from '../src/names';

const FIELD_KEYS = Object.keys(COMPANY_WATCHED_FIELDS) as [CompanyWatchedField, ...CompanyWatchedField[]];

export const inputFields = defineInputFields([
  {
    key: 'field',
    label: 'Field',
    required: true,
    choices: FIELD_KEYS.map((k) => ({ value: k, label: COMPANY_WATCHED_FIELDS[k], sample: k })),
    helpText:
      "The company field to watch. Email, Phone Number, Website and Address are the company's primary ones; Owner is the owner's user ID.",
  },
  {
    key: 'value',
    label: 'New Value',
    required: false,
    helpText:
      'Only when the field changes to this value (any case; for Tags, the tags separated by commas, in any order). Leave empty for any new value.',
  },
]);

const CompanyFieldChangedInput = zod.object({
  field: zod.enum(FIELD_KEYS),
  value: inputs.optional(inputs.text()),
});

/**
 * One request per poll, as Updated Contact: companies updated in the look-back window
 * (`filter[updated_since]`, CompaniesFilter [SDK latest], apideck-crm.md §2.1), newest update first
 * (`sort[by]=updated_at`, §2.2), the plain listing after a connector's refusal (`src/polling.ts`);
 * and one more for owner names when a company has an owner. A company says what its fields are,
 * not which changed or when (§7; the webhook event is as thin, §15): each value of the watched field
 * a company is seen with gets one id (company id, field, a hash of the value), so Zapier's dedupe
 * lets each new value through once and edits of other fields find their id seen.
 */
const perform = (async (z, bundle) => {
  const { field, value } = parseInput(z, CompanyFieldChangedInput, bundle.inputData, inputFields);
  const companies = await newestPage(
    apideck(z).companies,
    {
      filter: { updated_since: sinceFor(bundle, LOOK_BACK) },
      sort: { by: 'updated_at', direction: 'desc' },
      limit: POLL_PAGE_SIZE,
    },
    (c) => c.updated_at ?? c.created_at,
  );
  const names = await ownerNames(z, companies);
  // Tags are compared as a set: the ones given, in the order valueText puts them.
  const wanted = (
    field === 'tags' && value !== undefined ? sortedList(value.split(',').map((t) => t.trim())) : value
  )?.toLowerCase();
  return companies
    .map((c) => flattenCompanyUpdate(c, names(c), field))
    .filter((out) => {
      const now = valueText(out.new_value).toLowerCase();
      return now !== '' && (wanted === undefined || now === wanted);
    });
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'company_field_changed',
  noun: 'Company',
  display: {
    label: 'Company Field Changed',
    description:
      'Triggers when the field you pick (such as Industry, Status or Owner) gets a new value on a company in the connected CRM. Checks for changes every few minutes, whichever CRM is connected.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: flattenCompanyUpdate(COMPANY, OWNER_NAMES, 'industry'),
    outputFields: [
      eventIdField('Change ID'),
      { key: 'company_id', label: 'Company ID', type: 'string' },
      { key: 'changed_field', label: 'Changed Field' },
      { key: 'new_value', label: 'New Value' },
      ...companyOutputFields.filter((f) => f.key !== 'id'),
      customOutputFields('companies'),
    ],
  },
});
