import { inputs, isIsoDateTime } from '@crm-zapier/kit';
import { defineInputField, defineInputFields } from 'zapier-platform-core';
import { z } from 'zod';
import { ADDRESS_TYPES, EMAIL_TYPES, PHONE_TYPES, typeLabel } from './map';
import type { AddressBody, ChannelsBody, CompanyBody, ContactBody, LeadBody, OpportunityPatch } from './schemas';

/*
 * Every resource's input fields (what the Zap editor shows) beside their zod rules (what a user
 * types is checked against before any request is sent), and the request bodies built from them.
 * Sections: shared rules and fields, channels (emails, phones, addresses, websites), contacts,
 * companies, deals, leads.
 */

/**
 * Sections of the long forms (contact, lead, company), as the Zap editor shows them
 * (`inputFieldGroups`; each field names its section with `group`). Every operation that uses a
 * grouped field declares the groups it uses: the schema rejects a group it does not declare.
 */
export const GROUP = {
  person: { key: 'person', label: 'Name and Job' },
  company: { key: 'company', label: 'Company' },
  channels: { key: 'channels', label: 'Email, Phone and Website' },
  address: { key: 'address', label: 'Address' },
  details: { key: 'details', label: 'Owner, Source and Tags' },
} as const;

export const PERSON_GROUPS = [GROUP.person, GROUP.channels, GROUP.address, GROUP.details];
export const COMPANY_GROUPS = [GROUP.company, GROUP.channels, GROUP.address, GROUP.details];

/** A list input: a Zapier list, or comma-separated text when mapped from one field. */
export const textList = inputs.optional(
  z
    .union([z.array(z.unknown()), z.string()])
    .transform((v) =>
      (Array.isArray(v) ? v.map((x) => String(x ?? '')) : v.split(',')).map((x) => x.trim()).filter(Boolean),
    ),
);

export const isoDate = z
  .string()
  .trim()
  .refine(isIsoDateTime, 'must be a date (YYYY-MM-DD)')
  // Keep the calendar date the user picked: "2024-06-30T00:00:00+02:00" is 30 June, not 29 June in UTC.
  .transform((v) => (/^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : new Date(v).toISOString().slice(0, 10)));

export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1, e.g. US)')
  .transform((v) => v.toUpperCase());

export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code (ISO 4217, e.g. USD)')
  .transform((v) => v.toUpperCase());

/**
 * The custom fields filled in, gathered and checked by `withCustomFields` (src/customFields.ts)
 * before these rules run: `[{ id, value }]`, or undefined when none is filled in.
 */
export const customFieldsInput = z
  .array(z.object({ id: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]) }))
  .optional();

/** Optional free text (a description): trimmed, blank means not given. */
export const optionalText = inputs.optional(z.string().trim().min(1));

/** The channel inputs Create/Update Contact and Create Company share. */
export const channelInputShape = {
  email: inputs.optional(inputs.email()),
  email_type: inputs.optional(z.enum(EMAIL_TYPES)),
  phone_number: inputs.optional(inputs.text()),
  phone_type: inputs.optional(z.enum(PHONE_TYPES)),
  address_type: inputs.optional(z.enum(ADDRESS_TYPES)),
  address_line1: inputs.optional(inputs.text()),
  address_city: inputs.optional(inputs.text()),
  address_state: inputs.optional(inputs.text()),
  address_postal_code: inputs.optional(inputs.text()),
  address_country: inputs.optional(countryCode),
  website: inputs.optional(inputs.text()),
  tags: textList,
};
type ChannelInput = z.output<z.ZodObject<typeof channelInputShape>>;

