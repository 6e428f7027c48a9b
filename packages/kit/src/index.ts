// zapier-platform-core first: an integration's first import is the kit, and loading zod (through
// ./http → ./validation) before core leaves ~15 MB more RSS after start-up (bench/RESULTS.md).
export * from './runtime';
export * from './errors';
export * from './flatten';
export * from './http';
export * from './polling';
export * from './validation';
