export * from './ids';
export * from './messages';
export * from './rules';
