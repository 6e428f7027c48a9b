import { inputs, isIsoDateTime, type ZodNamespace } from '@crm-zapier/kit';
import { defineInputField, defineInputFields, type ZObject } from 'zapier-platform-core';
import { apideck } from './client';
import {
  ADDRESS_PARTS,
  ADDRESS_TYPES,
  customFieldKey,
  customFieldLabel,
  customFieldRef,
  EMAIL_TYPES,
  emailKey,
  PHONE_TYPES,
  phoneKey,
} from './map';
import type { AddressBody, ChannelsBody, CustomField } from './schemas';

/* ----------------------------------------------------------------------------------------------
 * Input rules (zod): what a user types is checked before any request is sent. Like the kit's
 * `inputs.*`, these build schemas: call them only inside a `lazySchema` builder (with its `z`), so
 * nothing loads zod when the app is required.
 * ------------------------------------------------------------------------------------------- */

/** A list input: a Zapier list, or comma-separated text when mapped from one field. */
export const textList = (z: ZodNamespace) =>
  inputs.optional(
    z
      .union([z.array(z.unknown()), z.string()])
      .transform((v) =>
        (Array.isArray(v) ? v.map((x) => String(x ?? '')) : v.split(',')).map((x) => x.trim()).filter(Boolean),
      ),
  );

export const isoDate = (z: ZodNamespace) =>
  z
    .string()
    .trim()
    .refine(isIsoDateTime, 'must be a date (YYYY-MM-DD)')
    // Keep the calendar date the user picked: "2024-06-30T00:00:00+02:00" is 30 June, not 29 June in UTC.
    .transform((v) => (/^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : new Date(v).toISOString().slice(0, 10)));

export const countryCode = (z: ZodNamespace) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1, e.g. US)')
    .transform((v) => v.toUpperCase());

export const currencyCode = (z: ZodNamespace) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code (ISO 4217, e.g. USD)')
    .transform((v) => v.toUpperCase());

/** Optional free text (a description): trimmed, blank means not given. */
export const optionalText = (z: ZodNamespace) => inputs.optional(z.string().trim().min(1));

/** The channel inputs Create/Update Contact and Create Company share. */
export const channelInputShape = (z: ZodNamespace) => ({
  email: inputs.optional(inputs.email()),
  email_type: inputs.optional(z.enum(EMAIL_TYPES)),
  phone_number: inputs.optional(inputs.text()),
  phone_type: inputs.optional(z.enum(PHONE_TYPES)),
  address_type: inputs.optional(z.enum(ADDRESS_TYPES)),
  address_line1: inputs.optional(inputs.text()),
  address_city: inputs.optional(inputs.text()),
  address_state: inputs.optional(inputs.text()),
  address_postal_code: inputs.optional(inputs.text()),
  address_country: inputs.optional(countryCode(z)),
  website: inputs.optional(inputs.text()),
  tags: textList(z),
});
type ChannelInput = {
  email?: string;
  email_type?: string;
  phone_number?: string;
  phone_type?: string;
  address_type?: string;
  address_line1?: string;
  address_city?: string;
  address_state?: string;
  address_postal_code?: string;
  address_country?: string;
  website?: string;
  tags?: string[];
};

/**
 * Channel inputs as Apideck's lists: one item of each kind the user filled in (a type alone is not
 * an item). A create sends these lists as they are; an update merges them into the record's lists
 * first, unless the user chose "Replace all" (see `channels.ts`).
 */
export const toChannels = (i: ChannelInput): ChannelsBody => {
  const address: AddressBody = {
    line1: i.address_line1,
    city: i.address_city,
    state: i.address_state,
    postal_code: i.address_postal_code,
    country: i.address_country,
  };
  const hasAddress = Object.values(address).some((x) => x !== undefined);
  return {
    emails: i.email ? [{ email: i.email, type: i.email_type ?? 'primary' }] : undefined,
    phone_numbers: i.phone_number ? [{ number: i.phone_number, type: i.phone_type ?? 'primary' }] : undefined,
    addresses: hasAddress ? [{ type: i.address_type ?? 'primary', ...address }] : undefined,
    websites: i.website ? [{ url: i.website, type: 'primary' }] : undefined,
    tags: i.tags && i.tags.length > 0 ? i.tags : undefined,
  };
};

/** Drops keys whose value is undefined, so a body carries only what the user gave. */
export const compact = <T extends object>(body: T): T =>
  Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)) as T;

