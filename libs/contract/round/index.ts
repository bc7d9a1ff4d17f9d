export * from './carry';
export * from './ids';
export * from './messages';
export * from './packed';
export * from './ranking';
export * from './rules';
