export * from './messages';
export * from './departure';
