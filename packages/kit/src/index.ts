export * from './errors';
export * from './flatten';
export * from './http';
export * from './polling';
export * from './validation';
export * from './runtime';
