import { namedFieldKeys, toFlatValue, updateEventId, type FlatObject, type Scalar } from '@crm-zapier/kit';
import type {
  Activity,
  ActivityBody,
  Address,
  Channels,
  Company,
  Contact,
  CustomField,
  Lead,
  Note,
  Opportunity,
  PhoneNumber,
  Pipeline,
  User,
} from './schemas';

/**
 * Email types (OpenAPI `Email.type`) that get a key of their own; `email` is the primary (or first).
 * The flatteners below write these keys out by name (for speed): a type added here must be added
 * to `ChannelValues`, `readChannels` and the output literals too.
 */
export const EMAIL_TYPES = ['primary', 'secondary', 'work', 'personal', 'billing', 'other'] as const;
/** Phone types (OpenAPI `PhoneNumber.type`); `phone_number` is the primary (or first). Same rule as EMAIL_TYPES. */
export const PHONE_TYPES = [
  'primary',
  'secondary',
  'home',
  'work',
  'office',
  'mobile',
  'assistant',
  'fax',
  'direct-dial-in',
  'personal',
  'billing',
  'other',
] as const;
export const ADDRESS_TYPES = [
  'primary',
  'secondary',
  'home',
  'office',
  'shipping',
  'billing',
  'work',
  'other',
] as const;
/** Parts of the primary (or first) address that get a key of their own: `address_<part>`. */
export const ADDRESS_PARTS = ['type', 'line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;

const typeKey = (type: string) => type.replace(/-/g, '_');
export const emailKey = (type: string) => `email_${typeKey(type)}`;
export const phoneKey = (type: string) => `phone_${typeKey(type)}`;

const v = (x: string | number | boolean | null | undefined): Scalar => (x === undefined ? null : x);
const clean = (x: string | null | undefined): string | null => {
  if (!x) return null;
  const t = x.trim();
  return t === '' ? null : t;
};

/** The primary item of a list, else the first one. */
const primaryOf = <T extends { type?: string | null }>(items: readonly T[]): T | undefined =>
  items.find((i) => i.type === 'primary') ?? items[0];

/** `a` and `b` joined by `sep`, either left out when empty (as `[a, b].filter(Boolean).join(sep)`). */
const join = (a: string | null, b: string | null, sep: string): string => (a ? (b ? a + sep + b : a) : (b ?? ''));

/** A phone number as one line: `+1 323 111-111-1111 ext. 12`. */
export const phoneText = (p: PhoneNumber): string | null => {
  const number = clean(p.number);
  if (!number) return null;
  const cc = p.country_code;
  let text = cc ? `+${cc.charCodeAt(0) === 43 /* + */ ? cc.slice(1) : cc} ` : '';
  const area = clean(p.area_code);
  if (area) text += `${area} `;
  text += number;
  const ext = clean(p.extension);
  return ext ? `${text} ext. ${ext}` : text;
};

/** An address as one line: its free-text form, else its parts joined. */
export const addressText = (a: Address): string | null => {
  const free = clean(a.string);
  if (free) return free;
  const street = join(clean(a.street_number), clean(a.line1), ' ');
  const cityLine = join(clean(a.postal_code), clean(a.city), ' ');
  const text = join(
    join(join(join(street, clean(a.line2), ', '), cityLine, ', '), clean(a.state), ', '),
    clean(a.country),
    ', ',
  );
  return text || null;
};

/**
 * The values of the channel keys, worked out in one pass over each list: every phone's and
 * address's text is computed once, and the first item of each type is kept as the pass meets it.
 * One instance, refilled per record (flattening is synchronous), so no object is allocated for it;
 * the flatteners read it into their output literal key by key.
 */
class ChannelValues {
  email: string | null = null;
  email_primary: string | null = null;
  email_secondary: string | null = null;
  email_work: string | null = null;
  email_personal: string | null = null;
  email_billing: string | null = null;
  email_other: string | null = null;
  emails: string[] = [];
  phone_number: string | null = null;
  phone_primary: string | null = null;
  phone_secondary: string | null = null;
  phone_home: string | null = null;
  phone_work: string | null = null;
  phone_office: string | null = null;
  phone_mobile: string | null = null;
  phone_assistant: string | null = null;
  phone_fax: string | null = null;
  phone_direct_dial_in: string | null = null;
  phone_personal: string | null = null;
  phone_billing: string | null = null;
  phone_other: string | null = null;
  phone_numbers: string[] = [];
  address: string | null = null;
  address_type: Scalar = null;
  address_line1: Scalar = null;
  address_line2: Scalar = null;
  address_city: Scalar = null;
  address_state: Scalar = null;
  address_postal_code: Scalar = null;
  address_country: Scalar = null;
  addresses: string[] = [];
  website: string | null = null;
  websites: string[] = [];
  social_links: string[] = [];
  tags: string[] = [];
}

const scratch = new ChannelValues();

/**
 * A list for the texts of `items`, allocated at its final size: growing an empty array by `push`
 * gives it room for 17 items, garbage that costs as much as the output object itself.
 */
const sized = (items: readonly unknown[] | null | undefined): string[] => new Array<string>(items ? items.length : 0);
/** The list cut to the `n` items kept (the same list when every item was kept). */
const truncated = (list: string[], n: number): string[] => {
  if (n !== list.length) list.length = n;
  return list;
};

/** Fills `ch` with the channel values of `r` (see flattenChannels). */
const readChannels = (r: Channels): ChannelValues => {
  // Emails: those with a non-blank address; per type the first, `email` the primary else the first.
  let first: string | null = null;
  let primary: string | null = null;
  let secondary: string | null = null;
  let work: string | null = null;
  let personal: string | null = null;
  let billing: string | null = null;
  let other: string | null = null;
  const emailList = r.emails;
  const emails = sized(emailList);
  let n = 0;
  if (emailList) {
    for (let i = 0; i < emailList.length; i++) {
      const e = emailList[i]!;
      const email = e.email;
      if (!clean(email)) continue;
      emails[n++] = email!;
      if (first === null) first = email!;
      switch (e.type) {
        case 'primary':
          if (primary === null) primary = email!;
          break;
        case 'secondary':
          if (secondary === null) secondary = email!;
          break;
        case 'work':
          if (work === null) work = email!;
          break;
        case 'personal':
          if (personal === null) personal = email!;
          break;
        case 'billing':
          if (billing === null) billing = email!;
          break;
        case 'other':
          if (other === null) other = email!;
          break;
      }
    }
  }
  scratch.email = primary ?? first;
  scratch.email_primary = primary;
  scratch.email_secondary = secondary;
  scratch.email_work = work;
  scratch.email_personal = personal;
  scratch.email_billing = billing;
  scratch.email_other = other;
  scratch.emails = truncated(emails, n);

  // Phones: those with a number, each as one line, computed once.
  scratch.phone_number = null;
  scratch.phone_primary = null;
  scratch.phone_secondary = null;
  scratch.phone_home = null;
  scratch.phone_work = null;
  scratch.phone_office = null;
  scratch.phone_mobile = null;
  scratch.phone_assistant = null;
  scratch.phone_fax = null;
  scratch.phone_direct_dial_in = null;
  scratch.phone_personal = null;
  scratch.phone_billing = null;
  scratch.phone_other = null;
  const phoneList = r.phone_numbers;
  const phones = sized(phoneList);
  n = 0;
  if (phoneList) {
    for (let i = 0; i < phoneList.length; i++) {
      const p = phoneList[i]!;
      const text = phoneText(p);
      if (text === null) continue;
      phones[n++] = text;
      if (scratch.phone_number === null) scratch.phone_number = text;
      switch (p.type) {
        case 'primary':
          if (scratch.phone_primary === null) scratch.phone_primary = text;
          break;
        case 'secondary':
          if (scratch.phone_secondary === null) scratch.phone_secondary = text;
          break;
        case 'home':
          if (scratch.phone_home === null) scratch.phone_home = text;
          break;
        case 'work':
          if (scratch.phone_work === null) scratch.phone_work = text;
          break;
        case 'office':
          if (scratch.phone_office === null) scratch.phone_office = text;
          break;
        case 'mobile':
          if (scratch.phone_mobile === null) scratch.phone_mobile = text;
          break;
        case 'assistant':
          if (scratch.phone_assistant === null) scratch.phone_assistant = text;
          break;
        case 'fax':
          if (scratch.phone_fax === null) scratch.phone_fax = text;
          break;
        case 'direct-dial-in':
          if (scratch.phone_direct_dial_in === null) scratch.phone_direct_dial_in = text;
          break;
        case 'personal':
          if (scratch.phone_personal === null) scratch.phone_personal = text;
          break;
        case 'billing':
          if (scratch.phone_billing === null) scratch.phone_billing = text;
          break;
        case 'other':
          if (scratch.phone_other === null) scratch.phone_other = text;
          break;
      }
    }
  }
  if (scratch.phone_primary !== null) scratch.phone_number = scratch.phone_primary;
  scratch.phone_numbers = truncated(phones, n);

  // Addresses: all of them (a blank one too); the primary else the first gives the address keys.
  let main: Address | undefined;
  let mainText: string | null = null;
  const addressList = r.addresses;
  const addresses = sized(addressList);
  n = 0;
  if (addressList) {
    for (let i = 0; i < addressList.length; i++) {
      const a = addressList[i]!;
      const text = addressText(a);
      if (text !== null) addresses[n++] = text;
      if (main === undefined || (a.type === 'primary' && main.type !== 'primary')) {
        main = a;
        mainText = text;
      }
    }
  }
  scratch.address = main ? mainText : null;
  scratch.address_type = main ? v(main.type) : null;
  scratch.address_line1 = main ? v(main.line1) : null;
  scratch.address_line2 = main ? v(main.line2) : null;
  scratch.address_city = main ? v(main.city) : null;
  scratch.address_state = main ? v(main.state) : null;
  scratch.address_postal_code = main ? v(main.postal_code) : null;
  scratch.address_country = main ? v(main.country) : null;
  scratch.addresses = truncated(addresses, n);

  // Websites with a non-blank URL; social links as their non-blank URLs.
  let site: string | null = null;
  let firstSite: string | null = null;
  const siteList = r.websites;
  const websites = sized(siteList);
  n = 0;
  if (siteList) {
    for (let i = 0; i < siteList.length; i++) {
      const w = siteList[i]!;
      if (!clean(w.url)) continue;
      websites[n++] = w.url!;
      if (firstSite === null) firstSite = w.url!;
      if (site === null && w.type === 'primary') site = w.url!;
    }
  }
  scratch.website = site ?? firstSite;
  scratch.websites = truncated(websites, n);
  const socialList = r.social_links;
  const social = sized(socialList);
  n = 0;
  if (socialList) {
    for (let i = 0; i < socialList.length; i++) {
      const url = socialList[i]!.url;
      if (clean(url)) social[n++] = url!;
    }
  }
  scratch.social_links = truncated(social, n);
  scratch.tags = r.tags ?? [];
  return scratch;
};

/**
 * Apideck's `emails[]`, `phone_numbers[]`, `addresses[]`, `websites[]` as flat labelled keys
 * (`email`, `email_work`, `phone_number`, `phone_mobile`, `address_city` …), with each full list kept
 * beside them as a list of text. Every key is always present (null when empty), so outputs match
 * the sample. The record flatteners below write the same keys, in the same order, into their own
 * output literal (one object per record, all keys written at once: bench/RESULTS.md, section 3).
 */
export const flattenChannels = (r: Channels): FlatObject => {
  const c = readChannels(r);
  return {
    email: c.email,
    email_primary: c.email_primary,
    email_secondary: c.email_secondary,
    email_work: c.email_work,
    email_personal: c.email_personal,
    email_billing: c.email_billing,
    email_other: c.email_other,
    emails: c.emails,
    phone_number: c.phone_number,
    phone_primary: c.phone_primary,
    phone_secondary: c.phone_secondary,
    phone_home: c.phone_home,
    phone_work: c.phone_work,
    phone_office: c.phone_office,
    phone_mobile: c.phone_mobile,
    phone_assistant: c.phone_assistant,
    phone_fax: c.phone_fax,
    phone_direct_dial_in: c.phone_direct_dial_in,
    phone_personal: c.phone_personal,
    phone_billing: c.phone_billing,
    phone_other: c.phone_other,
    phone_numbers: c.phone_numbers,
    address: c.address,
    address_type: c.address_type,
    address_line1: c.address_line1,
    address_line2: c.address_line2,
    address_city: c.address_city,
    address_state: c.address_state,
    address_postal_code: c.address_postal_code,
    address_country: c.address_country,
    addresses: c.addresses,
    website: c.website,
    websites: c.websites,
    social_links: c.social_links,
    tags: c.tags,
  };
};

/** Full name as a connector may leave it empty: built from its parts. */
const fullName = (
  name: string | null | undefined,
  first: string | null | undefined,
  middle: string | null | undefined,
  last: string | null | undefined,
): string | null => clean(name) ?? (join(join(clean(first), clean(middle), ' '), clean(last), ' ') || null);

export type Output = FlatObject & { id: string };

/**
 * Custom fields (apideck-crm.md §6.1): each under `custom_<id>` (its `name` when it has no id), the
 * downstream CRM's own name unchanged after the prefix, so no custom field can take one of the
 * app's keys. Values are flattened like every other value: strings, numbers and booleans as they
 * are, a list as a list of scalars, an object (or an object in a list) as JSON text.
 */
const CUSTOM = namedFieldKeys('custom_');

/** What names a custom field: its id, else its name; undefined when it has neither. */
export const customFieldRef = (f: CustomField): string | undefined => {
  for (const ref of [f.id, f.name]) {
    const text = ref === null || ref === undefined ? '' : String(ref).trim();
    if (text !== '') return text;
  }
  return undefined;
};
export const customFieldKey = (ref: string): string => CUSTOM.key(ref);
/** A custom field's label: its name, else its description, else what names it. */
export const customFieldLabel = (f: CustomField, ref: string): string =>
  clean(f.name === null || f.name === undefined ? null : String(f.name)) ?? clean(f.description) ?? ref;

/** Adds the record's custom fields to its output (the first of two with the same key wins). */
const withCustomFields = (out: Output, fields: readonly CustomField[] | null | undefined): Output => {
  if (!fields) return out;
  for (const f of fields) {
    const ref = customFieldRef(f);
    if (ref === undefined) continue;
    const key = CUSTOM.key(ref);
    if (!Object.hasOwn(out, key)) out[key] = toFlatValue(f.value);
  }
  return out;
};

/*
 * The contact, company and lead flatteners below each write the channel keys (email_*, phone_*,
 * address_*, …) out in one object literal on purpose, rather than spreading a shared object: a
 * literal with every key fixed keeps V8's fast object shape, and that is what took contacts from
 * ~55k to ~1.2M records/s (bench/RESULTS.md §3). `readChannels` computes the values once, shared.
 */
export const flattenContact = (c: Contact): Output => {
  const ch = readChannels(c);
  return withCustomFields(
    {
      id: c.id,
      contact_id: c.id,
      name: fullName(c.name, c.first_name, c.middle_name, c.last_name),
      first_name: v(c.first_name),
      middle_name: v(c.middle_name),
      last_name: v(c.last_name),
      prefix: v(c.prefix),
      suffix: v(c.suffix),
      title: v(c.title),
      department: v(c.department),
      company_id: v(c.company_id),
      company_name: v(c.company_name),
      owner_id: v(c.owner_id),
      lead_id: v(c.lead_id),
      type: v(c.type),
      gender: v(c.gender),
      birthday: v(c.birthday),
      language: v(c.language),
      lead_source: v(c.lead_source),
      status: v(c.status),
      active: v(c.active),
      description: v(c.description),
      photo_url: v(c.photo_url),
      email_domain: v(c.email_domain),
      email: ch.email,
      email_primary: ch.email_primary,
      email_secondary: ch.email_secondary,
      email_work: ch.email_work,
      email_personal: ch.email_personal,
      email_billing: ch.email_billing,
      email_other: ch.email_other,
      emails: ch.emails,
      phone_number: ch.phone_number,
      phone_primary: ch.phone_primary,
      phone_secondary: ch.phone_secondary,
      phone_home: ch.phone_home,
      phone_work: ch.phone_work,
      phone_office: ch.phone_office,
      phone_mobile: ch.phone_mobile,
      phone_assistant: ch.phone_assistant,
      phone_fax: ch.phone_fax,
      phone_direct_dial_in: ch.phone_direct_dial_in,
      phone_personal: ch.phone_personal,
      phone_billing: ch.phone_billing,
      phone_other: ch.phone_other,
      phone_numbers: ch.phone_numbers,
      address: ch.address,
      address_type: ch.address_type,
      address_line1: ch.address_line1,
      address_line2: ch.address_line2,
      address_city: ch.address_city,
      address_state: ch.address_state,
      address_postal_code: ch.address_postal_code,
      address_country: ch.address_country,
      addresses: ch.addresses,
      website: ch.website,
      websites: ch.websites,
      social_links: ch.social_links,
      tags: ch.tags,
      last_activity_at: v(c.last_activity_at),
      created_at: v(c.created_at),
      updated_at: v(c.updated_at),
    },
    c.custom_fields,
  );
};

/** An update event: one id per (contact, update time), so each update fires once. */
export const flattenContactUpdate = (c: Contact): Output => {
  const out = flattenContact(c);
  out.id = updateEventId(c.id, c.updated_at ?? c.created_at);
  return out;
};

export const flattenCompany = (c: Company): Output => {
  const ch = readChannels(c);
  return withCustomFields(
    {
      id: c.id,
      company_id: c.id,
      name: v(c.name),
      owner_id: v(c.owner_id),
      industry: v(c.industry),
      description: v(c.description),
      vat_number: v(c.vat_number),
      currency: v(c.currency),
      status: v(c.status),
      annual_revenue: v(c.annual_revenue),
      number_of_employees: v(c.number_of_employees),
      ownership: v(c.ownership),
      parent_id: v(c.parent_id),
      email: ch.email,
      email_primary: ch.email_primary,
      email_secondary: ch.email_secondary,
      email_work: ch.email_work,
      email_personal: ch.email_personal,
      email_billing: ch.email_billing,
      email_other: ch.email_other,
      emails: ch.emails,
      phone_number: ch.phone_number,
      phone_primary: ch.phone_primary,
      phone_secondary: ch.phone_secondary,
      phone_home: ch.phone_home,
      phone_work: ch.phone_work,
      phone_office: ch.phone_office,
      phone_mobile: ch.phone_mobile,
      phone_assistant: ch.phone_assistant,
      phone_fax: ch.phone_fax,
      phone_direct_dial_in: ch.phone_direct_dial_in,
      phone_personal: ch.phone_personal,
      phone_billing: ch.phone_billing,
      phone_other: ch.phone_other,
      phone_numbers: ch.phone_numbers,
      address: ch.address,
      address_type: ch.address_type,
      address_line1: ch.address_line1,
      address_line2: ch.address_line2,
      address_city: ch.address_city,
      address_state: ch.address_state,
      address_postal_code: ch.address_postal_code,
      address_country: ch.address_country,
      addresses: ch.addresses,
      website: ch.website,
      websites: ch.websites,
      social_links: ch.social_links,
      tags: ch.tags,
      last_activity_at: v(c.last_activity_at),
      created_at: v(c.created_at),
      updated_at: v(c.updated_at),
    },
    c.custom_fields,
  );
};

export const flattenOpportunity = (o: Opportunity): Output =>
  withCustomFields(
    {
      id: o.id,
      opportunity_id: o.id,
      title: v(o.title),
      description: v(o.description),
      type: v(o.type),
      monetary_amount: v(o.monetary_amount),
      currency: v(o.currency),
      win_probability: v(o.win_probability),
      expected_revenue: v(o.expected_revenue),
      close_date: v(o.close_date),
      pipeline_id: v(o.pipeline_id),
      pipeline_stage_id: v(o.pipeline_stage_id),
      status: v(o.status),
      primary_contact_id: v(o.primary_contact_id),
      contact_ids: o.contact_ids ?? [],
      company_id: v(o.company_id),
      company_name: v(o.company_name),
      owner_id: v(o.owner_id),
      lead_id: v(o.lead_id),
      lead_source: v(o.lead_source),
      priority: v(o.priority),
      loss_reason: v(o.loss_reason),
      won_reason: v(o.won_reason),
      tags: o.tags ?? [],
      date_stage_changed: v(o.date_stage_changed),
      last_activity_at: v(o.last_activity_at),
      created_at: v(o.created_at),
      updated_at: v(o.updated_at),
    },
    o.custom_fields,
  );

export const flattenOpportunityUpdate = (o: Opportunity): Output => {
  const out = flattenOpportunity(o);
  out.id = updateEventId(o.id, o.updated_at ?? o.created_at);
  return out;
};

export const flattenLead = (l: Lead): Output => {
  const ch = readChannels(l);
  return withCustomFields(
    {
      id: l.id,
      lead_id: l.id,
      name: fullName(l.name, l.first_name, undefined, l.last_name),
      first_name: v(l.first_name),
      last_name: v(l.last_name),
      prefix: v(l.prefix),
      title: v(l.title),
      company_name: v(l.company_name),
      company_id: v(l.company_id),
      contact_id: v(l.contact_id),
      owner_id: v(l.owner_id),
      owner_name: v(l.owner_name),
      lead_source: v(l.lead_source),
      status: v(l.status),
      monetary_amount: v(l.monetary_amount),
      currency: v(l.currency),
      language: v(l.language),
      fax: v(l.fax),
      description: v(l.description),
      email: ch.email,
      email_primary: ch.email_primary,
      email_secondary: ch.email_secondary,
      email_work: ch.email_work,
      email_personal: ch.email_personal,
      email_billing: ch.email_billing,
      email_other: ch.email_other,
      emails: ch.emails,
      phone_number: ch.phone_number,
      phone_primary: ch.phone_primary,
      phone_secondary: ch.phone_secondary,
      phone_home: ch.phone_home,
      phone_work: ch.phone_work,
      phone_office: ch.phone_office,
      phone_mobile: ch.phone_mobile,
      phone_assistant: ch.phone_assistant,
      phone_fax: ch.phone_fax,
      phone_direct_dial_in: ch.phone_direct_dial_in,
      phone_personal: ch.phone_personal,
      phone_billing: ch.phone_billing,
      phone_other: ch.phone_other,
      phone_numbers: ch.phone_numbers,
      address: ch.address,
      address_type: ch.address_type,
      address_line1: ch.address_line1,
      address_line2: ch.address_line2,
      address_city: ch.address_city,
      address_state: ch.address_state,
      address_postal_code: ch.address_postal_code,
      address_country: ch.address_country,
      addresses: ch.addresses,
      website: ch.website,
      websites: ch.websites,
      social_links: ch.social_links,
      tags: ch.tags,
      created_at: v(l.created_at),
      updated_at: v(l.updated_at),
    },
    l.custom_fields,
  );
};

/** A lead as a dropdown shows it: `Elon Musk (Tesla)`, else its name or email, else the id. */
export const leadChoice = (l: Lead): { id: string; name: string } => {
  const name = fullName(l.name, l.first_name, undefined, l.last_name);
  const company = clean(l.company_name);
  const email = clean(primaryOf((l.emails ?? []).filter((e) => clean(e.email)))?.email);
  const label = name ?? email ?? l.id;
  return { id: l.id, name: company && label !== l.id ? `${label} (${company})` : label };
};

export const flattenNote = (n: Note): Output => ({
  id: n.id,
  note_id: n.id,
  title: v(n.title),
  content: v(n.content),
  owner_id: v(n.owner_id),
  contact_id: v(n.contact_id),
  company_id: v(n.company_id),
  opportunity_id: v(n.opportunity_id),
  lead_id: v(n.lead_id),
  active: v(n.active),
  created_at: v(n.created_at),
  updated_at: v(n.updated_at),
});

export const flattenActivity = (a: Activity | (ActivityBody & { id: string })): Output => ({
  id: a.id,
  activity_id: a.id,
  type: v(a.type),
  title: v(a.title),
  description: v(a.description),
  activity_datetime: v(a.activity_datetime),
  start_datetime: v(a.start_datetime),
  end_datetime: v(a.end_datetime),
  duration_seconds: v(a.duration_seconds),
  contact_id: v(a.contact_id),
  company_id: v(a.company_id),
  opportunity_id: v(a.opportunity_id),
  owner_id: v(a.owner_id),
  done: 'done' in a ? v(a.done) : null,
  created_at: 'created_at' in a ? v(a.created_at) : null,
  updated_at: 'updated_at' in a ? v(a.updated_at) : null,
});

/** Dropdown choices. */
export const userChoice = (u: User): { id: string; name: string } => ({
  id: u.id,
  name:
    clean(u.name) ??
    ([u.first_name, u.last_name].map(clean).filter(Boolean).join(' ') ||
      clean(u.username) ||
      clean(primaryOf(u.emails ?? [])?.email) ||
      u.id),
});
export const pipelineChoice = (p: Pipeline): { id: string; name: string } => ({
  id: p.id,
  name: clean(p.name) ?? p.id,
});
export const stageChoices = (
  p: Pipeline,
): { id: string; name: string; label: string; pipeline_id: string; pipeline_name: string }[] =>
  [...(p.stages ?? [])]
    .sort((a, b) => (a.display_order ?? 0) - (b.display_order ?? 0))
    .map((s) => {
      const pipelineName = clean(p.name) ?? p.id;
      const name = clean(s.name) ?? s.id;
      return { id: s.id, name, label: `${pipelineName} › ${name}`, pipeline_id: p.id, pipeline_name: pipelineName };
    });
export const companyChoice = (c: Company): { id: string; name: string } => ({ id: c.id, name: clean(c.name) ?? c.id });
/** A contact as a dropdown shows it: `Elon Musk (elon@musk.com)`, else whichever of the two it has, else the id. */
export const contactChoice = (c: Contact): { id: string; name: string } => {
  const name = fullName(c.name, c.first_name, c.middle_name, c.last_name);
  const email = clean(primaryOf((c.emails ?? []).filter((e) => clean(e.email)))?.email);
  return { id: c.id, name: name && email ? `${name} (${email})` : (name ?? email ?? c.id) };
};
/** A deal (opportunity) as a dropdown shows it: its title, else the id. */
export const dealChoice = (o: Opportunity): { id: string; name: string } => ({
  id: o.id,
  name: clean(o.title) ?? o.id,
});
