import { defineInputField } from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { nimble } from './client';
import { keyFromName } from '@crm-zapier/kit';
import { ADDRESS_TYPES, customDealFieldNames, EMAIL_TYPES, FIELD_PREFIX, fieldKey, MAPPED_CONTACT_FIELDS } from './map';
import type { FieldsMetadata, MetaField } from './schemas';

const titleCase = (name: string): string => name.replace(/(^|[\s_-])(\p{L})/gu, (m) => m.toUpperCase());
const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: titleCase(v), sample: v }));

export const recordTypeFilterField = defineInputField({
  key: 'record_type',
  label: 'Contact Type',
  required: false,
  choices: [
    { value: 'person', label: 'People only', sample: 'person' },
    { value: 'company', label: 'Companies only', sample: 'company' },
  ],
  helpText: 'Only people or only companies. Leave empty for both.',
});

/** The record type filter's value, if it is one Nimble knows. */
export const recordTypeOf = (v: unknown): 'person' | 'company' | undefined =>
  v === 'person' || v === 'company' ? v : undefined;

/** The contact dropdown (newest first, "name (email)"); see `triggers/listContacts.ts`. */
export const CONTACT_DROPDOWN = 'list_contacts.id.name';

export const contactIdField = defineInputField({
  key: 'contact_id',
  label: 'Contact ID',
  required: true,
  dynamic: CONTACT_DROPDOWN,
  search: 'find_contact.id',
  helpText:
    'The Nimble contact: pick one, search for one, or map its ID (24 characters, like `5049fb849b85f669e40000dc`) from a trigger or a **Find Contact** step.',
});

/** Several contacts: a dropdown, but no search button (Zapier allows search-powered fields only for single values). */
export const contactIdsField = defineInputField({
  key: 'contact_ids',
  label: 'Contact IDs',
  list: true,
  required: false,
  dynamic: CONTACT_DROPDOWN,
  helpText:
    'The Nimble contacts to link: pick them, or map their IDs (24 characters each) from a trigger or a **Find Contact** step.',
});

/** The deal dropdown (most recently changed first); see `triggers/listDeals.ts`. */
export const DEAL_DROPDOWN = 'list_deals.id.name';

export const dealIdField = defineInputField({
  key: 'deal_id',
  label: 'Deal',
  required: true,
  dynamic: DEAL_DROPDOWN,
  search: 'find_deal.id',
  helpText:
    'The Nimble deal: pick one (most recently changed first), search for one, or map its ID (24 characters) from New Deal or a **Find Deal** step.',
});

export const ownerIdField = defineInputField({
  key: 'owner_id',
  label: 'Owner User ID',
  required: false,
  helpText:
    "The Nimble user ID of the owner. Nimble has no user list in its API; leave empty for the default (the connected user, or your company's default owner for contacts).",
});

/**
 * The sections of the long contact forms (Create Contact, Update Contact): Zapier's editor shows each
 * group as its own section. Social profiles and the account's own fields come from the fields
 * metadata, so those two sections fill with the dynamic fields.
 */
export const contactInputFieldGroups = [
  { key: 'name', label: 'Name and Company' },
  { key: 'contact', label: 'Emails and Phones' },
  { key: 'address', label: 'Address' },
  { key: 'social', label: 'Social Profiles' },
  { key: 'custom', label: 'Other and Custom Fields' },
];

/** Nimble's standard social-profile fields (§7.3 of the API reference), shown in their own section. */
export const SOCIAL_FIELDS = new Set([
  'skype id',
  'twitter',
  'facebook',
  'linkedin',
  'google plus',
  'google+',
  'muck rack',
  'threads',
  'instagram',
  'tiktok',
  'youtube',
  'foursquare',
]);

