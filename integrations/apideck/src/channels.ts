import { defineInputField } from 'zapier-platform-core';
import type { AddressBody, ChannelLists, ChannelsBody, EmailBody, PhoneNumberBody, WebsiteBody } from './schemas';

/*
 * What an update does with the record's lists of emails, phone numbers, addresses and websites.
 *
 * Apideck documents PATCH as a partial update (apideck-crm.md §1.1): the fields a body leaves out
 * keep their values. A list field the body carries, though, is one value, and the body's list is
 * the list the record has afterwards: nothing in the document merges list items. So sending the
 * single Email input as `emails: [{…}]` would leave the contact with that one email only. By
 * default an update therefore reads the record's lists, merges the user's item into them by type,
 * and sends the merged lists; "Replace all" sends the user's items alone, as before.
 */

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
export const forUpdate = <F extends { key: string; helpText?: string }>(fields: readonly F[]): F[] =>
  fields.map((f) =>
    UPDATE_NOTES[f.key]
      ? {
          ...f,
          helpText: `${f.helpText ?? ''} ${UPDATE_NOTES[f.key]} See **Emails, Phones, Addresses and Websites**.`.trim(),
        }
      : f,
  );

/** The documented parts of each kind of item (OpenAPI Email, PhoneNumber, Address, Website). */
const PARTS = {
  emails: ['id', 'email', 'type'],
  phone_numbers: ['id', 'country_code', 'area_code', 'number', 'extension', 'type'],
  addresses: [
    'id',
    'type',
    'string',
    'name',
    'line1',
    'line2',
    'line3',
    'line4',
    'line5',
    'street_number',
    'city',
    'state',
    'postal_code',
    'country',
    'latitude',
    'longitude',
    'county',
    'contact_name',
    'salutation',
    'phone_number',
    'fax',
    'email',
    'website',
    'notes',
    'row_version',
  ],
  websites: ['id', 'url', 'type'],
} as const;
type Kind = keyof typeof PARTS;
type Item = Record<string, unknown>;

/** An item read from the record, with only its documented parts that have a value. */
const documented = (kind: Kind, item: Item): Item =>
  Object.fromEntries(PARTS[kind].flatMap((k) => (item[k] === undefined || item[k] === null ? [] : [[k, item[k]]])));

const text = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
const digits = (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : '');
/** The value that makes two items the same email, number or website (addresses have none). */
const sameValue: Record<Exclude<Kind, 'addresses'>, (a: Item, b: Item) => boolean> = {
  emails: (a, b) => text(a.email) !== '' && text(a.email) === text(b.email),
  phone_numbers: (a, b) => digits(a.number) !== '' && digits(a.number) === digits(b.number),
  websites: (a, b) => text(a.url) !== '' && text(a.url) === text(b.url),
};

/**
 * The record's list with the user's email, number or website in it: unchanged when the record
 * already has that value; else it replaces the first item of the same type (keeping that item's
 * id, so the CRM changes it in place, but none of its other parts, which belong to the old value);
 * else it is added at the end.
 */
const mergeValue = (kind: Exclude<Kind, 'addresses'>, current: Item[], wanted: Item): Item[] => {
  const items = current.map((i) => documented(kind, i));
  if (items.some((i) => sameValue[kind](i, wanted))) return items;
  const at = items.findIndex((i) => i.type === wanted.type);
  if (at === -1) return [...items, wanted];
  const id = items[at]!.id;
  return items.map((item, i) => (i === at ? { ...(id === undefined ? {} : { id }), ...wanted } : item));
};

/** The record's addresses with the parts the user gave written into the address of that type (or added). */
const mergeAddress = (current: Item[], wanted: Item): Item[] => {
  const items = current.map((i) => documented('addresses', i));
  const given = Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined));
  const at = items.findIndex((i) => i.type === wanted.type);
  if (at === -1) return [...items, given];
  return items.map((item, i) => (i === at ? { ...item, ...given } : item));
};

/** True when the body sets one of the lists an update merges (tags are not one: they are replaced). */
export const setsChannelList = (body: ChannelsBody): boolean =>
  body.emails !== undefined ||
  body.phone_numbers !== undefined ||
  body.addresses !== undefined ||
  body.websites !== undefined;

/**
 * The update body with each list it sets merged into the record's list of that kind. `body` holds
 * at most one item per kind (the user's inputs, `toChannels`); kinds it leaves out stay out.
 */
export const mergeChannels = <B extends ChannelsBody>(body: B, record: ChannelLists): B => {
  const merged: B = { ...body };
  const [email] = body.emails ?? [];
  if (email) merged.emails = mergeValue('emails', record.emails ?? [], { ...email }) as unknown as EmailBody[];
  const [phone] = body.phone_numbers ?? [];
  if (phone)
    merged.phone_numbers = mergeValue('phone_numbers', record.phone_numbers ?? [], {
      ...phone,
    }) as unknown as PhoneNumberBody[];
  const [address] = body.addresses ?? [];
  if (address) merged.addresses = mergeAddress(record.addresses ?? [], { ...address }) as AddressBody[];
  const [website] = body.websites ?? [];
  if (website)
    merged.websites = mergeValue('websites', record.websites ?? [], { ...website }) as unknown as WebsiteBody[];
  return merged;
};

/**
 * The body an update sends. "Replace all", or no list input at all: the body as it is (no read).
 * Otherwise the record's lists are read (`read`, one GET) and the user's items merged into them.
 */
export const updateBody = async <B extends ChannelsBody>(
  body: B,
  mode: ChannelMode | undefined,
  read: () => Promise<ChannelLists>,
): Promise<B> => (mode === 'replace' || !setsChannelList(body) ? body : mergeChannels(body, await read()));

/** Inputs that say how to apply other inputs, and change nothing on their own. */
const MODIFIERS = new Set(['channel_mode', 'email_type', 'phone_type', 'address_type']);

/** True when an update's input changes something besides naming the record (`idKey`). */
export const changesSomething = (input: Record<string, unknown>, idKey: string): boolean =>
  Object.entries(input).some(([k, v]) => k !== idKey && !MODIFIERS.has(k) && v !== undefined);
