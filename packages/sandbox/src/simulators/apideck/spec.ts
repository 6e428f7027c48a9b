import { loadSpec, specDocument, type SpecDocument, type SpecException } from '../openapi';

/**
 * Where Apideck's OpenAPI documents (apideck-crm.openapi.yml, apideck-webhook.openapi.yml) are wrong,
 * following apideck-crm.md (the evidence), each with its reason: the ONE list both the simulators and
 * the integration's contract tests (integrations/apideck/test/contract.ts) apply.
 */

const UPDATES = ['companies', 'contacts', 'opportunities', 'leads', 'notes', 'activities'];

export const APIDECK_CRM_SPEC_EXCEPTIONS: SpecException[] = [
  {
    where: 'PATCH /crm/{resource}/{id} request bodies: `required`',
    why: 'the update operations reuse the create schema, `required` included (Company `name`, Opportunity `title`, Lead `name`, Activity `type`), but PATCH updates partially (apideck-crm.md §1.1: "`PATCH` updates (partially)") and Apideck\'s own examples PATCH partial bodies: an update body needs none of them.',
    apply: (doc) => {
      for (const resource of UPDATES) {
        const op = doc.paths[`/crm/${resource}/{id}`]?.patch as
          { requestBody: { content: Record<string, { schema: { $ref: string } }> } } | undefined;
        const body = op?.requestBody.content['application/json'];
        if (!body) throw new Error(`apideck-crm.openapi.yml has no PATCH /crm/${resource}/{id} body`);
        const name = body.schema.$ref.split('/').pop()!;
        const { required: _required, ...partial } = doc.components.schemas[name]!;
        doc.components.schemas[`${name}Update`] = partial;
        body.schema = { $ref: `#/components/schemas/${name}Update` };
      }
    },
  },
];

/** apideck-crm.openapi.yml with its exceptions, once per process (the simulator's request contract). */
export const crmSpec = () => loadSpec('apideck-crm.openapi.yml', APIDECK_CRM_SPEC_EXCEPTIONS);
/** A fresh copy of apideck-crm.openapi.yml with its exceptions (the contract tests'). */
export const crmDocument = (): SpecDocument => specDocument('apideck-crm.openapi.yml', APIDECK_CRM_SPEC_EXCEPTIONS);
/** apideck-vault.openapi.yml, as published, once per process (the simulator's custom-field list). */
export const vaultSpec = () => loadSpec('apideck-vault.openapi.yml', []);
/** A fresh copy of apideck-vault.openapi.yml, as published (the contract tests'). */
export const vaultDocument = (): SpecDocument => specDocument('apideck-vault.openapi.yml', []);
/** apideck-webhook.openapi.yml, as published, once per process. */
export const webhookSpec = () => loadSpec('apideck-webhook.openapi.yml', []);
