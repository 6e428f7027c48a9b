import { inputs, nonBlank } from '@crm-zapier/kit';
import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from './client';
import { dateTimeWithOffset } from './dates';
import {
  allMetaFields,
  choiceLabelKey,
  customDealFields,
  dealFieldKey,
  type DealCustomField,
  fieldKey,
  inPipeline,
  isFieldKey,
  MAPPED_CONTACT_FIELDS,
} from './map';
import { ADDRESS_TYPES, EMAIL_TYPES, type FieldsMetadata, type MetaField } from './schemas';

/*
 * The inputs operations share, each field beside the zod rules that check it before any request,
 * and the fields read from the account's metadata (dynamic inputs and output labels).
 */

const titleCase = (name: string): string => name.replace(/(^|[\s_-])(\p{L})/gu, (m) => m.toUpperCase());
const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: titleCase(v), sample: v }));

/** Nimble accepts at most five tags when a contact is created. */
export const MAX_CREATE_TAGS = 5;
/** A note belongs to one to ten contacts. */
export const MAX_NOTE_CONTACTS = 10;
/** A task's subject: 2 to 128 characters (legacy docs, `docs/activities/tasks/create.rst`). */
export const TASK_SUBJECT_LENGTH = { min: 2, max: 128 } as const;

/** Optional text: trimmed; blank (typed or mapped) counts as not given. */
export const optionalText = () => inputs.optional(inputs.text());

/** A list input: Zapier sends a list, or one string (comma-separated when typed by hand). */
export const idList = () =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(inputs.id()));

/** Tags: a list, or one tag. */
export const tagList = () =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

// Contacts

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
const CONTACT_DROPDOWN = 'list_contacts.id.name';

export const contactIdField = defineInputField({
  key: 'contact_id',
  label: 'Contact',
  required: true,
  dynamic: CONTACT_DROPDOWN,
  search: 'find_contact.id',
  helpText:
    'The person or company: pick one (newest first), search for one, or map it from an earlier step such as **New Contact** or **Find Contact**.',
});

/**
 * Several contacts: a dropdown, without the search button: Zapier allows search-powered fields only
 * for single values (its check D014: no `list` on a field with `search`).
 */
export const contactIdsField = defineInputField({
  key: 'contact_ids',
  label: 'Contacts',
  list: true,
  required: false,
  dynamic: CONTACT_DROPDOWN,
  helpText: 'The people or companies to link: pick them, or map them from an earlier step such as **Find Contact**.',
});

/**
 * The user dropdown (see `triggers/listUsers.ts`): Nimble's API has no list of the account's users,
 * so it offers the connected user and the owners of recent deals; an empty field means the connected
 * user (`connectedUserId`).
 */
export const USER_DROPDOWN = 'list_users.id.name';

export const ownerIdField = defineInputField({
  key: 'owner_id',
  label: 'Owner',
  required: false,
  dynamic: USER_DROPDOWN,
  helpText:
    'Who owns it in Nimble. Leave empty for yourself (the user this connection signed in as). The list shows you and the owners of recently changed deals; to pick someone else, map an **Owner** from an earlier step.',
});

/** The connected user's id: stored with the connection, or (connections made before that) asked of Nimble. */
export const connectedUserId = async (z: ZObject, authData: Record<string, unknown>): Promise<string> =>
  nonBlank(authData.user_id) ?? (await nimble(z).myself()).user_id;

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
    helpText:
      'Companies only: the website domain alone, like `acme.com` (no `https://`). Two companies cannot share one.',
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
] as const;

/** Create Contact's Address Type: work unless another is picked. */
export const newAddressTypeField = {
  key: 'address_type',
  label: 'Address Type',
  required: false,
  group: 'address',
  default: 'work',
  choices: choices(ADDRESS_TYPES),
  helpText: 'How Nimble labels the address (work, home or other).',
} as const;

/** Update Contact's Address Type: no default, so that the parts given change the contact's main address. */
export const changedAddressTypeField = {
  key: 'address_type',
  label: 'Address Type',
  required: false,
  group: 'address',
  choices: choices(ADDRESS_TYPES),
  helpText:
    "Which of the contact's addresses the parts change (work, home or other). Leave empty for its main address.",
} as const;

