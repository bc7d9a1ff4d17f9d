export * from './ids';
export * from './messages';
export * from './ranking';
export * from './rules';
