export * from './ids';
export * from './messages';
