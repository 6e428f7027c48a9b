// zapier-platform-core first (through ./runtime): an app's first import is the kit.
export * from './runtime';
export * from './errors';
export * from './flatten';
export * from './guard';
export * from './http';
export * from './polling';
export * from './secrets';
export * from './validation';
export * from './text';
export * from './apiRequest';
export * from './cache';
