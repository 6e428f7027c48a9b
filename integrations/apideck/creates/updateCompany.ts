import { inputs, parseInput } from '@crm-zapier/kit';
import { z as zod } from 'zod';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apideck } from '../src/client';
import { customFieldInputs, withCustomFields } from '../src/customFields';
import { flattenCompany } from '../src/map';
import { COMPANY, OWNER_NAMES } from '../src/samples';
import { updateBody } from '../src/channels';
import {
  CHANNEL_MODES,
  COMPANY_GROUPS,
  changesSomething,
  channelModeField,
  companyField,
  companyInputFields,
  companyInputShape,
  forUpdate,
  toCompanyBody,
} from '../src/inputs';
import { companyOutputs } from '../src/outputs';
import { ownerNames } from '../src/names';

export const inputFields = defineInputFields([
  {
    ...companyField,
    required: true,
    helpText:
      'The company to update. Pick one, search for it by name with **Find Company**, or map a Company ID from an earlier step.',
  },
  ...forUpdate(companyInputFields(false)),
  channelModeField,
  customFieldInputs('companies'),
]);

const UpdateCompanyInput = zod
  .object({
    company_id: inputs.id(),
    name: inputs.optional(inputs.text()),
    ...companyInputShape,
    channel_mode: inputs.optional(zod.enum(CHANNEL_MODES)),
  })
  .refine((i) => changesSomething(i, 'company_id'), {
    message: 'Fill in at least one field to change',
    path: ['company_id'],
  });

/**
 * As Update Contact: PATCH sends only the fields filled in, an email, phone number, address or
 * website is merged into the company's list of that kind (read first, unless "Replace all"), and
 * the company is read back (`GET /crm/companies/{id}`) and output as the CRM has it.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, UpdateCompanyInput, withCustomFields(z, bundle.inputData), inputFields);
  const client = apideck(z);
  const body = await updateBody(toCompanyBody(input), input.channel_mode, () => client.companyLists(input.company_id));
  const updated = await client.updateCompany(input.company_id, body);
  const company = await client.company(updated.id);
  return flattenCompany(company, (await ownerNames(z, [company]))(company));
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_company',
  noun: 'Company',
  display: {
    label: 'Update Company',
    description:
      "Updates an existing company in your CRM: only the fields you fill in are changed, and an email, phone number, address or website is added or changed by type, keeping the company's others.",
  },
  operation: {
    inputFields,
    inputFieldGroups: COMPANY_GROUPS,
    perform,
    // Read, merge, write: one update per company at a time (see Update Contact).
    lock: { key: 'apideck:update_company:{{bundle.inputData.company_id}}', scope: ['auth'], timeout: 60 },
    sample: flattenCompany(COMPANY, OWNER_NAMES),
    outputFields: companyOutputs,
  },
});