/**
 * Channel inputs as Apideck's lists: one item of each kind the user filled in (a type alone is not
 * an item). A create sends these lists as they are; an update merges them into the record's lists
 * first, unless the user chose "Replace all" (`src/channels.ts`).
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

export const ownerField = defineInputField({
  key: 'owner_id',
  label: 'Owner',
  required: false,
  dynamic: 'list_users.id.name',
  helpText:
    'The CRM user who owns the record. Pick one, or enter the user ID your CRM shows. The list stays empty for CRMs that do not share their users ([which do](https://developers.apideck.com/apis/crm/reference#tag/Users)).',
});

/**
 * A company picked from the dropdown (by name), found with a **Find Company** step the editor
 * offers to add (`search`), or mapped as an ID. Search-powered fields stay plain strings.
 */
export const companyField = defineInputField({
  key: 'company_id',
  label: 'Company',
  type: 'string',
  required: false,
  dynamic: 'list_companies.id.name',
  search: 'find_company.id',
  helpText:
    'The company to link. Pick one, search for it by name with **Find Company**, or map a Company ID from an earlier step.',
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

/** A deal picked from the dropdown (newest first), found with **Find Deal**, or mapped as an ID. */
export const opportunityIdField = defineInputField({
  key: 'opportunity_id',
  label: 'Deal',
  type: 'string',
  required: false,
  dynamic: 'list_deals.id.name',
  search: 'find_deal.id',
  helpText:
    'The deal (opportunity) to link. Pick one, search for it by title with **Find Deal**, or map a Deal ID from a deal trigger or a **Create Deal** step.',
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
 * More emails and phone numbers as line items (Create Contact, Create Lead).
 * ------------------------------------------------------------------------------------------- */

/** The types a line may have: all but primary, which the single Email / Phone Number input is (one primary each). */
const withoutPrimary = <T extends readonly string[]>(types: T) =>
  types.filter((t) => t !== 'primary') as unknown as readonly [
    Exclude<T[number], 'primary'>,
    ...Exclude<T[number], 'primary'>[],
  ];
const OTHER_EMAIL_TYPES = withoutPrimary(EMAIL_TYPES);
const OTHER_PHONE_TYPES = withoutPrimary(PHONE_TYPES);

/**
 * Line items beside the single Email and Phone Number: one line per email (or number) with its
 * type. A parent with `children` takes no help text (Zapier's schema), so the children carry it.
 */
export const channelLineFields = defineInputFields([
  {
    key: 'more_emails',
    label: 'Other Emails',
    required: false,
    group: 'channels',
    children: [
      {
        key: 'more_email',
        label: 'Other Email',
        required: false,
        helpText: 'One more email address per line, after **Email**, e.g. `jane.doe@example.com`.',
      },
      {
        key: 'more_email_type',
        label: 'Other Email Type',
        required: false,
        choices: OTHER_EMAIL_TYPES.map((t) => ({ value: t, label: typeLabel(t), sample: t })),
        helpText:
          'What kind of address that line is (the primary one is **Email**). Leave empty to send it without a type.',
      },
    ],
  },
  {
    key: 'more_phones',
    label: 'Other Phone Numbers',
    required: false,
    group: 'channels',
    children: [
      {
        key: 'more_phone',
        label: 'Other Phone Number',
        required: false,
        helpText: 'One more phone number per line, after **Phone Number**, e.g. `+1 415 555 0199`.',
      },
      {
        key: 'more_phone_type',
        label: 'Other Phone Type',
        required: false,
        choices: OTHER_PHONE_TYPES.map((t) => ({ value: t, label: typeLabel(t), sample: t })),
        helpText:
          'What kind of number that line is (Mobile, Work …; the primary one is **Phone Number**). Leave empty to send it without a type.',
      },
    ],
  },
]);

/** One line item as sent: its value, and its type when the line has one. */
interface Line<T extends string> {
  value: string;
  type?: T;
}

const oneOf = (values: readonly string[]) => `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

/**
 * The rule of a line-item list: Zapier sends the lines as a list of objects keyed by the children's
 * keys. Lines without a value are skipped (a type alone is not an item, as for the single inputs);
 * every other line must have a value of the right shape and a type of the list, or the step stops
 * before any request, naming the line and the field.
 */
const lineItems = <const T extends readonly [string, ...string[]]>(
  keys: { value: string; type: string },
  labels: { value: string; type: string },
  types: T,
  valueRule: z.ZodType<string, string> | undefined,
) =>
  inputs.optional(
    z.unknown().transform((raw, ctx) => {
      const lines: Line<T[number]>[] = [];
      (Array.isArray(raw) ? raw : [raw]).forEach((row, i) => {
        const at = `line ${i + 1}`;
        if (row === null || row === undefined) return;
        if (typeof row !== 'object' || Array.isArray(row)) {
          ctx.addIssue({ code: 'custom', message: `${at} must be a line with ${labels.value} and ${labels.type}` });
          return;
        }
        const r = row as Record<string, unknown>;
        const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : v);
        const value = text(r[keys.value]);
        const type = text(r[keys.type]);
        if (value === undefined || value === null || value === '') return;
        if (typeof value !== 'string') {
          ctx.addIssue({ code: 'custom', message: `${at}: ${labels.value} must be text` });
          return;
        }
        if (valueRule && !valueRule.safeParse(value).success) {
          ctx.addIssue({ code: 'custom', message: `${at}: ${labels.value} must be an email address` });
          return;
        }
        if (type !== undefined && type !== null && type !== '' && !types.includes(type as string)) {
          ctx.addIssue({ code: 'custom', message: `${at}: ${labels.type} must be one of ${oneOf(types)}` });
          return;
        }
        lines.push(type === undefined || type === null || type === '' ? { value } : { value, type: type as T[number] });
      });
      return lines;
    }),
  );

/** The line-item rules. */
export const channelLineShape = {
  more_emails: lineItems(
    { value: 'more_email', type: 'more_email_type' },
    { value: 'Other Email', type: 'Other Email Type' },
    OTHER_EMAIL_TYPES,
    z.string().email(),
  ),
  more_phones: lineItems(
    { value: 'more_phone', type: 'more_phone_type' },
    { value: 'Other Phone Number', type: 'Other Phone Type' },
    OTHER_PHONE_TYPES,
    undefined,
  ),
};
type ChannelLines = z.output<z.ZodObject<typeof channelLineShape>>;

/**
 * A create body with the line items after the single Email and Phone Number (which stay first, as
 * the primary by default): `emails: [{ email, type }]`, `phone_numbers: [{ number, type }]`
 * (apideck-crm.md §6). A line that repeats an email already in the body (any case) or a number
 * already in it (same digits) is left out.
 */
export const withChannelLines = <B extends ChannelsBody>(body: B, lines: ChannelLines): B => {
  const emails = [...(body.emails ?? [])];
  for (const l of lines.more_emails ?? []) {
    if (emails.some((e) => e.email.toLowerCase() === l.value.toLowerCase())) continue;
    emails.push(l.type ? { email: l.value, type: l.type } : { email: l.value });
  }
  const digits = (n: string) => n.replace(/\D/g, '');
  const phones = [...(body.phone_numbers ?? [])];
  for (const l of lines.more_phones ?? []) {
    if (phones.some((p) => p.number === l.value || (digits(l.value) !== '' && digits(p.number) === digits(l.value))))
      continue;
    phones.push(l.type ? { number: l.value, type: l.type } : { number: l.value });
  }
  return compact({
    ...body,
    emails: emails.length > 0 ? emails : undefined,
    phone_numbers: phones.length > 0 ? phones : undefined,
  });
};

/* ----------------------------------------------------------------------------------------------
 * How an update applies the channel inputs (`src/channels.ts`).
 * ------------------------------------------------------------------------------------------- */

export const CHANNEL_MODES = ['merge', 'replace'] as const;
export type ChannelMode = (typeof CHANNEL_MODES)[number];

/** The update operations' choice between merging into the record's lists and replacing them. */
export const channelModeField = defineInputField({
  key: 'channel_mode',
  label: 'Emails, Phones, Addresses and Websites',
  required: false,
  group: 'channels',
  choices: [
    { value: 'merge', label: 'Add or change (default)', sample: 'merge' },
    { value: 'replace', label: 'Replace all', sample: 'replace' },
  ],
  helpText:
    "What happens to the record's other emails, phone numbers, addresses and websites. **Add or change** (the default): " +
    'each one you fill in replaces the one of the same type (an Email of type Work replaces the work email; ' +
    'City alone changes only the city of that address) or is added, and the others are kept; a value the ' +
    'record already has is left as it is. **Replace all**: the record keeps only the ones you fill in, and ' +
    'the others of that kind are removed. A kind you leave empty is never changed.',
});

const UPDATE_NOTES: Record<string, string> = {
  email: "It replaces the record's email of the same **Email Type**, or is added to its emails.",
  phone_number: "It replaces the record's number of the same **Phone Type**, or is added to its numbers.",
  address_type:
    "The parts you fill in change the record's address of this type (its other parts are kept), or a new address is added.",
  website: "It replaces the record's primary website, or is added to its websites.",
};

/**
 * The shared channel inputs as an update shows them: the help text says what happens to the
 * record's list (followed by **Emails, Phones, Addresses and Websites**, which can replace it all).
 */
export const forUpdate = <const T extends readonly { key: string; helpText?: string }[]>(fields: T): T =>
  // Each field keeps its shape (only its help text grows), so the list keeps its type: the update's
  // input keys stay typed. TypeScript cannot carry a tuple's type through `map` on its own.
  fields.map((f) =>
    UPDATE_NOTES[f.key]
      ? {
          ...f,
          helpText: `${f.helpText ?? ''} ${UPDATE_NOTES[f.key]} See **Emails, Phones, Addresses and Websites**.`.trim(),
        }
      : f,
  ) as unknown as T;

/** Inputs that say how to apply other inputs, and change nothing on their own. */
const MODIFIERS = new Set(['channel_mode', 'email_type', 'phone_type', 'address_type']);

/** True when an update's input changes something besides naming the record (`idKey`). */
export const changesSomething = (input: Record<string, unknown>, idKey: string): boolean =>
  Object.entries(input).some(([k, v]) => k !== idKey && !MODIFIERS.has(k) && v !== undefined);

/* ----------------------------------------------------------------------------------------------
 * Contacts.
 * ------------------------------------------------------------------------------------------- */

export const CONTACT_TYPES = ['customer', 'supplier', 'employee', 'personal'] as const;

/** The contact inputs Create Contact and Update Contact share (none required by the API). */
export const contactInputFields = defineInputFields([
  { key: 'first_name', label: 'First Name', required: false, group: 'person' },
  { key: 'last_name', label: 'Last Name', required: false, group: 'person' },
  {
    key: 'name',
    label: 'Full Name',
    required: false,
    group: 'person',
    helpText: 'The full name. Leave empty to use First Name and Last Name.',
  },
  { key: 'title', label: 'Job Title', required: false, group: 'person', helpText: 'e.g. `CEO`.' },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    group: 'person',
    helpText:
      'The name of the company the contact works for, as text. To link an existing company record use **Company**.',
  },
  { ...companyField, group: 'person' },
  { ...ownerField, group: 'details' },
  {
    key: 'type',
    label: 'Contact Type',
    required: false,
    group: 'details',
    choices: [
      { value: 'customer', label: 'Customer', sample: 'customer' },
      { value: 'supplier', label: 'Supplier', sample: 'supplier' },
      { value: 'employee', label: 'Employee', sample: 'employee' },
      { value: 'personal', label: 'Personal', sample: 'personal' },
    ],
  },
  ...channelInputFields,
  {
    key: 'lead_source',
    label: 'Lead Source',
    required: false,
    group: 'details',
    helpText: 'Where the contact came from, e.g. `Cold Call`.',
  },
  { key: 'description', label: 'Description', type: 'text', required: false, group: 'details' },
]);

/** The contact input rules. */
export const contactInputShape = {
  name: inputs.optional(inputs.text()),
  first_name: inputs.optional(inputs.text()),
  last_name: inputs.optional(inputs.text()),
  title: inputs.optional(inputs.text()),
  company_name: inputs.optional(inputs.text()),
  company_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
  custom_fields: customFieldsInput,
  type: inputs.optional(z.enum(CONTACT_TYPES)),
  ...channelInputShape,
  lead_source: inputs.optional(inputs.text()),
  description: optionalText,
};
export type ContactInput = z.output<z.ZodObject<typeof contactInputShape>>;

export const joinName = (i: { first_name?: string; last_name?: string }): string | undefined =>
  [i.first_name, i.last_name].filter(Boolean).join(' ') || undefined;

/**
 * A contact body with only what the user gave. `name` is built from first + last name when left
 * empty; on create it is always sent (null when there is no name at all), because the 10.3.6
 * document made the key required.
 */
export const toContactBody = (i: ContactInput, mode: 'create' | 'update'): ContactBody => {
  const name = i.name ?? joinName(i);
  return compact({
    name: mode === 'create' ? (name ?? null) : i.name,
    first_name: i.first_name,
    last_name: i.last_name,
    title: i.title,
    company_name: i.company_name,
    company_id: i.company_id,
    owner_id: i.owner_id,
    custom_fields: i.custom_fields,
    type: i.type,
    lead_source: i.lead_source,
    description: i.description,
    ...compact(toChannels(i)),
  });
};

/* ----------------------------------------------------------------------------------------------
 * Companies.
 * ------------------------------------------------------------------------------------------- */

/** The company inputs Create Company and Update Company share; `name` is required on create only. */
export const companyInputFields = (nameRequired: boolean) =>
  defineInputFields([
    {
      key: 'name',
      label: 'Company Name',
      required: nameRequired,
      group: 'company',
      ...(nameRequired ? {} : { helpText: 'A new name for the company. Leave empty to keep the current one.' }),
    },
    { ...ownerField, group: 'details' },
    { key: 'industry', label: 'Industry', required: false, group: 'company', helpText: 'e.g. `Aerospace`.' },
    { key: 'description', label: 'Description', type: 'text', required: false, group: 'company' },
    {
      key: 'number_of_employees',
      label: 'Number of Employees',
      required: false,
      group: 'company',
      helpText: 'Free text, e.g. `500-1000`.',
    },
    {
      key: 'annual_revenue',
      label: 'Annual Revenue',
      required: false,
      group: 'company',
      helpText: 'Free text, e.g. `+$35m`.',
    },
    { key: 'vat_number', label: 'VAT Number', required: false, group: 'company' },
    ...channelInputFields,
  ]);

/** The company input rules. */
export const companyInputShape = {
  owner_id: inputs.optional(inputs.id()),
  custom_fields: customFieldsInput,
  industry: inputs.optional(inputs.text()),
  description: optionalText,
  number_of_employees: inputs.optional(inputs.text()),
  annual_revenue: inputs.optional(inputs.text()),
  vat_number: inputs.optional(inputs.text()),
  ...channelInputShape,
};
type CompanyInput = z.output<z.ZodObject<typeof companyInputShape>> & { name?: string };

/** A company body with only what the user gave. */
export const toCompanyBody = (i: CompanyInput): CompanyBody =>
  compact({
    name: i.name,
    owner_id: i.owner_id,
    custom_fields: i.custom_fields,
    industry: i.industry,
    description: i.description,
    number_of_employees: i.number_of_employees,
    annual_revenue: i.annual_revenue,
    vat_number: i.vat_number,
    ...compact(toChannels(i)),
  });

/* ----------------------------------------------------------------------------------------------
 * Deals (opportunities).
 * ------------------------------------------------------------------------------------------- */

/** The deal inputs Create Deal and Update Deal share; the title is required on create only. */
export const dealInputFields = (titleRequired: boolean) =>
  defineInputFields([
    {
      key: 'title',
      label: 'Deal Title',
      required: titleRequired,
      helpText: titleRequired
        ? 'The name of the deal, e.g. `New Rocket`.'
        : 'A new name for the deal. Leave empty to keep the current one.',
    },
    {
      key: 'pipeline_id',
      label: 'Pipeline',
      required: false,
      dynamic: 'list_pipelines.id.name',
      altersDynamicFields: true,
      helpText:
        'The pipeline the deal belongs to. HubSpot, Pipedrive and Salesforce list their pipelines here; with another CRM, enter the pipeline ID it shows.',
    },
    {
      key: 'pipeline_stage_id',
      label: 'Stage',
      required: false,
      dynamic: 'list_pipeline_stages.id.label',
      helpText: titleRequired
        ? 'The stage in the chosen pipeline. Pick a pipeline first to see its stages. Salesforce requires a stage.'
        : 'Move the deal to this stage. Pick a pipeline first to see its stages.',
    },
    {
      key: 'monetary_amount',
      label: 'Amount',
      type: 'number',
      required: false,
      helpText: 'The deal value, as your CRM shows it (e.g. `75000`).',
    },
    {
      key: 'currency',
      label: 'Currency',
      required: false,
      helpText: 'Three-letter ISO 4217 code, e.g. `USD`, `EUR`.',
    },
    {
      key: 'close_date',
      label: 'Expected Close Date',
      type: 'datetime',
      required: false,
      helpText: titleRequired
        ? 'The day the deal is expected to close (the time of day is ignored). Salesforce requires one: left empty, it gets 2021-12-31.'
        : 'The day the deal is expected to close (the time of day is ignored).',
    },
    {
      ...contactIdField,
      key: 'primary_contact_id',
      label: 'Primary Contact',
      helpText:
        "The deal's main contact. Pick one, search for it by email or name with **Find Contact**, or map a Contact ID from a **Create Contact** step." +
        (titleRequired
          ? ' Required by Pipedrive, ActiveCampaign, Copper, Microsoft Dynamics, Teamleader, Act! and Zoho Books.'
          : ''),
    },
    companyField,
    ownerField,
    {
      key: 'win_probability',
      label: 'Win Probability (%)',
      type: 'number',
      required: false,
      helpText: 'From 0 to 100.',
    },
    {
      key: 'status',
      label: 'Status',
      required: false,
      helpText: 'Free text your CRM understands, e.g. `Open`. Planhat takes only `active`, `won` or `lost`.',
    },
    { key: 'description', label: 'Description', type: 'text', required: false },
    tagsField,
  ]);

/** The deal input rules. */
export const dealInputShape = {
  pipeline_id: inputs.optional(inputs.id()),
  pipeline_stage_id: inputs.optional(inputs.id()),
  monetary_amount: inputs.optional(inputs.number()),
  currency: inputs.optional(currencyCode),
  close_date: inputs.optional(isoDate),
  primary_contact_id: inputs.optional(inputs.id()),
  company_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
  custom_fields: customFieldsInput,
  win_probability: inputs.optional(
    inputs.number().pipe(z.number().min(0, 'must be 0 or more').max(100, 'must be 100 or less')),
  ),
  status: inputs.optional(inputs.text()),
  description: optionalText,
  tags: textList,
};
type DealInput = z.output<z.ZodObject<typeof dealInputShape>> & { title?: string };

/** A deal body with only what the user gave (create adds `primary_contact_id: null` itself). */
export const toDealBody = (i: DealInput): OpportunityPatch =>
  compact({
    title: i.title,
    primary_contact_id: i.primary_contact_id,
    pipeline_id: i.pipeline_id,
    pipeline_stage_id: i.pipeline_stage_id,
    monetary_amount: i.monetary_amount,
    currency: i.currency,
    close_date: i.close_date,
    company_id: i.company_id,
    owner_id: i.owner_id,
    custom_fields: i.custom_fields,
    win_probability: i.win_probability,
    status: i.status,
    description: i.description,
    tags: i.tags && i.tags.length > 0 ? i.tags : undefined,
  });

/* ----------------------------------------------------------------------------------------------
 * Leads.
 * ------------------------------------------------------------------------------------------- */

/** The lead inputs Create Lead and Update Lead share (the API requires only a name, on create). */
export const leadInputFields = defineInputFields([
  { key: 'first_name', label: 'First Name', required: false, group: 'person' },
  { key: 'last_name', label: 'Last Name', required: false, group: 'person' },
  {
    key: 'name',
    label: 'Full Name',
    required: false,
    group: 'person',
    helpText: 'The full name. Leave empty to use First Name and Last Name.',
  },
  { key: 'prefix', label: 'Prefix', required: false, group: 'person', helpText: 'e.g. `Dr.`' },
  { key: 'title', label: 'Job Title', required: false, group: 'person', helpText: 'e.g. `CEO`.' },
  {
    key: 'company_name',
    label: 'Company Name',
    required: false,
    group: 'person',
    helpText: "The lead's company, as text. Freshsales requires one.",
  },
  {
    ...companyField,
    group: 'person',
    helpText:
      'A company record to link. Pick one, search for it by name with **Find Company**, or map a Company ID from an earlier step. Pipedrive requires an existing company.',
  },
  { ...ownerField, group: 'details' },
  {
    key: 'lead_source',
    label: 'Lead Source',
    required: false,
    group: 'details',
    helpText: 'Where the lead came from, e.g. `Website`.',
  },
  { key: 'status', label: 'Status', required: false, group: 'details', helpText: 'As your CRM names it, e.g. `New`.' },
  {
    key: 'monetary_amount',
    label: 'Amount',
    type: 'number',
    required: false,
    group: 'details',
    helpText: 'The potential value of the lead, e.g. `75000`.',
  },
  {
    key: 'currency',
    label: 'Currency',
    required: false,
    group: 'details',
    helpText: 'Three-letter ISO 4217 code, e.g. `USD`.',
  },
  { key: 'description', label: 'Description', type: 'text', required: false, group: 'details' },
  ...channelInputFields,
]);

/** The lead input rules. */
export const leadInputShape = {
  name: inputs.optional(inputs.text()),
  first_name: inputs.optional(inputs.text()),
  last_name: inputs.optional(inputs.text()),
  prefix: inputs.optional(inputs.text()),
  title: inputs.optional(inputs.text()),
  company_name: inputs.optional(inputs.text()),
  company_id: inputs.optional(inputs.id()),
  owner_id: inputs.optional(inputs.id()),
  custom_fields: customFieldsInput,
  lead_source: inputs.optional(inputs.text()),
  status: inputs.optional(inputs.text()),
  monetary_amount: inputs.optional(inputs.number()),
  currency: inputs.optional(currencyCode),
  description: optionalText,
  ...channelInputShape,
};
export type LeadInput = z.output<z.ZodObject<typeof leadInputShape>>;

/**
 * A lead body with only what the user gave. On create `name` is built from first + last name when
 * left empty (the document requires it); on update it is sent only when given.
 */
export const toLeadBody = (i: LeadInput, mode: 'create' | 'update'): LeadBody =>
  compact({
    name: mode === 'create' ? (i.name ?? joinName(i)) : i.name,
    first_name: i.first_name,
    last_name: i.last_name,
    prefix: i.prefix,
    title: i.title,
    company_name: i.company_name,
    company_id: i.company_id,
    owner_id: i.owner_id,
    custom_fields: i.custom_fields,
    lead_source: i.lead_source,
    status: i.status,
    monetary_amount: i.monetary_amount,
    currency: i.currency,
    description: i.description,
    ...compact(toChannels(i)),
  });
