import type { SimResponse } from '../../server';
import { invalidFields } from './errors';
import type { StoredValue } from './store';

/**
 * The account's contact fields (`GET /api/v1/contacts/fields`, `Fields.ContactsFieldsMetadata`) and
 * the check of a contact's `fields` body against them, as Nimble's contact validation answers.
 */

interface FieldDef {
  name: string;
  field_id: string;
  multiples: boolean;
  modifiers: string[];
  kind: 'string' | 'long_string' | 'choice' | 'number' | 'datetime' | 'address' | 'employment';
  choices?: { id: string; value: string }[];
  read_only?: boolean;
  group?: string;
}

const FIELD_DEFS: FieldDef[] = [
  { name: 'first name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'last name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'middle name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'company name', multiples: false, modifiers: [''], kind: 'string', group: 'Basic Info' },
  { name: 'contact employment', multiples: true, modifiers: [''], kind: 'employment', group: 'Basic Info' },
  { name: 'birthday', multiples: false, modifiers: [''], kind: 'string' },
  { name: 'domain', multiples: false, modifiers: [''], kind: 'string' },
  {
    name: 'phone',
    multiples: true,
    modifiers: ['work', 'home', 'mobile', 'main', 'home fax', 'work fax', 'other'],
    kind: 'string',
  },
  { name: 'email', multiples: true, modifiers: ['work', 'personal', 'other'], kind: 'string' },
  { name: 'URL', multiples: true, modifiers: ['work', 'personal', 'blog', 'other'], kind: 'string' },
  { name: 'skype id', multiples: true, modifiers: [''], kind: 'string' },
  { name: 'twitter', multiples: true, modifiers: [''], kind: 'string' },
  { name: 'linkedin', multiples: true, modifiers: [''], kind: 'string' },
  { name: 'address', multiples: true, modifiers: ['work', 'home', 'other'], kind: 'address' },
  { name: 'description', multiples: true, modifiers: ['other'], kind: 'long_string' },
  { name: 'source', multiples: false, modifiers: [''], kind: 'string', read_only: true },
  {
    name: 'lead status',
    multiples: false,
    modifiers: [''],
    kind: 'choice',
    choices: [
      { id: '1', value: 'Open' },
      { id: '2', value: 'Contacted' },
      { id: '3', value: 'Qualified' },
    ],
  },
  {
    name: 'Customer Tier',
    multiples: false,
    modifiers: [''],
    kind: 'choice',
    choices: [
      { id: '1', value: 'Gold' },
      { id: '2', value: 'Silver' },
    ],
  },
  { name: 'Contract Value', multiples: false, modifiers: [''], kind: 'number' },
].map((f, i) => ({ ...f, field_id: `5049f697a694620a070000${(0x40 + i).toString(16)}` }) as FieldDef);

export const fieldDef = (name: string) => FIELD_DEFS.find((f) => f.name === name);

const member = (f: FieldDef) => ({
  type: 'field',
  name: f.name,
  field_id: f.field_id,
  modifier: '',
  multiples: f.multiples,
  read_only: f.read_only ?? false,
  available_actions: f.choices ? 'edit_choices_only' : 'view_only',
  field_type: {
    field_kind: f.kind,
    ...(f.choices ? { values: { ordering_type: 'ordinal', values: f.choices } } : {}),
  },
  presentation: f.kind === 'number' ? { number_type: 'decimal', fraction_digits: 2 } : null,
});

/** `GET /api/v1/contacts/fields`: tabs → a group of basic fields, then bare fields. */
export const fieldsMetadata = () => ({
  tabs: [
    {
      tab_id: '5049f696a694620a07000030',
      tab_name: 'Personal Info',
      contact_types: 'person',
      is_standard: true,
      available_actions: 'rearrange_only',
      members: [
        {
          type: 'group',
          name: 'Basic Info',
          group_id: '5049f696a694620a07000031',
          logo_id: 'person',
          is_standard: true,
          fields: FIELD_DEFS.filter((f) => f.group === 'Basic Info').map(member),
        },
        ...FIELD_DEFS.filter((f) => !f.group).map(member),
      ],
    },
  ],
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const parseObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/** What is wrong with one value of a field, by the field's kind; undefined when nothing is. */
const valueProblem = (def: FieldDef, value: string): string | undefined => {
  if (def.kind === 'address' || def.kind === 'employment') {
    const parsed = parseObject(value);
    if (!parsed) return 'Value must be a JSON-encoded object';
    if (def.kind === 'employment' && !parsed.company_name && !parsed.title) return 'company_name or title is required';
  }
  if (def.kind === 'choice' && !def.choices?.some((c) => c.id === value)) return `"${value}" is not the id of a choice`;
  if (def.kind === 'number' && Number.isNaN(Number(value))) return 'Value must be a number';
  return undefined;
};

/** One field's values to store (null: the field is cleared), or what is wrong with them. */
const readField = (def: FieldDef, values: unknown): StoredValue[] | null | string => {
  if (def.read_only) return `Field "${def.name}" is read-only`;
  if (!Array.isArray(values)) return 'Values must be a list of {value, modifier}';
  const list: StoredValue[] = [];
  for (const item of values as unknown[]) {
    const v = isObject(item) ? item : {};
    const modifier = typeof v.modifier === 'string' ? v.modifier : '';
    if (!def.modifiers.includes(modifier)) {
      return `Modifier "${modifier}" is not one of: ${def.modifiers.map((m) => `"${m}"`).join(', ')}`;
    }
    if (v.value === null) continue; // null removes the value with this modifier
    if (typeof v.value !== 'string') return 'Value must be a string';
    const problem = valueProblem(def, v.value);
    if (problem) return problem;
    list.push({ value: v.value, modifier, ...(v.is_primary === true ? { is_primary: true } : {}) });
  }
  if (!def.multiples && list.length > 1) return `Field "${def.name}" holds one value`;
  return values.length === 0 ? null : list;
};

/**
 * Validates a contact `fields` body the way Nimble's contact validation answers: errors keyed by the
 * field name, with its `field_id`. Returns the values to store (null: cleared), or a 409.
 */
export const readContactFields = (raw: Record<string, unknown>): Record<string, StoredValue[] | null> | SimResponse => {
  const out: Record<string, StoredValue[] | null> = {};
  const errors: Record<string, { message: string; field_id: string | null }> = {};
  for (const [name, values] of Object.entries(raw)) {
    const def = fieldDef(name);
    const read = def ? readField(def, values) : `Unknown field "${name}"`;
    if (typeof read === 'string') errors[name] = { message: read, field_id: def?.field_id ?? null };
    else out[name] = read;
  }
  return Object.keys(errors).length ? invalidFields(errors) : out;
};