/* ----------------------------------------------------------------------------------------------
 * Input fields shared between operations.
 * ------------------------------------------------------------------------------------------- */

const TYPE_LABELS: Record<string, string> = { 'direct-dial-in': 'Direct Dial-In' };
const typeLabel = (t: string) => TYPE_LABELS[t] ?? t.charAt(0).toUpperCase() + t.slice(1);

export const ownerField = defineInputField({
  key: 'owner_id',
  label: 'Owner',
  required: false,
  dynamic: 'list_users.id.name',
  helpText:
    'The CRM user who owns the record. Pick one, or enter a user ID. Not every CRM lists its users through Apideck ([see coverage](https://developers.apideck.com/apis/crm/reference#tag/Users)).',
});

export const companyField = defineInputField({
  key: 'company_id',
  label: 'Company',
  required: false,
  dynamic: 'list_companies.id.name',
  helpText: 'The company to link. Pick one, or map a Company ID from a **Find Company** step.',
});

/**
 * A contact picked from the dropdown (newest first), found with a **Find Contact** step the editor
 * offers to add (`search`), or mapped as an ID. Search-powered fields stay plain strings.
 */
export const contactIdField = defineInputField({
  key: 'contact_id',
  label: 'Contact',
  type: 'string',
  required: false,
  dynamic: 'list_contacts.id.name',
  search: 'find_contact.id',
  helpText:
    'The contact in your CRM. Pick one, search for it by email or name with **Find Contact**, or map a Contact ID from a contact trigger.',
});

/** A lead picked from the dropdown (newest first), found with **Find Lead**, or mapped as an ID. */
export const leadIdField = defineInputField({
  key: 'lead_id',
  label: 'Lead',
  type: 'string',
  required: false,
  dynamic: 'list_leads.id.name',
  search: 'find_lead.id',
  helpText:
    'The lead in your CRM. Pick one, search for it by email or name with **Find Lead**, or map a Lead ID from a **New Lead** trigger.',
});

export const opportunityIdField = defineInputField({
  key: 'opportunity_id',
  label: 'Deal',
  type: 'string',
  required: false,
  dynamic: 'list_deals.id.name',
  helpText: 'The deal (opportunity) to link. Pick one, or map a Deal ID from a deal trigger or a **Create Deal** step.',
});

export const tagsField = defineInputField({
  key: 'tags',
  label: 'Tags',
  list: true,
  required: false,
  helpText: 'Tags to set on the record. On update, the list replaces the tags the record has.',
});

export const channelInputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: false,
    group: 'channels',
    helpText:
      'An email address, e.g. `jane@example.com`. HubSpot uses the email to avoid duplicates, so give a unique one there.',
  },
  {
    key: 'email_type',
    label: 'Email Type',
    required: false,
    group: 'channels',
    choices: EMAIL_TYPES.map((t) => ({ value: t, label: typeLabel(t), sample: t })),
    helpText: 'What kind of address **Email** is. Defaults to Primary.',
  },
  {
    key: 'phone_number',
    label: 'Phone Number',
    required: false,
    group: 'channels',
    helpText: 'A phone number, e.g. `+1 415 555 0100`.',
  },
  {
    key: 'phone_type',
    label: 'Phone Type',
    required: false,
    group: 'channels',
    choices: PHONE_TYPES.map((t) => ({ value: t, label: typeLabel(t), sample: t })),
    helpText: 'What kind of number **Phone Number** is (Mobile, Work …). Defaults to Primary.',
  },
  {
    key: 'address_type',
    label: 'Address Type',
    required: false,
    group: 'address',
    choices: ADDRESS_TYPES.map((t) => ({ value: t, label: typeLabel(t), sample: t })),
    helpText: 'What kind of address the parts below are (Office, Billing …). Defaults to Primary.',
  },
  { key: 'address_line1', label: 'Street Address', required: false, group: 'address' },
  { key: 'address_city', label: 'City', required: false, group: 'address' },
  { key: 'address_state', label: 'State or Region', required: false, group: 'address' },
  { key: 'address_postal_code', label: 'Postal Code', required: false, group: 'address' },
  {
    key: 'address_country',
    label: 'Country Code',
    required: false,
    group: 'address',
    helpText: 'Two-letter ISO 3166-1 code, e.g. `US`, `GB`, `DE`.',
  },
  {
    key: 'website',
    label: 'Website',
    required: false,
    group: 'channels',
    helpText: 'A URL, e.g. `https://example.com`.',
  },
  { ...tagsField, group: 'details' },
]);

