import { nonBlank } from '@crm-zapier/kit';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { apideck, type CustomFieldResource } from './client';
import type { CustomFieldBody, ListedCustomField } from './schemas';

/*
 * Custom fields (`custom_fields`, apideck-crm.md §6.1) as inputs of Create/Update Contact, Company,
 * Lead and Deal: one input per custom field the connection lists (Vault, `customFieldsAll`), else
 * one free "Custom Fields" input of id → value pairs. Writes send `custom_fields: [{ id, value }]`
 * with only the fields filled in.
 */

/** A listed custom field's input key: the prefix keeps it apart from every static input key. */
const INPUT_PREFIX = 'custom_fields__';
export const customFieldInputKey = (id: string): string => `${INPUT_PREFIX}${id}`;

/** The free input (a dict: custom field id → value), shown when the connection's list is empty or unreadable. */
export const OTHER_CUSTOM_FIELDS = 'other_custom_fields';

export const otherCustomFieldsField = {
  key: OTHER_CUSTOM_FIELDS,
  label: 'Custom Fields',
  dict: true,
  required: false,
  helpText:
    "Custom fields to set: on the left the field's ID in your CRM (e.g. `Score__c` in Salesforce, the property's internal name in HubSpot), on the right its value. Rows left empty are not sent.",
} as const;

const textOf = (x: string | number | null | undefined): string | undefined =>
  x === null || x === undefined ? undefined : nonBlank(String(x));

/**
 * The connection's connector (the `{service_id}` of Vault's path): the connection's own Service ID,
 * else the `service` Apideck names in the answer of a one-record list of `resource` (§5.5, §17.1).
 */
const connector = async (z: ZObject, bundle: Bundle, resource: CustomFieldResource): Promise<string> => {
  const own = nonBlank(bundle.authData?.service_id);
  if (own !== undefined) return own;
  const page = await apideck(z)[resource]({ limit: 1 });
  const service = nonBlank(page.service);
  if (service === undefined) throw new Error('Apideck named no connector in its answer');
  return service;
};

/** The listed fields that can be written (they have an id), each once, in Vault's order. */
const writable = (listed: readonly ListedCustomField[]): { id: string; name?: string; description?: string }[] => {
  const seen = new Set<string>();
  return listed.flatMap((f) => {
    const id = textOf(f.id);
    if (id === undefined || seen.has(id)) return [];
    seen.add(id);
    return [{ id, name: textOf(f.name), description: nonBlank(f.description) }];
  });
};

/**
 * The input fields of `resource`'s custom fields, for the Zap editor: one per field the connection
 * lists, labelled with its name (else its id), its description as help. One request to Vault, and
 * one before it (a one-record list) when the connection names no Service ID. When the list cannot be
 * read (no connector named, Vault refuses, the connector has no list) or is empty, the free
 * "Custom Fields" input instead: the editor never fails because of the list.
 */
export const customFieldInputs = (resource: CustomFieldResource) => async (z: ZObject, bundle: Bundle) => {
  let listed: ListedCustomField[];
  try {
    listed = await apideck(z).customFields(await connector(z, bundle, resource), resource);
  } catch (err) {
    z.console.log(
      `Custom fields are entered by ID: the connection's list could not be read (${(err as Error).message}).`,
    );
    return [otherCustomFieldsField];
  }
  const fields = writable(listed);
  if (fields.length === 0) return [otherCustomFieldsField];
  return fields.map((f) => ({
    key: customFieldInputKey(f.id),
    label: f.name ?? f.id,
    required: false,
    helpText: `${f.description ? `${f.description.replace(/\.?$/, '.')} ` : ''}Custom field \`${f.id}\`. Leave empty to skip it.`,
  }));
};

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A value as it is sent: text trimmed, a number or true/false as given; anything else is refused. */
const valueOf = (z: ZObject, id: string, v: unknown): string | number | boolean => {
  if (typeof v === 'string') return v.trim();
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return v;
  throw new z.errors.Error(
    `Custom field "${id}": must be text, a number or true/false, not ${Array.isArray(v) ? 'a list' : typeof v}.`,
    'InvalidInput',
    400,
  );
};

/**
 * The custom fields filled in, as the body's `custom_fields` (undefined when none is): the listed
 * fields' inputs, then the free pairs whose id no listed input gave. Empty values are not sent, so
 * an update changes only the custom fields the user filled in. Checked before any request: a value
 * that is a list or an object, or free pairs that are not pairs, stop the step naming the field.
 */
export const customFieldsOf = (z: ZObject, inputData: Record<string, unknown>): CustomFieldBody[] | undefined => {
  const items = new Map<string, CustomFieldBody>();
  for (const [key, v] of Object.entries(inputData)) {
    if (!key.startsWith(INPUT_PREFIX) || key.length === INPUT_PREFIX.length || isBlank(v)) continue;
    const id = key.slice(INPUT_PREFIX.length);
    items.set(id, { id, value: valueOf(z, id, v) });
  }
  const other = inputData[OTHER_CUSTOM_FIELDS];
  if (!isBlank(other)) {
    if (typeof other !== 'object' || Array.isArray(other)) {
      throw new z.errors.Error(
        `${otherCustomFieldsField.label}: must be pairs of a custom field ID and a value.`,
        'InvalidInput',
        400,
      );
    }
    for (const [rawId, v] of Object.entries(other as Record<string, unknown>)) {
      const id = rawId.trim();
      if (isBlank(v) || items.has(id)) continue;
      if (id === '') {
        throw new z.errors.Error(
          `${otherCustomFieldsField.label}: a value has no custom field ID.`,
          'InvalidInput',
          400,
        );
      }
      items.set(id, { id, value: valueOf(z, id, v) });
    }
  }
  return items.size > 0 ? [...items.values()] : undefined;
};

/**
 * The input with its custom fields gathered under `custom_fields` (see `customFieldsOf`), for the
 * operation's zod rules: an update that changes only custom fields changes something.
 */
export const withCustomFields = (z: ZObject, inputData: Record<string, unknown>): Record<string, unknown> => ({
  ...inputData,
  custom_fields: customFieldsOf(z, inputData),
});
