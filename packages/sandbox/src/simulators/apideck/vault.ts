import { json, type SimRequest, type SimResponse } from '../../server';
import { apiError, invalidRequest } from './errors';
import { headerOf, keyAndHeaders } from './gate';
import { vaultSpec } from './spec';
import { APIDECK_SANDBOX_CREDENTIALS, APIDECK_SANDBOX_SERVICE, type ApideckStore, type Rec } from './store';
import type { SimServer } from '../../server';

/**
 * Apideck Vault's list of a connection's custom fields (../shared/specs/apideck-vault.openapi.yml,
 * `customFieldsAll`; apideck-crm.md §6.1): `GET /vault/connections/{unified_api}/{service_id}/{resource}/custom-fields`,
 * for the sandbox consumer's one CRM connection. The list is the custom fields the resource's
 * records carry (as connectors that derive it from sampled records do, per the document's gotchas),
 * each once, with the value of the first record that has it; `?resource_id=` samples that record.
 */

type CustomField = { id?: unknown; name?: unknown; description?: unknown; value?: unknown };

/** The resources whose records carry custom fields (apideck-crm.md §6.1), by their unified names. */
const CUSTOM_FIELD_RESOURCES = ['contacts', 'companies', 'leads', 'opportunities', 'activities'] as const;
type CustomFieldResource = (typeof CUSTOM_FIELD_RESOURCES)[number];
const isCustomFieldResource = (r: string | undefined): r is CustomFieldResource =>
  (CUSTOM_FIELD_RESOURCES as readonly string[]).includes(r ?? '');

const fieldsOf = (rec: Rec): CustomField[] => (Array.isArray(rec.custom_fields) ? rec.custom_fields : []);

/**
 * A field as Vault lists it (`CustomFieldFinder`). `finder` is a JSONPath into the downstream
 * payload; the sandbox's connection is HubSpot, which keeps custom properties under `properties`
 * (the sandbox's own choice: no document gives a HubSpot finder).
 */
const finderItem = (f: CustomField & { id: string }) => ({
  id: f.id,
  name: typeof f.name === 'string' ? f.name : null,
  description: typeof f.description === 'string' ? f.description : null,
  value: f.value ?? null,
  finder: `$.properties.${typeof f.name === 'string' ? f.name : f.id}`,
});

/** The custom fields `records` carry, each once (by id), in the order first met. */
export const listedCustomFields = (records: readonly Rec[]) => {
  const seen = new Map<string, ReturnType<typeof finderItem>>();
  for (const rec of records) {
    for (const f of fieldsOf(rec)) {
      if (typeof f.id === 'string' && f.id !== '' && !seen.has(f.id)) seen.set(f.id, finderItem({ ...f, id: f.id }));
    }
  }
  return [...seen.values()];
};

/**
 * The custom fields a write leaves on a record (apideck-crm.md §6.1: items `{ id, value }`): each
 * written item by id, named as the connection names that field when it knows it; on an update, the
 * record's other custom fields are kept, since an item writes the one downstream field its id names
 * (inferred: the document describes no merging, and a downstream CRM's update changes only the
 * properties it is sent).
 */
export const writtenCustomFields = (
  store: ApideckStore,
  resource: string,
  written: unknown,
  current: unknown = [],
): CustomField[] | undefined => {
  if (!Array.isArray(written)) return undefined;
  const known = new Map(
    listedCustomFields(isCustomFieldResource(resource) ? store.records[resource] : []).map((f) => [f.id, f]),
  );
  const out: CustomField[] = Array.isArray(current) ? [...(current as CustomField[])] : [];
  for (const item of written as CustomField[]) {
    const field = typeof item.id === 'string' ? known.get(item.id) : undefined;
    const next = field
      ? { id: field.id, name: field.name, description: field.description, value: item.value }
      : { ...item };
    const at = out.findIndex((f) => f.id !== undefined && f.id === item.id);
    if (at >= 0) out[at] = next;
    else out.push(next);
  }
  return out;
};

/** Adds Vault's custom-field list to the simulator's server. */
export const addVaultCustomFields = (server: SimServer, store: ApideckStore) => {
  const spec = vaultSpec();
  const customFieldsAll = (req: SimRequest): SimResponse => {
    const problems = keyAndHeaders(spec, 'customFieldsAll', req);
    if (!Array.isArray(problems)) return problems;
    if (problems.length) return invalidRequest(problems);
    const { unified_api: api, service_id: service, resource } = req.params;
    if (
      headerOf(req, 'x-apideck-consumer-id') !== APIDECK_SANDBOX_CREDENTIALS.consumer_id ||
      api !== 'crm' ||
      service !== APIDECK_SANDBOX_SERVICE
    ) {
      return apiError(404, 'NotFoundError', 'Unknown Connection', `No ${api}+${service} connection for this consumer`);
    }
    // The sandbox's own answer for a resource without custom fields: no document says what Vault answers.
    if (!isCustomFieldResource(resource)) {
      return apiError(404, 'NotFoundError', 'Unknown Resource', `${resource} has no custom fields`);
    }
    const sampleId = req.query.get('resource_id');
    const records = store.records[resource].filter((r) => sampleId === null || r.id === sampleId);
    if (sampleId !== null && records.length === 0) {
      return apiError(404, 'NotFoundError', 'Unknown Resource', `Could not find ${resource} with id ${sampleId}`);
    }
    return json(200, { status_code: 200, status: 'OK', data: listedCustomFields(records) });
  };
  spec.route(server, { customFieldsAll });
};
