export * from './server';
export * from './nethunt';
export * from './tour.lib';
export * from './plans';
export * from './plan.helpers';
export * from './nethunt.plan';