/** The contact's standard fields, shared by Create Contact and Update Contact. */
export const contactStandardFields = [
  {
    key: 'first_name',
    label: 'First Name',
    required: false,
    group: 'name',
    helpText: 'A person needs a first or a last name.',
  },
  { key: 'last_name', label: 'Last Name', required: false, group: 'name' },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    group: 'name',
    helpText: "A company's name (required for companies), or the company a person works for.",
  },
  {
    key: 'title',
    label: 'Job Title',
    required: false,
    group: 'name',
    helpText: "A person's job title at the company above.",
  },
  {
    key: 'domain',
    label: 'Domain',
    required: false,
    group: 'name',
    helpText: 'Companies only: the bare domain like `nimble.com` (no `https://`). Unique per Nimble account.',
  },
  { key: 'email', label: 'Email', required: false, group: 'contact' },
  {
    key: 'email_type',
    label: 'Email Type',
    required: false,
    group: 'contact',
    default: 'work',
    choices: choices(EMAIL_TYPES),
    helpText: 'How Nimble labels the email (work, personal or other).',
  },
  { key: 'phone_mobile', label: 'Mobile Phone', required: false, group: 'contact' },
  { key: 'phone_work', label: 'Work Phone', required: false, group: 'contact' },
  { key: 'phone_home', label: 'Home Phone', required: false, group: 'contact' },
  { key: 'phone_main', label: 'Main Phone', required: false, group: 'contact' },
  { key: 'phone_other', label: 'Other Phone', required: false, group: 'contact' },
  {
    key: 'website',
    label: 'Website',
    required: false,
    group: 'contact',
    helpText: 'A web address, saved as a work URL.',
  },
  { key: 'address_street', label: 'Street', required: false, group: 'address' },
  { key: 'address_city', label: 'City', required: false, group: 'address' },
  { key: 'address_state', label: 'State', required: false, group: 'address' },
  { key: 'address_zip', label: 'ZIP Code', required: false, group: 'address' },
  { key: 'address_country', label: 'Country', required: false, group: 'address' },
  {
    key: 'address_type',
    label: 'Address Type',
    required: false,
    group: 'address',
    default: 'work',
    choices: choices(ADDRESS_TYPES),
    helpText: 'How Nimble labels the address (work, home or other).',
  },
] as const;

const WRITABLE_KINDS = new Set(['string', 'long_string', 'number', 'datetime', 'boolean', 'choice', 'user']);

/** Every field of the metadata tree, groups opened up. */
export const allMetaFields = (meta: FieldsMetadata): MetaField[] =>
  meta.tabs.flatMap((tab) =>
    tab.members.flatMap((m) => ('fields' in m && Array.isArray(m.fields) ? m.fields : [m as MetaField])),
  );

/** Fields the user may write that have no input of their own above (custom and other standard fields). */
export const extraContactFields = (meta: FieldsMetadata): MetaField[] => {
  const seen = new Set<string>();
  return allMetaFields(meta).filter((f) => {
    if (MAPPED_CONTACT_FIELDS.has(f.name) || f.read_only || seen.has(f.name)) return false;
    if (f.field_type && !WRITABLE_KINDS.has(f.field_type.field_kind)) return false;
    seen.add(f.name);
    return true;
  });
};

/** The account's other contact fields (custom ones included), from the fields metadata. */
export const contactCustomInputFields = async (z: ZObject) => {
  const meta = await nimble(z).contactFields();
  return extraContactFields(meta).map((f) => {
    const kind = f.field_type?.field_kind;
    const values = f.field_type?.values?.values ?? [];
    return {
      key: fieldKey(f.name),
      label: titleCase(f.name),
      required: false,
      group: SOCIAL_FIELDS.has(f.name.toLowerCase()) ? 'social' : 'custom',
      ...(kind === 'choice' && values.length
        ? { choices: values.map((v) => ({ value: v.id, label: v.value, sample: v.id })) }
        : {}),
      ...(kind === 'long_string' ? { type: 'text' as const } : {}),
      ...(kind === 'datetime' ? { type: 'datetime' as const } : {}),
      ...(kind === 'number' ? { type: 'number' as const } : {}),
      ...(kind === 'boolean' ? { type: 'boolean' as const } : {}),
      helpText: `Value for the Nimble field "${f.name}"${kind === 'user' ? ' (a Nimble user ID)' : ''}. Leave empty to skip it.`,
    };
  });
};

/**
 * Every field a contact output can carry as `fields__<name>`: all of the account's fields that have no
 * flat key of their own, read-only ones (like `source`) and any kind included, since outputs show
 * what Nimble stores, not only what can be written.
 */
export const outputContactFields = (meta: FieldsMetadata): MetaField[] => {
  const seen = new Set<string>();
  return allMetaFields(meta).filter((f) => {
    if (MAPPED_CONTACT_FIELDS.has(f.name) || seen.has(f.name)) return false;
    seen.add(f.name);
    return true;
  });
};

