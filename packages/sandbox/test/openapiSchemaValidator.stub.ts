/**
 * Stands in for openapi-schema-validator under jest (jest.config.js maps it here). openapi-backend
 * requires it when it loads, and uses it only to validate a whole document in its full mode; every
 * user of openapi-backend here (the simulators, the integrations' contract tests) loads documents
 * in quick mode, which never calls it. Loading it (its own Ajv, its formats and the OpenAPI
 * meta-schemas) in every test file that uses openapi-backend costs a few hundred milliseconds.
 */
export default class OpenAPISchemaValidator {
  validate(): never {
    throw new Error('openapi-schema-validator is not loaded under jest: load documents in quick mode');
  }
}
