export * from './id-number';
export * from './form';