/** The rules of the standard contact fields, which Create Contact and Update Contact check before any request. */
export const contactShape = {
  first_name: optionalText(),
  last_name: optionalText(),
  company_name: optionalText(),
  title: optionalText(),
  email: inputs.optional(inputs.email()),
  email_type: inputs.optional(z.enum(EMAIL_TYPES)),
  phone_mobile: optionalText(),
  phone_work: optionalText(),
  phone_home: optionalText(),
  phone_main: optionalText(),
  phone_other: optionalText(),
  website: optionalText(),
  address_type: inputs.optional(z.enum(ADDRESS_TYPES)),
  address_street: optionalText(),
  address_city: optionalText(),
  address_state: optionalText(),
  address_zip: optionalText(),
  address_country: optionalText(),
  domain: inputs.optional(
    z
      .string()
      .trim()
      .regex(/^(?!https?:\/\/)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a bare domain like acme.com'),
  ),
};
/** A contact's checked inputs, the account's other fields (`fields__<name>`) included (the operations' schemas are loose). */
export type ContactInput = z.infer<z.ZodObject<typeof contactShape, z.core.$loose>>;

/** Nimble's standard social-profile fields (§7.3 of the API reference), shown in their own section. */
const SOCIAL_FIELDS = new Set([
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

const WRITABLE_KINDS = new Set(['string', 'long_string', 'number', 'datetime', 'boolean', 'choice', 'user']);

/** The first field of each name, as `keep` allows. */
const firstOfEachName = (fields: MetaField[], keep: (f: MetaField) => boolean): MetaField[] =>
  fields.filter((f, i) => keep(f) && fields.findIndex((g) => g.name === f.name && keep(g)) === i);

/** Fields the user may write that have no input of their own above (custom and other standard fields). */
const extraContactFields = (meta: FieldsMetadata): MetaField[] =>
  firstOfEachName(
    allMetaFields(meta),
    (f) =>
      !MAPPED_CONTACT_FIELDS.has(f.name) &&
      !f.read_only &&
      (!f.field_type || WRITABLE_KINDS.has(f.field_type.field_kind)),
  );

const FIELD_TYPES: Record<string, 'text' | 'datetime' | 'number' | 'boolean'> = {
  long_string: 'text',
  datetime: 'datetime',
  number: 'number',
  boolean: 'boolean',
};

/** The account's other contact fields (custom ones included), from the fields metadata. */
export const contactCustomInputFields = async (z: ZObject) =>
  extraContactFields(await nimble(z).contactFields()).map((f) => {
    const kind = f.field_type?.field_kind ?? '';
    const values = f.field_type?.values?.values ?? [];
    const type = FIELD_TYPES[kind];
    return {
      key: fieldKey(f.name),
      label: titleCase(f.name),
      required: false,
      group: SOCIAL_FIELDS.has(f.name.toLowerCase()) ? 'social' : 'custom',
      ...(kind === 'choice' && values.length
        ? { choices: values.map((v) => ({ value: v.id, label: v.value, sample: v.id })) }
        : {}),
      // A user field holds a user: picked like an owner, never typed as an id.
      ...(kind === 'user' ? { dynamic: USER_DROPDOWN } : {}),
      ...(type ? { type } : {}),
      helpText: `The contact's "${titleCase(f.name)}" in Nimble. Leave empty to skip it.`,
    };
  });

/**
 * Labels for the account's `fields__<name>` outputs: all of its fields that have no flat key of their
 * own, read-only ones (like `source`) and any kind included, since outputs show what Nimble stores.
 * They are not in the static samples, since not every contact has them.
 */
export const contactCustomOutputFields = async (z: ZObject) =>
  firstOfEachName(allMetaFields(await nimble(z).contactFields()), (f) => !MAPPED_CONTACT_FIELDS.has(f.name)).flatMap(
    (f) =>
      // A drop-down field stores the option's id; its label is output beside it (`flattenContact`).
      f.field_type?.field_kind === 'choice'
        ? [
            { key: choiceLabelKey(f.name), label: titleCase(f.name) },
            { key: fieldKey(f.name), label: `${titleCase(f.name)} (Option ID)` },
          ]
        : [{ key: fieldKey(f.name), label: titleCase(f.name) }],
  );

// Deals

/** The deal dropdown (most recently changed first); see `triggers/listDeals.ts`. */
export const DEAL_DROPDOWN = 'list_deals.id.name';

export const dealIdField = defineInputField({
  key: 'deal_id',
  label: 'Deal',
  required: true,
  dynamic: DEAL_DROPDOWN,
  search: 'find_deal.id',
  helpText:
    'The deal: pick one (most recently changed first), search for one, or map it from an earlier step such as **New Deal** or **Find Deal**.',
});

/** A deal's values as Create Deal and Update Deal both take them. */
export const dealValuesShape = {
  amount: inputs.optional(inputs.number().pipe(z.number().min(0, 'must be 0 or more'))),
  currency: inputs.optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code like USD')
      .transform((c) => c.toUpperCase()),
  ),
  probability: inputs.optional(
    inputs
      .number()
      .pipe(z.number().int('must be a whole number').min(0, 'must be 0 to 100').max(100, 'must be 0 to 100')),
  ),
  expected_close_date: inputs.optional(inputs.isoDateTime()),
  description: optionalText(),
};
/** The standard deal fields a Zap can write, as checked input. */
export type DealValues = z.infer<z.ZodObject<typeof dealValuesShape>> & { name?: string };

/**
 * Labels for a deal's custom-field outputs (`fields__<slug>`), from the pipelines' deal fields: the
 * field's name as Nimble shows it, the label of its input on Create Deal and Update Deal.
 */
export const dealCustomOutputFields = async (z: ZObject) =>
  customDealFields(await nimble(z).dealFields())
    .map((f) => ({ key: dealFieldKey(f.name), label: f.name }))
    .filter((f, i, all) => all.findIndex((g) => g.key === f.key) === i);

/** A Nimble id (a 24-hex ObjectId, nimble.md §0) picked in a dropdown, not a value mapped from an earlier step. */
export const pickedId = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v.trim()) ? v.trim() : undefined;

/** The custom deal field kinds a Zap writes: Zapier's field type, and what the help text says the value is. */
const DEAL_FIELD_KINDS: Record<string, { type?: 'text' | 'number' | 'datetime' | 'boolean'; what: string }> = {
  '': { what: 'Text' },
  string: { what: 'Text' },
  long_string: { type: 'text', what: 'Text' },
  number: { type: 'number', what: 'A number' },
  datetime: { type: 'datetime', what: "A date and time (sent with your Zap's time zone offset)" },
  boolean: { type: 'boolean', what: 'Yes or no' },
  choice: { what: 'One of its options' },
  user: { what: 'A Nimble user' },
};

/**
 * Whether a Zap can fill the custom deal field: it has an id (`fields_values` is keyed by it), it is
 * not read-only, its kind is written as text (an address, a file or an employment is not), and a
 * drop-down lists its options (how a deal's drop-down value is written is not documented: only an
 * option the field metadata gives is sent, by its id as a contact's is, nimble.md §7.2).
 */
export const writableDealField = (f: DealCustomField): boolean =>
  !!f.field_id && !f.read_only && f.kind in DEAL_FIELD_KINDS && (f.kind !== 'choice' || !!f.options?.length);

const dealCustomInputField = (f: DealCustomField, onUpdate: boolean) => {
  const kind = DEAL_FIELD_KINDS[f.kind]!;
  const what = f.rule === 'email' ? 'An email address' : f.rule === 'url' ? 'A web address' : kind.what;
  return {
    key: dealFieldKey(f.name),
    label: f.name,
    required: false,
    ...(kind.type ? { type: kind.type } : {}),
    ...(f.kind === 'choice' ? { choices: f.options!.map((o) => ({ value: o.id, label: o.value, sample: o.id })) } : {}),
    // A user field holds a user: picked like an owner, never typed as an id.
    ...(f.kind === 'user' ? { dynamic: USER_DROPDOWN } : {}),
    helpText: `${what}: the deal's "${f.name}" field in Nimble. Leave empty to ${onUpdate ? 'keep its value' : 'skip it'}.`,
  };
};

/**
 * The custom deal fields as inputs (`fields__<slug>`, labelled with the field's name, the key of its
 * output): those of the picked Pipeline (Create Deal), or of the picked deal's pipeline (Update Deal);
 * with a pipeline or deal mapped from an earlier step, those of every pipeline, one input per name.
 * If Nimble's field list cannot be read, the form keeps its standard fields and shows no custom ones
 * (the run checks every filled custom field against the list again); an expired token is still
 * refreshed.
 */
export const dealCustomInputFields =
  (onUpdate: boolean) =>
  async (z: ZObject, bundle: Bundle): Promise<ReturnType<typeof dealCustomInputField>[]> => {
    const api = nimble(z);
    try {
      let pipelineId = onUpdate ? undefined : pickedId(bundle.inputData.pipeline_id);
      const dealId = onUpdate ? pickedId(bundle.inputData.deal_id) : undefined;
      if (dealId) {
        try {
          pipelineId = (await api.getDeal(dealId)).stage_transitions?.pipeline_id;
        } catch (err) {
          if (err instanceof z.errors.RefreshAuthError) throw err;
          // The deal cannot be read: every pipeline's fields, as for a mapped deal.
        }
      }
      return customDealFields(await api.dealFields())
        .filter((f) => writableDealField(f) && inPipeline(f, pipelineId))
        .map((f) => dealCustomInputField(f, onUpdate))
        .filter((f, i, all) => all.findIndex((g) => g.key === f.key) === i);
    } catch (err) {
      if (err instanceof z.errors.RefreshAuthError) throw err;
      z.console.log(`Nimble's deal fields could not be read, so no custom fields are shown: ${(err as Error).message}`);
      return [];
    }
  };

/** The custom deal fields a run fills: its `fields__<slug>` inputs that are not blank. */
export const filledDealFields = (inputData: Record<string, unknown>): [string, unknown][] =>
  Object.entries(inputData).filter(
    ([key, v]) =>
      isFieldKey(key) &&
      v !== undefined &&
      v !== null &&
      !(typeof v === 'string' && v.trim() === '') &&
      !(Array.isArray(v) && v.length === 0),
  );

const BOOLEANS: Record<string, string> = { true: 'true', yes: 'true', false: 'false', no: 'false' };

/**
 * The rule a custom deal field's value is checked with, giving the text Nimble stores ("values are
 * lists of `{ "value": "text" }`", nimble.md §12.3): a number as a string, a date-time with the Zap's
 * UTC offset, a drop-down option by id (its label is accepted too), a user by id. How a yes/no value
 * is written is not documented: `true`/`false`, as Zapier's boolean fields give it and as the
 * contact fields are sent.
 */
export const dealFieldRule = (f: DealCustomField, timezone: unknown): z.ZodType<string> => {
  const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
  switch (f.kind) {
    case 'number':
      return inputs.number().transform(String);
    case 'datetime':
      return inputs.isoDateTime().transform((v) => dateTimeWithOffset(v, timezone));
    case 'boolean':
      return scalar.transform((v, ctx) => {
        const known = BOOLEANS[v.toLowerCase()];
        if (!known) ctx.addIssue({ code: 'custom', message: 'must be yes or no (true or false)' });
        return known ?? z.NEVER;
      });
    case 'choice':
      return scalar.transform((v, ctx) => {
        const options = f.options ?? [];
        const hit =
          options.find((o) => o.id === v) ?? options.find((o) => o.value.trim().toLowerCase() === v.toLowerCase());
        if (!hit) {
          ctx.addIssue({
            code: 'custom',
            message: options.length
              ? `must be one of its options (${options.map((o) => o.value).join(', ')})`
              : "is a drop-down whose options Nimble's field list does not give, so it cannot be set from Zapier",
          });
          return z.NEVER;
        }
        return hit.id;
      });
    case 'user':
      return inputs.id();
    case '':
    case 'string':
    case 'long_string':
      return f.rule === 'email'
        ? inputs.email()
        : f.rule === 'url'
          ? inputs.text().regex(/^https?:\/\/\S+$/i, 'must be a web address starting with http:// or https://')
          : scalar.pipe(inputs.text());
    default:
      return z.never({ error: `is a field of kind "${f.kind}", which cannot be set from Zapier` });
  }
};
