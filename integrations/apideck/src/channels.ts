import type { ChannelMode } from './inputs';
import type { ChannelLists, ChannelsBody } from './schemas';

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
const setsChannelList = (body: ChannelsBody): boolean =>
  body.emails !== undefined ||
  body.phone_numbers !== undefined ||
  body.addresses !== undefined ||
  body.websites !== undefined;

/**
 * The update body with each list it sets merged into the record's list of that kind. `body` holds
 * at most one item per kind (the user's inputs, `toChannels`); kinds it leaves out stay out.
 */
const mergeChannels = <B extends ChannelsBody>(body: B, record: ChannelLists): B => {
  const merged = { ...body };
  for (const kind of Object.keys(PARTS) as Kind[]) {
    const wanted = body[kind]?.[0];
    if (!wanted) continue;
    const current = record[kind] ?? [];
    const items =
      kind === 'addresses' ? mergeAddress(current, { ...wanted }) : mergeValue(kind, current, { ...wanted });
    // The merged items are the user's item and the record's items with their documented parts.
    Object.assign(merged, { [kind]: items });
  }
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
