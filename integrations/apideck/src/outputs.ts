import type { ZObject } from 'zapier-platform-core';
import { apideck } from './client';
import {
  ADDRESS_PARTS,
  COMPANY_CHANNELS,
  customFieldKey,
  customFieldLabel,
  customFieldRef,
  emailKey,
  PERSON_CHANNELS,
  phoneKey,
  typeLabel,
  type TypedChannels,
} from './map';
import type { CustomField } from './schemas';

/* ----------------------------------------------------------------------------------------------
 * Output fields: a label for every key a user maps.
 * ------------------------------------------------------------------------------------------- */

type OutputField = {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'boolean' | 'datetime' | 'integer';
  list?: boolean;
};

const ADDRESS_PART_LABELS: Record<(typeof ADDRESS_PARTS)[number], string> = {
  line1: 'Street',
  line2: 'Street Line 2',
  city: 'City',
  state: 'State',
  postal_code: 'Postal Code',
  country: 'Country',
};

/** The keys `flattenChannels` gives for `typed`, labelled. */
const channelOutputFields = (typed: TypedChannels): OutputField[] => [
  { key: 'email', label: 'Email' },
  ...typed.emails.map((t) => ({ key: emailKey(t), label: `Email (${typeLabel(t)})` })),
  { key: 'emails', label: 'All Emails', list: true },
  { key: 'phone_number', label: 'Phone Number' },
  ...typed.phones.map((t) => ({ key: phoneKey(t), label: `Phone (${typeLabel(t)})` })),
  { key: 'phone_numbers', label: 'All Phone Numbers', list: true },
  { key: 'address', label: 'Address' },
  ...ADDRESS_PARTS.map((p) => ({ key: `address_${p}`, label: `Address ${ADDRESS_PART_LABELS[p]}` })),
  { key: 'addresses', label: 'All Addresses', list: true },
  { key: 'website', label: 'Website' },
  { key: 'websites', label: 'All Websites', list: true },
  { key: 'social_links', label: 'Social Links', list: true },
  { key: 'tags', label: 'Tags', list: true },
];

