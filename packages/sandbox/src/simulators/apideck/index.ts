import { SimServer, type SimRequest, type SimResponse } from '../../server';
import { unify } from './gate';
import { create, getOne, list, remove, update } from './records';
import { crmSpec } from './spec';
import { addVaultCustomFields } from './vault';
import { createApideckStore, ENTITY_OF, type ApideckSimulatorOptions, type WritableResource } from './store';

export {
  APIDECK_CUSTOM_FIELDS,
  APIDECK_SANDBOX_CREDENTIALS,
  APIDECK_SANDBOX_SERVICE,
  type ApideckSimulatorOptions,
} from './store';
export * from './webhooks';
export * from './receiver';

/**
 * Apideck's CRM API (../shared/specs/apideck-crm.openapi.yml, version 10.34), in memory: the four
 * headers, the endpoints the Zapier app uses (and Vault's custom-field list, ./vault.ts), the response envelope, cursor paging, the documented
 * `filter[...]` and `sort[...]` parameters, and Apideck's error bodies. Requests are routed and
 * validated with the OpenAPI document (./spec.ts lists where the sandbox departs from it): a
 * request the document forbids gets a 400 RequestValidationError, a reference to a record that
 * does not exist a 422 as the downstream CRM would answer.
 */

type Operation = (req: SimRequest) => SimResponse;

export const createApideckSimulator = (options: ApideckSimulatorOptions = {}) => {
  const store = createApideckStore(options);
  const server = new SimServer('apideck');
  const spec = crmSpec();
  // Operation ids are `<resource><Verb>` (`contactsAll`, `opportunitiesUpdate`, …).
  const operations: Record<string, Operation> = {
    pipelinesAll: (req) => list(store, 'pipelines', req),
    usersAll: (req) => list(store, 'users', req),
  };
  for (const resource of Object.keys(ENTITY_OF) as WritableResource[]) {
    Object.assign(operations, {
      [`${resource}All`]: (req: SimRequest) => list(store, resource, req),
      [`${resource}Add`]: (req: SimRequest) => create(store, resource, req),
      [`${resource}One`]: (req: SimRequest) => getOne(store, resource, req),
      [`${resource}Update`]: (req: SimRequest) => update(store, resource, req),
      [`${resource}Delete`]: (req: SimRequest) => remove(store, resource, req),
    });
  }
  spec.route(
    server,
    Object.fromEntries(Object.entries(operations).map(([id, handle]) => [id, unify(store, spec, id, handle)])),
  );
  addVaultCustomFields(server, store);
  return { server, store: store.records, seeded: store.seeded, onEvent: store.onEvent };
};

export type ApideckSimulator = ReturnType<typeof createApideckSimulator>;