/**
 * Labels for the account's `fields__<name>` outputs, from the same fields metadata the dynamic inputs
 * use. They are not in the static samples, since not every contact has them.
 */
export const contactCustomOutputFields = async (z: ZObject) =>
  outputContactFields(await nimble(z).contactFields()).map((f) => ({
    key: fieldKey(f.name),
    label: titleCase(f.name),
  }));

/** Labels for a deal's custom-field outputs (`fields__<slug>`), from the pipelines' deal fields. */
export const dealCustomOutputFields = async (z: ZObject) => {
  const seen = new Set<string>();
  return customDealFieldNames(await nimble(z).dealFields()).flatMap((name) => {
    const key = `${FIELD_PREFIX}${keyFromName(name)}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ key, label: titleCase(name) }];
  });
};

/** Labels for the keys every contact output has. */
export const contactOutputFields = [
  { key: 'id', label: 'ID', type: 'string' as const },
  { key: 'contact_id', label: 'Contact ID', type: 'string' as const },
  { key: 'record_type', label: 'Contact Type' },
  { key: 'name', label: 'Name' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'middle_name', label: 'Middle Name' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'title', label: 'Job Title' },
  { key: 'email', label: 'Email (Primary)' },
  { key: 'emails', label: 'Emails (All)', list: true },
  { key: 'email_work', label: 'Work Email' },
  { key: 'email_personal', label: 'Personal Email' },
  { key: 'email_other', label: 'Other Email' },
  { key: 'phone', label: 'Phone (Primary)' },
  { key: 'phones', label: 'Phones (All)', list: true },
  { key: 'phone_mobile', label: 'Mobile Phone' },
  { key: 'phone_work', label: 'Work Phone' },
  { key: 'phone_home', label: 'Home Phone' },
  { key: 'phone_main', label: 'Main Phone' },
  { key: 'phone_other', label: 'Other Phone' },
  { key: 'website', label: 'Website' },
  { key: 'websites', label: 'Websites (All)', list: true },
  { key: 'address_type', label: 'Address Type' },
  { key: 'address_street', label: 'Street' },
  { key: 'address_city', label: 'City' },
  { key: 'address_state', label: 'State' },
  { key: 'address_zip', label: 'ZIP Code' },
  { key: 'address_country', label: 'Country' },
  { key: 'birthday', label: 'Birthday' },
  { key: 'domain', label: 'Domain' },
  { key: 'description', label: 'Description' },
  { key: 'tags', label: 'Tags', list: true },
  { key: 'owner_id', label: 'Owner User ID' },
  { key: 'avatar_url', label: 'Avatar URL' },
  { key: 'creator', label: 'Created By' },
  { key: 'updater', label: 'Updated By' },
  { key: 'created', label: 'Created At', type: 'datetime' as const },
  { key: 'updated', label: 'Updated At', type: 'datetime' as const },
];

export const dealOutputFields = [
  { key: 'id', label: 'ID', type: 'string' as const },
  { key: 'deal_id', label: 'Deal ID', type: 'string' as const },
  { key: 'deal_number', label: 'Deal Number', type: 'integer' as const },
  { key: 'name', label: 'Deal Name' },
  { key: 'amount', label: 'Amount', type: 'number' as const },
  { key: 'currency', label: 'Currency' },
  { key: 'probability', label: 'Probability (%)', type: 'integer' as const },
  { key: 'description', label: 'Description' },
  { key: 'expected_close_date', label: 'Expected Close Date' },
  { key: 'actual_close_date', label: 'Actual Close Date' },
  { key: 'pipeline_id', label: 'Pipeline ID' },
  { key: 'pipeline_name', label: 'Pipeline' },
  { key: 'stage_id', label: 'Stage ID' },
  { key: 'stage_name', label: 'Stage' },
  { key: 'owner_id', label: 'Owner User ID' },
  { key: 'owner_name', label: 'Owner Name' },
  { key: 'owner_email', label: 'Owner Email' },
  { key: 'contact_ids', label: 'Contact IDs', list: true },
  { key: 'contact_names', label: 'Contact Names', list: true },
  { key: 'tags', label: 'Tags', list: true },
  { key: 'age_in_days', label: 'Age (Days)', type: 'number' as const },
  { key: 'created', label: 'Created At', type: 'datetime' as const },
  { key: 'updated', label: 'Updated At', type: 'datetime' as const },
];
