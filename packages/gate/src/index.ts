export * from './checks';
export * from './consistency';
export * from './definition';
export * from './waivers';
export * from './readme';
export * from './layout';
export * from './editor';