/* ----------------------------------------------------------------------------------------------
 * Output fields: a label for every key a user maps.
 * ------------------------------------------------------------------------------------------- */

type OutputField = { key: string; label: string; type?: 'string' | 'number' | 'boolean' | 'datetime' | 'integer' };

export const channelOutputFields: OutputField[] = [
  { key: 'email', label: 'Email' },
  ...EMAIL_TYPES.map((t) => ({ key: emailKey(t), label: `Email (${typeLabel(t)})` })),
  { key: 'emails', label: 'All Emails' },
  { key: 'phone_number', label: 'Phone Number' },
  ...PHONE_TYPES.map((t) => ({ key: phoneKey(t), label: `Phone (${typeLabel(t)})` })),
  { key: 'phone_numbers', label: 'All Phone Numbers' },
  { key: 'address', label: 'Address' },
  ...ADDRESS_PARTS.map((p) => ({
    key: `address_${p}`,
    label: `Address ${{ type: 'Type', line1: 'Line 1', line2: 'Line 2', city: 'City', state: 'State', postal_code: 'Postal Code', country: 'Country' }[p]}`,
  })),
  { key: 'addresses', label: 'All Addresses' },
  { key: 'website', label: 'Website' },
  { key: 'websites', label: 'All Websites' },
  { key: 'social_links', label: 'Social Links' },
  { key: 'tags', label: 'Tags' },
];

const timestamps: OutputField[] = [
  { key: 'last_activity_at', label: 'Last Activity At', type: 'datetime' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const contactOutputFields: OutputField[] = [
  { key: 'id', label: 'ID', type: 'string' },
  { key: 'contact_id', label: 'Contact ID', type: 'string' },
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
  ...channelOutputFields,
  ...timestamps,
];

export const companyOutputFields: OutputField[] = [
  { key: 'id', label: 'ID', type: 'string' },
  { key: 'company_id', label: 'Company ID', type: 'string' },
  { key: 'name', label: 'Company Name' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'industry', label: 'Industry' },
  { key: 'description', label: 'Description' },
  { key: 'vat_number', label: 'VAT Number' },
  { key: 'currency', label: 'Currency' },
  { key: 'status', label: 'Status' },
  { key: 'annual_revenue', label: 'Annual Revenue' },
  { key: 'number_of_employees', label: 'Number of Employees' },
  { key: 'ownership', label: 'Ownership' },
  { key: 'parent_id', label: 'Parent Company ID' },
  ...channelOutputFields,
  ...timestamps,
];

export const opportunityOutputFields: OutputField[] = [
  { key: 'id', label: 'ID', type: 'string' },
  { key: 'opportunity_id', label: 'Deal ID', type: 'string' },
  { key: 'title', label: 'Deal Title' },
  { key: 'description', label: 'Description' },
  { key: 'type', label: 'Deal Type' },
  { key: 'monetary_amount', label: 'Amount', type: 'number' },
  { key: 'currency', label: 'Currency' },
  { key: 'win_probability', label: 'Win Probability (%)', type: 'number' },
  { key: 'expected_revenue', label: 'Expected Revenue', type: 'number' },
  { key: 'close_date', label: 'Close Date' },
  { key: 'pipeline_id', label: 'Pipeline ID' },
  { key: 'pipeline_stage_id', label: 'Stage ID' },
  { key: 'status', label: 'Status' },
  { key: 'primary_contact_id', label: 'Primary Contact ID' },
  { key: 'contact_ids', label: 'Contact IDs' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'owner_id', label: 'Owner ID' },
  { key: 'lead_id', label: 'Lead ID' },
  { key: 'lead_source', label: 'Lead Source' },
  { key: 'priority', label: 'Priority' },
  { key: 'loss_reason', label: 'Loss Reason' },
  { key: 'won_reason', label: 'Won Reason' },
  { key: 'tags', label: 'Tags' },
  { key: 'date_stage_changed', label: 'Stage Changed At', type: 'datetime' },
  ...timestamps,
];

export const leadOutputFields: OutputField[] = [
  { key: 'id', label: 'ID', type: 'string' },
  { key: 'lead_id', label: 'Lead ID', type: 'string' },
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
  ...channelOutputFields,
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const noteOutputFields: OutputField[] = [
  { key: 'id', label: 'ID', type: 'string' },
  { key: 'note_id', label: 'Note ID', type: 'string' },
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
  { key: 'id', label: 'ID', type: 'string' },
  { key: 'activity_id', label: 'Activity ID', type: 'string' },
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
