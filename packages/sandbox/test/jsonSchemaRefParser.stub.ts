/**
 * Stands in for @apidevtools/json-schema-ref-parser under jest (jest.config.js maps it here).
 * openapi-backend requires it when it loads, and its v16 is an ES module, which jest's CommonJS
 * runtime cannot load (Node 22 itself can: `npm start` uses the real one). The simulators load their
 * documents in openapi-backend's quick mode, which dereferences with dereference-json-schema and
 * only calls `parse` here, to keep the document as given.
 */
const same = (doc: unknown) => Promise.resolve(doc);
export default { parse: same, dereference: same, resolve: same, bundle: same };
