/** One jest run for every package: TypeScript sources through ts-jest (type-checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  // `../index` in an integration's tests is its index.ts, not index.js → dist/ (which may be stale).
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@crm-zapier/kit$': '<rootDir>/packages/kit/src/index.ts',
    '^@crm-zapier/kit/testing$': '<rootDir>/packages/kit/src/testing.ts',
    '^@crm-zapier/sandbox$': '<rootDir>/packages/sandbox/src/index.ts',
    '^@crm-zapier/gate$': '<rootDir>/packages/gate/src/index.ts',
    '^nethunt-crm$': '<rootDir>/integrations/nethunt/index.ts',
    '^lunarsend$': '<rootDir>/integrations/lunarsend/index.ts',
    '^nimble$': '<rootDir>/integrations/nimble/index.ts',
    '^apideck-crm$': '<rootDir>/integrations/apideck/index.ts',
    // openapi-backend's two dependencies that quick mode never calls (the first is ESM only): see the stubs.
    '^@apidevtools/json-schema-ref-parser$': '<rootDir>/packages/sandbox/test/jsonSchemaRefParser.stub.ts',
    '^openapi-schema-validator$': '<rootDir>/packages/sandbox/test/openapiSchemaValidator.stub.ts',
  },
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/integrations/*/test/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.*/build/'],
  testTimeout: 20000,
};
