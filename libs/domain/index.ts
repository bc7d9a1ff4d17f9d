export * from './id-number';
export * from './form';
export * from './areas';
export * from './deadlines';
export * from './forecast';