const timestamps: OutputField[] = [
  { key: 'last_activity_at', label: 'Last Activity At', type: 'datetime' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const contactOutputFields: OutputField[] = [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'name', label: 'Full Name' },
  { key: 'first_name', label: 'First Name' },
  { key: 'middle_name', label: 'Middle Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'prefix', label: 'Prefix' },
  { key: 'suffix', label: 'Suffix' },
  { key: 'title', label: 'Job Title' },
  { key: 'department', label: 'Department' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'owner_name', label: 'Owner Name' },
  { key: 'lead_id', label: 'Lead ID' },
  { key: 'type', label: 'Contact Type' },
  { key: 'gender', label: 'Gender' },
  { key: 'birthday', label: 'Birthday' },
  { key: 'language', label: 'Language' },
  { key: 'lead_source', label: 'Lead Source' },
  { key: 'status', label: 'Status' },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'description', label: 'Description' },
  { key: 'photo_url', label: 'Photo URL' },
  { key: 'email_domain', label: 'Email Domain' },
  ...channelOutputFields(PERSON_CHANNELS),
  ...timestamps,
];

export const companyOutputFields: OutputField[] = [
  { key: 'id', label: 'Company ID', type: 'string' },
  { key: 'name', label: 'Company Name' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'owner_name', label: 'Owner Name' },
  { key: 'industry', label: 'Industry' },
  { key: 'description', label: 'Description' },
  { key: 'vat_number', label: 'VAT Number' },
  { key: 'currency', label: 'Currency' },
  { key: 'status', label: 'Status' },
  { key: 'annual_revenue', label: 'Annual Revenue' },
  { key: 'number_of_employees', label: 'Number of Employees' },
  { key: 'ownership', label: 'Ownership' },
  { key: 'parent_id', label: 'Parent Company ID' },
  ...channelOutputFields(COMPANY_CHANNELS),
  ...timestamps,
];

export const opportunityOutputFields: OutputField[] = [
  { key: 'id', label: 'Deal ID', type: 'string' },
  { key: 'title', label: 'Deal Title' },
  { key: 'description', label: 'Description' },
  { key: 'type', label: 'Deal Type' },
  { key: 'monetary_amount', label: 'Amount', type: 'number' },
  { key: 'currency', label: 'Currency' },
  { key: 'win_probability', label: 'Win Probability (%)', type: 'number' },
  { key: 'expected_revenue', label: 'Expected Revenue', type: 'number' },
  { key: 'close_date', label: 'Close Date' },
  { key: 'pipeline_id', label: 'Pipeline ID' },
  { key: 'pipeline_name', label: 'Pipeline' },
  { key: 'pipeline_stage_id', label: 'Stage ID' },
  { key: 'stage_name', label: 'Stage' },
  { key: 'status', label: 'Status' },
  { key: 'primary_contact_id', label: 'Primary Contact ID' },
  { key: 'contact_ids', label: 'Contact IDs', list: true },
  { key: 'company_id', label: 'Company ID' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'lead_id', label: 'Lead ID' },
  { key: 'lead_source', label: 'Lead Source' },
  { key: 'priority', label: 'Priority' },
  { key: 'loss_reason', label: 'Loss Reason' },
  { key: 'won_reason', label: 'Won Reason' },
  { key: 'tags', label: 'Tags', list: true },
  { key: 'date_stage_changed', label: 'Stage Changed At', type: 'datetime' },
  ...timestamps,
];

export const leadOutputFields: OutputField[] = [
  { key: 'id', label: 'Lead ID', type: 'string' },
  { key: 'name', label: 'Full Name' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'prefix', label: 'Prefix' },
  { key: 'title', label: 'Job Title' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'contact_id', label: 'Contact ID' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'owner_name', label: 'Owner Name' },
  { key: 'lead_source', label: 'Lead Source' },
  { key: 'status', label: 'Status' },
  { key: 'monetary_amount', label: 'Amount', type: 'number' },
  { key: 'currency', label: 'Currency' },
  { key: 'language', label: 'Language' },
  { key: 'fax', label: 'Fax' },
  { key: 'description', label: 'Description' },
  ...channelOutputFields(PERSON_CHANNELS),
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const noteOutputFields: OutputField[] = [
  { key: 'id', label: 'Note ID', type: 'string' },
  { key: 'title', label: 'Title' },
  { key: 'content', label: 'Content' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'contact_id', label: 'Contact ID' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'opportunity_id', label: 'Deal ID' },
  { key: 'lead_id', label: 'Lead ID' },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const activityOutputFields: OutputField[] = [
  { key: 'id', label: 'Activity ID', type: 'string' },
  { key: 'type', label: 'Activity Type' },
  { key: 'title', label: 'Title' },
  { key: 'description', label: 'Description' },
  { key: 'activity_datetime', label: 'Activity Date and Time', type: 'datetime' },
  { key: 'start_datetime', label: 'Starts At', type: 'datetime' },
  { key: 'end_datetime', label: 'Ends At', type: 'datetime' },
  { key: 'duration_seconds', label: 'Duration (Seconds)', type: 'integer' },
  { key: 'contact_id', label: 'Contact ID' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'opportunity_id', label: 'Deal ID' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'done', label: 'Done', type: 'boolean' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

/**
 * Labels for a resource's custom fields (`custom_<id>` outputs, apideck-crm.md §6.1), with each
 * field's name as its label: read from the plain listing's first page (one request, no filter or
 * sort, so every connector serves it), since the CRM API has no list of custom fields. Labels only
 * name keys that come through anyway, so a listing that fails gives no labels rather than an error.
 */
export const customOutputFields =
  (resource: 'contacts' | 'companies' | 'opportunities' | 'leads') =>
  async (z: ZObject): Promise<OutputField[]> => {
    let records: { custom_fields?: CustomField[] | null }[];
    try {
      records = (await apideck(z)[resource]({})).items;
    } catch {
      return [];
    }
    const fields = new Map<string, OutputField>();
    for (const record of records) {
      for (const f of record.custom_fields ?? []) {
        const ref = customFieldRef(f);
        if (ref === undefined) continue;
        const key = customFieldKey(ref);
        if (!fields.has(key)) fields.set(key, { key, label: customFieldLabel(f, ref) });
      }
    }
    return [...fields.values()];
  };

/** Every output of a record operation: the static labels, then the account's custom fields. */
export const contactOutputs = [...contactOutputFields, customOutputFields('contacts')];
export const companyOutputs = [...companyOutputFields, customOutputFields('companies')];
export const opportunityOutputs = [...opportunityOutputFields, customOutputFields('opportunities')];
export const leadOutputs = [...leadOutputFields, customOutputFields('leads')];

/** Update triggers: the event id differs from the record id, which is kept under its own key. */
export const eventIdField = (label: string): OutputField => ({ key: 'id', label, type: 'string' });
