/**
 * The app definition as Zapier sees it: core compiles the app and serialises it (functions become
 * `$func$…` markers), exactly what `zapier-platform validate` and `build` send on.
 */

// Core exports its tools under `zapier-platform-core/src/*` (package.json "exports").
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemaTools = require('zapier-platform-core/src/tools/schema') as {
  prepareApp: (app: object) => object;
  serializeApp: (compiled: object) => Definition;
  validateApp: (compiled: object) => SchemaError[];
};

export interface SchemaError {
  property?: string;
  message?: string;
  stack?: string;
}

export interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  required?: boolean;
  list?: boolean;
  dict?: boolean;
  children?: Field[];
  dynamic?: string;
  search?: string;
  choices?: unknown;
  [k: string]: unknown;
}

/** An input or output field list item: a field, or a `$func$` marker for a function. */
export type FieldItem = Field | string;

export interface Operation {
  type?: string;
  perform?: unknown;
  performList?: unknown;
  performSubscribe?: unknown;
  performUnsubscribe?: unknown;
  inputFields?: FieldItem[];
  outputFields?: FieldItem[];
  sample?: Record<string, unknown>;
  canPaginate?: boolean;
  [k: string]: unknown;
}

export interface Action {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean; helpText?: string };
  operation: Operation;
}

export interface Definition {
  version?: string;
  platformVersion?: string;
  authentication?: {
    type: string;
    fields?: Field[];
    connectionLabel?: unknown;
    test?: unknown;
    [k: string]: unknown;
  };
  flags?: Record<string, unknown>;
  triggers?: Record<string, Action>;
  searches?: Record<string, Action>;
  creates?: Record<string, Action>;
  searchOrCreates?: Record<string, { key: string; search: string; create: string; update?: string; display?: object }>;
  [k: string]: unknown;
}

export const definitionOf = (app: object): Definition => schemaTools.serializeApp(schemaTools.prepareApp(app));

/** Zapier's own local validation: JSON schema plus the functional constraints. */
export const schemaErrorsOf = (app: object): SchemaError[] => schemaTools.validateApp(schemaTools.prepareApp(app));
