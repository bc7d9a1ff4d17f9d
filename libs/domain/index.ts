export * from './id-number';
export * from './form';
export * from './areas';
export * from './deadlines';
export * from './forecast';
export * from './stage-labels';
export * from './notifications';
