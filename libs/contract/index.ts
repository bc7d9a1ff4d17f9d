export * from './roles';
export * from './stages';
export * from './money';
export * from './calendar';
export * from './failures';
export * from './messages';
export * from './decision-rules';
export * from './review';
